import { seatsFreeSql, seatsUsedSql } from '../subscriptions/seat-rules.js';
import { ranDuringSql, runningSql } from '../subscriptions/subscription-rules.js';
import { inAccount } from '../../common/sql.js';
import { daysInRange, type Fragment } from '../usage/usage.sql.js';
import { isoOfDay, monthOfDay } from '../../common/days.js';

type InAccount = Parameters<typeof inAccount>[0];

/**
 * SQL fragments of Seat Usage. A seat is one assignment on a running subscription
 * (subscriptions/subscription-rules.ts); its use is the use of any product the subscription includes. Whole-account
 * questions read the roll-ups (see usage/rollups.ts): the last day per person and product, and
 * monthly day masks per person and subscription or product, so sorting 10,000 seats by days used
 * over a year reads at most 13 small rows per seat. A page of seats reads its own daily rows.
 */

/**
 * The running seats of an account, with the subscription and the holder's membership (`mb`: the
 * person as the account sees them, users/membership.entity.ts) joined.
 */
export function runningSeats(ctx: InAccount, todayIso: string): Fragment {
  const account = inAccount(ctx, 'sa');
  return {
    sql: `from seat_assignments sa
      join subscriptions s on s.id = sa.subscription_id
      join memberships mb on mb.account_id = sa.account_id and mb.user_id = sa.user_id
      where ${account.text} and ${runningSql('s')}`,
    params: [...account.values, todayIso],
  };
}

/**
 * The seats By user lists for a range: the running seats, and the past use of each person removed
 * from the account. Removal releases their seats by deleting the assignment rows, so what is left
 * is their use: one row (`removed` = 1, id `removed-<user>-<subscription>`) per subscription that
 * ran in the range and whose products they used in it, from the seat roll-up `seat_months`, which
 * is kept per person and subscription. The seat they held is not kept, so a product included in two
 * subscriptions shows their use under both. Same columns as `runningSeats`, plus `sa.removed`.
 */
export function reportSeats(ctx: InAccount, range: { from: number; to: number }, todayIso: string, pg: boolean): Fragment {
  const seats = inAccount(ctx, 'sa0');
  const months = inAccount(ctx, 'sm');
  const fromIso = isoOfDay(range.from);
  return {
    sql: `from (select cast(sa0.id as varchar(90)) as id, sa0.account_id, sa0.user_id, sa0.subscription_id, sa0.created_at, 0 as removed
          from seat_assignments sa0 where ${seats.text}
        union all
        select 'removed-' || cast(sm.user_id as varchar(40)) || '-' || cast(sm.subscription_id as varchar(40)), sm.account_id, sm.user_id,
            sm.subscription_id, rm.created_at, 1
          from seat_months sm join memberships rm on rm.account_id = sm.account_id and rm.user_id = sm.user_id
          where ${months.text} and rm.status = 'INACTIVE' and sm.month between ${monthOfDay(range.from)} and ${monthOfDay(range.to)}
          group by sm.account_id, sm.user_id, sm.subscription_id, rm.created_at
          having sum(${daysInRange('sm', range, pg)}) > 0) sa
      join subscriptions s on s.id = sa.subscription_id
      join memberships mb on mb.account_id = sa.account_id and mb.user_id = sa.user_id
      where ((sa.removed = 0 and ${runningSql('s')}) or (sa.removed = 1 and ${ranDuringSql('s')}))`,
    params: [...seats.values, ...months.values, todayIso, fromIso],
  };
}

/** Last day (ever) the holder of seat `alias` used a product of its subscription; null if never. */
export const lastDayOf = (alias: string) => `(select max(l.last_day) from subscription_products sp
    join usage_last l on l.account_id = sp.account_id and l.user_id = ${alias}.user_id and l.product_id = sp.product_id
    where sp.account_id = ${alias}.account_id and sp.subscription_id = ${alias}.subscription_id)`;

/**
 * Seats per product of a report's range: every product of a subscription that ran on some day of the
 * range (`fromIso`), so the products of one that has since ended keep their past use; its seats
 * count as they were on `asOfIso` (the range's last day, or today when the range reaches past it),
 * so an ended subscription's seats are not counted as there to use.
 */
export function seatsPerProduct(ctx: InAccount, range: { fromIso: string; asOfIso: string }): Fragment {
  const account = inAccount(ctx, 'sp');
  return {
    sql: `select p.id, p.code, p.name,
        sum(case when ${runningSql('s')} then s.seats else 0 end) as seats_total,
        sum(case when ${runningSql('s')} then ${seatsUsedSql('s')} else 0 end) as seats_assigned
      from subscription_products sp
      join subscriptions s on s.id = sp.subscription_id
      join products p on p.id = sp.product_id
      where ${account.text} and ${ranDuringSql('s')}
      group by p.id, p.code, p.name
      order by p.name`,
    params: [range.asOfIso, range.asOfIso, ...account.values, range.fromIso],
  };
}

/** Seats nobody holds on running subscriptions. */
export function unassignedSeats(ctx: InAccount, todayIso: string): Fragment {
  const account = inAccount(ctx, 's');
  return {
    sql: `select coalesce(sum(${seatsFreeSql('s')}), 0) as unassigned
      from subscriptions s
      where ${account.text} and ${runningSql('s')}`,
    params: [...account.values, todayIso],
  };
}

/**
 * Days used and minutes per seat and trend period, for the seats of one page (`ids`: a list of
 * placeholders, or a subquery choosing the page) of `seatsSql` (reportSeats; its parameters follow
 * the period's two). CROSS JOIN with the
 * join conditions in WHERE is an inner join to PostgreSQL, and to SQLite an order: from the page's
 * seats to their products to the roll-up rows of each person and product.
 */
export function trendPerSeat(ids: string, seatsSql: string): string {
  return `select sa.id as assignment_id, (d.day - ?) / ? as bucket, count(distinct d.day) as days_used, sum(d.minutes) as minutes
    from (select sa.id, sa.account_id, sa.user_id, sa.subscription_id ${seatsSql}) sa cross join subscription_products sp cross join usage_days d
    where sp.account_id = sa.account_id and sp.subscription_id = sa.subscription_id
      and d.account_id = sa.account_id and d.user_id = sa.user_id and d.product_id = sp.product_id
      and sa.account_id = ? and sa.id in (${ids}) and d.day between ? and ?
    group by 1, 2`;
}
