/**
 * SQL fragments of Seat Usage. A seat is one assignment on a running subscription (active, not past
 * its end date); its use is the use of any product the subscription includes, read from the daily
 * roll-up (`usage_days`, unique on account, user, product, day: every lookup below is an index seek).
 *
 * On SQLite, per-seat lookups write the day as `d.day + 0`: without statistics, SQLite would otherwise
 * walk the (account, day) index of the whole account (a million rows) instead of seeking the person's
 * rows. PostgreSQL plans from statistics and reads max(day) straight off the unique index.
 */

/** The day column as a per-seat lookup should see it (see above). */
const dayOf = (pg: boolean) => (pg ? 'd.day' : 'd.day + 0');

export interface Fragment {
  sql: string;
  params: unknown[];
}

/** The running seats of an account, with the person and the subscription joined. */
export function runningSeats(accountId: string, todayIso: string): Fragment {
  return {
    sql: `from seat_assignments sa
      join subscriptions s on s.id = sa.subscription_id
      join users u on u.id = sa.user_id
      where sa.account_id = ? and s.state = 'ACTIVE' and s.ends_on >= ?`,
    params: [accountId, todayIso],
  };
}

/** Last day (ever) the holder of seat `alias` used a product of its subscription; null if never. */
export const lastDayOf = (alias: string, pg: boolean) => `(select max(${dayOf(pg)}) from subscription_products sp
    join usage_days d on d.account_id = sp.account_id and d.user_id = ${alias}.user_id and d.product_id = sp.product_id
    where sp.account_id = ${alias}.account_id and sp.subscription_id = ${alias}.subscription_id)`;

/** Seats per product on running subscriptions, assignments counted per subscription first. */
export function seatsPerProduct(accountId: string, todayIso: string): Fragment {
  return {
    sql: `select p.id, p.code, p.name, sum(s.seats) as seats_total, sum(coalesce(a.assigned, 0)) as seats_assigned
      from subscription_products sp
      join subscriptions s on s.id = sp.subscription_id
      join products p on p.id = sp.product_id
      left join (select subscription_id, count(*) as assigned from seat_assignments where account_id = ? group by subscription_id) a
        on a.subscription_id = s.id
      where sp.account_id = ? and s.state = 'ACTIVE' and s.ends_on >= ?
      group by p.id, p.code, p.name
      order by p.name`,
    params: [accountId, accountId, todayIso],
  };
}

/** Seats nobody holds on running subscriptions. */
export function unassignedSeats(accountId: string, todayIso: string): Fragment {
  return {
    sql: `select coalesce(sum(case when s.seats > coalesce(a.assigned, 0) then s.seats - coalesce(a.assigned, 0) else 0 end), 0) as unassigned
      from subscriptions s
      left join (select subscription_id, count(*) as assigned from seat_assignments where account_id = ? group by subscription_id) a
        on a.subscription_id = s.id
      where s.account_id = ? and s.state = 'ACTIVE' and s.ends_on >= ?`,
    params: [accountId, accountId, todayIso],
  };
}

/** Use per product in [from, to]: people, person-days and minutes. */
export const usagePerProduct = `select product_id, count(distinct user_id) as active_users, count(*) as days_used, sum(minutes) as minutes
  from usage_days where account_id = ? and day between ? and ? group by product_id`;

/** Use per product and trend period (period = (day - from) / bucket days). */
export const trendPerProduct = `select product_id, (day - ?) / ? as bucket, count(distinct user_id) as active_users, count(*) as days_used
  from usage_days where account_id = ? and day between ? and ? group by 1, 2`;

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
