import { dayBit, firstDayOfMonth, monthOfDay } from '../../common/days.js';
import { seatsFreeSql, seatsUsedSql } from '../subscriptions/seat-rules.js';
import { runningSql } from '../subscriptions/subscription-rules.js';
import { bitCountSql } from '../usage/rollups.js';
import type { DayRange } from './report-range.js';

/**
 * SQL fragments of Seat Usage. A seat is one assignment on a running subscription
 * (subscriptions/subscription-rules.ts); its use is the use of any product the subscription includes. Whole-account
 * questions read the roll-ups (see usage/rollups.ts): the last day per person and product, and
 * monthly day masks per person and subscription or product, so sorting 10,000 seats by days used
 * over a year reads at most 13 small rows per seat. A page of seats reads its own daily rows.
 */

export interface Fragment {
  sql: string;
  params: unknown[];
}

/**
 * The running seats of an account, with the subscription and the holder's membership (`mb`: the
 * person as the account sees them, users/membership.entity.ts) joined.
 */
export function runningSeats(accountId: string, todayIso: string): Fragment {
  return {
    sql: `from seat_assignments sa
      join subscriptions s on s.id = sa.subscription_id
      join memberships mb on mb.account_id = sa.account_id and mb.user_id = sa.user_id
      where sa.account_id = ? and ${runningSql('s')}`,
    params: [accountId, todayIso],
  };
}

/** Last day (ever) the holder of seat `alias` used a product of its subscription; null if never. */
export const lastDayOf = (alias: string) => `(select max(l.last_day) from subscription_products sp
    join usage_last l on l.account_id = sp.account_id and l.user_id = ${alias}.user_id and l.product_id = sp.product_id
    where sp.account_id = ${alias}.account_id and sp.subscription_id = ${alias}.subscription_id)`;

/** The months a range touches, each with the mask of its days inside the range. */
export function monthsOf(range: Pick<DayRange, 'from' | 'to'>): { month: number; mask: number; whole: boolean }[] {
  const months = [];
  for (let month = monthOfDay(range.from); month <= monthOfDay(range.to); month += 1) {
    const first = Math.max(firstDayOfMonth(month), range.from);
    const last = Math.min(firstDayOfMonth(month + 1) - 1, range.to);
    const mask = dayBit(last) * 2 - dayBit(first);
    months.push({ month, mask, whole: first === firstDayOfMonth(month) && last === firstDayOfMonth(month + 1) - 1 });
  }
  return months;
}

/**
 * Days of use in a range of a monthly mask row `alias` (with `month`, `days`, `day_count`): whole
 * months count their stored total, the (at most two) cut months count the bits inside the range.
 * The masks are integers computed here, written into the SQL as numbers.
 */
export function daysInRange(alias: string, range: Pick<DayRange, 'from' | 'to'>, pg: boolean): string {
  const cut = monthsOf(range).filter((month) => !month.whole);
  if (!cut.length) return `${alias}.day_count`;
  const cases = cut.map(({ month, mask }) => `when ${month} then ${bitCountSql(pg, `(${alias}.days & ${mask})`)}`).join(' ');
  return `case ${alias}.month ${cases} else ${alias}.day_count end`;
}

/** Days the holder of seat `alias` used a product of its subscription in a range. */
export const seatDaysOf = (alias: string, range: DayRange, pg: boolean) => `(select coalesce(sum(${daysInRange('m', range, pg)}), 0)
    from seat_months m where m.account_id = ${alias}.account_id and m.subscription_id = ${alias}.subscription_id
      and m.user_id = ${alias}.user_id and m.month between ${monthOfDay(range.from)} and ${monthOfDay(range.to)})`;

/** Seats per product on running subscriptions. */
export function seatsPerProduct(accountId: string, todayIso: string): Fragment {
  return {
    sql: `select p.id, p.code, p.name, sum(s.seats) as seats_total, sum(${seatsUsedSql('s')}) as seats_assigned
      from subscription_products sp
      join subscriptions s on s.id = sp.subscription_id
      join products p on p.id = sp.product_id
      where sp.account_id = ? and ${runningSql('s')}
      group by p.id, p.code, p.name
      order by p.name`,
    params: [accountId, todayIso],
  };
}

