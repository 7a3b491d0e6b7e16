import { dayBit, firstDayOfMonth, monthOfDay } from '../../common/days.js';
import { inAccount } from '../../common/sql.js';
import { bitCountSql } from './rollups.js';

/** Whose rows a fragment reads: the request's account (`inAccount`). */
type InAccount = Parameters<typeof inAccount>[0];

/**
 * The roll-ups' reads for reports (Seat Usage): people, days and minutes per product, seat and
 * trend period, from the tables of usage/rollups.ts. Each takes the account as its first `?`
 * (or the seat row's `account_id`); a range is in account days.
 */

export interface Fragment {
  sql: string;
  params: unknown[];
}

/** A range of account days and its trend periods (reports/report-range.ts). */
export interface UsageRange {
  from: number;
  to: number;
  bucketDays: number;
  buckets: number;
}

/** The months a range touches, each with the mask of its days inside the range. */
export function monthsOf(range: Pick<UsageRange, 'from' | 'to'>): { month: number; mask: number; whole: boolean }[] {
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
export function daysInRange(alias: string, range: Pick<UsageRange, 'from' | 'to'>, pg: boolean): string {
  const cut = monthsOf(range).filter((month) => !month.whole);
  if (!cut.length) return `${alias}.day_count`;
  const cases = cut.map(({ month, mask }) => `when ${month} then ${bitCountSql(pg, `(${alias}.days & ${mask})`)}`).join(' ');
  return `case ${alias}.month ${cases} else ${alias}.day_count end`;
}

/** Days the holder of seat `alias` used a product of its subscription in a range. */
export const seatDaysOf = (alias: string, range: UsageRange, pg: boolean) => `(select coalesce(sum(${daysInRange('m', range, pg)}), 0)
    from seat_months m where m.account_id = ${alias}.account_id and m.subscription_id = ${alias}.subscription_id
      and m.user_id = ${alias}.user_id and m.month between ${monthOfDay(range.from)} and ${monthOfDay(range.to)})`;

/** Person-days and minutes per product in a range, from the per-product daily roll-up. */
export function usagePerProduct(ctx: InAccount, range: UsageRange): Fragment {
  const account = inAccount(ctx);
  return {
    sql: `select product_id, sum(users) as days_used, sum(minutes) as minutes
      from product_days where ${account.text} and day between ? and ? group by product_id`,
    params: [...account.values, range.from, range.to],
  };
}

/**
 * People who used each product in a range, from each person's last day with it: a last day inside
 * the range counts them, one before it does not; only a last day after the range (a range that
 * ends before today) looks in the monthly masks for a day inside it, cut months counting only
 * their days in range. One row per person and product, instead of a row per month to group.
 */
export function activeUsersPerProduct(ctx: InAccount, range: UsageRange): Fragment {
  const account = inAccount(ctx, 'l');
  const masks = monthsOf(range).map(({ month, mask }) => `when ${month} then ${mask}`).join(' ');
  return {
    sql: `select l.product_id, count(*) as active_users from usage_last l
      where ${account.text} and l.last_day >= ? and (l.last_day <= ? or exists (select 1 from usage_months m
        where m.account_id = l.account_id and m.user_id = l.user_id and m.product_id = l.product_id
          and m.month between ? and ? and (m.days & case m.month ${masks} end) <> 0))
      group by l.product_id`,
    params: [...account.values, range.from, range.to, monthOfDay(range.from), monthOfDay(range.to)],
  };
}

/** Person-days per product and trend period (period = (day - from) / bucket days). */
export function trendPerProduct(ctx: InAccount, range: UsageRange): Fragment {
  const account = inAccount(ctx);
  return {
    sql: `select product_id, (day - ?) / ? as bucket, sum(users) as days_used
      from product_days where ${account.text} and day between ? and ? group by 1, 2`,
    params: [range.from, range.bucketDays, ...account.values, range.from, range.to],
  };
}

/**
 * People who used each product per trend period. A period of one day is the daily roll-up's count;
 * longer periods join each month row to the periods it overlaps, each with its mask of days.
 */
export function activeUsersPerPeriod(ctx: InAccount, range: UsageRange): Fragment {
  if (range.bucketDays === 1) {
    const account = inAccount(ctx);
    return {
      sql: `select product_id, day - ? as bucket, users as active_users from product_days where ${account.text} and day between ? and ?`,
      params: [range.from, ...account.values, range.from, range.to],
    };
  }
  const account = inAccount(ctx, 'm');
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
      where ${account.text} and m.month = p.month and (m.days & p.mask) <> 0
      group by m.product_id, p.bucket`,
    params: [...account.values],
  };
}