/** Seats nobody holds on running subscriptions. */
export function unassignedSeats(accountId: string, todayIso: string): Fragment {
  return {
    sql: `select coalesce(sum(${seatsFreeSql('s')}), 0) as unassigned
      from subscriptions s
      where s.account_id = ? and ${runningSql('s')}`,
    params: [accountId, todayIso],
  };
}

/** Person-days and minutes per product in a range, from the per-product daily roll-up. */
export const usagePerProduct = `select product_id, sum(users) as days_used, sum(minutes) as minutes
  from product_days where account_id = ? and day between ? and ? group by product_id`;

/**
 * People who used each product in a range, from each person's last day with it: a last day inside
 * the range counts them, one before it does not; only a last day after the range (a range that
 * ends before today) looks in the monthly masks for a day inside it, cut months counting only
 * their days in range. One row per person and product, instead of a row per month to group.
 */
export function activeUsersPerProduct(accountId: string, range: DayRange): Fragment {
  const masks = monthsOf(range).map(({ month, mask }) => `when ${month} then ${mask}`).join(' ');
  return {
    sql: `select l.product_id, count(*) as active_users from usage_last l
      where l.account_id = ? and l.last_day >= ? and (l.last_day <= ? or exists (select 1 from usage_months m
        where m.account_id = l.account_id and m.user_id = l.user_id and m.product_id = l.product_id
          and m.month between ? and ? and (m.days & case m.month ${masks} end) <> 0))
      group by l.product_id`,
    params: [accountId, range.from, range.to, monthOfDay(range.from), monthOfDay(range.to)],
  };
}

/** Person-days per product and trend period (period = (day - from) / bucket days). */
export const trendPerProduct = `select product_id, (day - ?) / ? as bucket, sum(users) as days_used
  from product_days where account_id = ? and day between ? and ? group by 1, 2`;

/**
 * People who used each product per trend period. A period of one day is the daily roll-up's count;
 * longer periods join each month row to the periods it overlaps, each with its mask of days.
 */
export function activeUsersPerPeriod(accountId: string, range: DayRange): Fragment {
  if (range.bucketDays === 1) {
    return {
      sql: 'select product_id, day - ? as bucket, users as active_users from product_days where account_id = ? and day between ? and ?',
      params: [range.from, accountId, range.from, range.to],
    };
  }
  // Numbers computed here, written as literals: PostgreSQL would type bound VALUES as text.
  const periods: string[] = [];
  for (let bucket = 0; bucket < range.buckets; bucket += 1) {
    const from = range.from + bucket * range.bucketDays;
    for (const { month, mask } of monthsOf({ from, to: Math.min(from + range.bucketDays - 1, range.to) })) periods.push(`(${month}, ${bucket}, ${mask})`);
  }
  return {
    sql: `with periods (month, bucket, mask) as (values ${periods.join(', ')})
      select m.product_id, p.bucket, count(distinct m.user_id) as active_users
      from periods p cross join usage_months m
      where m.account_id = ? and m.month = p.month and (m.days & p.mask) <> 0
      group by m.product_id, p.bucket`,
    params: [accountId],
  };
}

/**
 * Days used and minutes per seat and trend period, for the seats of one page (`ids`: a list of
 * placeholders, or a subquery choosing the page). CROSS JOIN with the
 * join conditions in WHERE is an inner join to PostgreSQL, and to SQLite an order: from the page's
 * seats to their products to the roll-up rows of each person and product.
 */
export function trendPerSeat(ids: string): string {
  return `select sa.id as assignment_id, (d.day - ?) / ? as bucket, count(distinct d.day) as days_used, sum(d.minutes) as minutes
    from seat_assignments sa cross join subscription_products sp cross join usage_days d
    where sp.account_id = sa.account_id and sp.subscription_id = sa.subscription_id
      and d.account_id = sa.account_id and d.user_id = sa.user_id and d.product_id = sp.product_id
      and sa.account_id = ? and sa.id in (${ids}) and d.day between ? and ?
    group by 1, 2`;
}
