import type { EntityManager } from '@mikro-orm/knex';
import { chunks, ROWS_PER_INSERT, valueRows } from '../../common/batches.js';
import { query, run as runStatement } from '../../common/sql.js';
import { inTransaction } from '../../common/transaction.js';
import { isPostgres } from '../../db/database.js';
import { dayBit, monthOfDay } from '../../common/days.js';

/**
 * The roll-ups reports read, all derived from the daily roll-up `usage_days` (one row per person,
 * product and day):
 *
 * - `usage_months`: per person, product and month, the days of use as a bit mask (bit d-1 = day d)
 *   with its count, so any range of days is counted exactly from at most 25 rows per person;
 * - `seat_months`: the same per person and subscription, the union over its products: a seat's use;
 * - `usage_last`: each person's last day per product, for "idle for N days";
 * - `product_days`: per product and day, how many people used it and for how long.
 *
 * Ingestion adds each batch to all of them in its transaction (`addToRollups`); seeds that write
 * `usage_days` in bulk rebuild them (`rebuildRollups`). A test holds the two to the same answer.
 */

export interface DayUse {
  userId: string;
  productId: string;
  /** Days since 1970-01-01 in the account's time zone. */
  day: number;
  sessions: number;
  minutes: number;
  credits: number;
}

/** Bits set in a mask of up to 31 days. */
export function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count += 1;
  return count;
}

/**
 * SQL counting the bits set in an integer of up to 31 bits. PostgreSQL has `bit_count`; SQLite has
 * no such function, so it gets the classic parallel bit count in plain integer arithmetic.
 */
export function bitCountSql(pg: boolean, expression: string): string {
  const value = `(${expression})`;
  if (pg) return `bit_count(${value}::bit(32))::int`;
  const pairs = `(${value} - ((${value} >> 1) & 1431655765))`;
  const nibbles = `((${pairs} & 858993459) + ((${pairs} >> 2) & 858993459))`;
  const bytes = `((${nibbles} + (${nibbles} >> 4)) & 252645135)`;
  return `(((${bytes} * 16843009) & 4294967295) >> 24)`;
}


/**
 * Rows in the order of their unique key. Concurrent batches then lock shared rows in one order and
 * wait for each other instead of deadlocking on PostgreSQL.
 */
const inKeyOrder = <T>(items: Iterable<T>, key: (item: T) => (string | number)[]) =>
  [...items].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let index = 0; index < left.length; index += 1) {
      if (left[index]! < right[index]!) return -1;
      if (left[index]! > right[index]!) return 1;
    }
    return 0;
  });

/** `a = max(a, b)` in the SQL both databases speak. */
const keepLarger = (table: string, column: string) =>
  `${column} = case when excluded.${column} > ${table}.${column} then excluded.${column} else ${table}.${column} end`;

/**
 * Adds newly stored use to every roll-up. `days` holds one entry per person, product and day;
 * `subscriptionsOf` lists, per product, every subscription of the account that includes it.
 * `em` is the caller's transaction (`inTransaction`): the roll-ups commit with the events.
 */
export async function addToRollups(
  em: EntityManager,
  accountId: string,
  days: DayUse[],
  subscriptionsOf: Map<string, string[]>,
) {
  const pg = isPostgres(em);
  const run = (sql: string, params: unknown[]) => runStatement(em, sql, params);

  // The daily roll-up first. It says which person-days are new: a new row holds exactly this
  // batch's sessions and credits, while a row that was there already held at least one of either.
  const newDays: DayUse[] = [];
  for (const chunk of chunks(inKeyOrder(days, (row) => [row.userId, row.productId, row.day]), ROWS_PER_INSERT)) {
    const stored = await query<{ user_id: string; product_id: string; day: number | string; sessions: number | string; credits: number | string }>(
      em,
      `insert into usage_days (account_id, user_id, product_id, day, sessions, minutes, credits) values ${valueRows(chunk.length, 7)}
       on conflict (account_id, user_id, product_id, day) do update set
         sessions = usage_days.sessions + excluded.sessions,
         minutes = usage_days.minutes + excluded.minutes,
         credits = usage_days.credits + excluded.credits
       returning user_id, product_id, day, sessions, credits`,
      chunk.flatMap((entry) => [accountId, entry.userId, entry.productId, entry.day, entry.sessions, entry.minutes, entry.credits]),
    );
    const added = new Map(chunk.map((entry) => [`${entry.userId}/${entry.productId}/${entry.day}`, entry]));
    for (const row of stored) {
      const entry = added.get(`${row.user_id}/${row.product_id}/${Number(row.day)}`);
      if (entry && Number(row.sessions) + Number(row.credits) === entry.sessions + entry.credits) newDays.push(entry);
    }
  }

  // Months per person and product, and per person and subscription (the union of its products).
  const months = new Map<string, { userId: string; productId: string; month: number; days: number; sessions: number; minutes: number; credits: number }>();
  const seats = new Map<string, { userId: string; subscriptionId: string; month: number; days: number; minutes: number }>();
  const last = new Map<string, { userId: string; productId: string; day: number }>();
  const products = new Map<string, { productId: string; day: number; users: number; sessions: number; minutes: number; credits: number }>();
  for (const entry of days) {
    const month = monthOfDay(entry.day);
    const bit = dayBit(entry.day);
    const monthKey = `${entry.userId}/${entry.productId}/${month}`;
    const byMonth = months.get(monthKey) ?? { userId: entry.userId, productId: entry.productId, month, days: 0, sessions: 0, minutes: 0, credits: 0 };
    byMonth.days |= bit;
    byMonth.sessions += entry.sessions;
    byMonth.minutes += entry.minutes;
    byMonth.credits += entry.credits;
    months.set(monthKey, byMonth);
    for (const subscriptionId of subscriptionsOf.get(entry.productId) ?? []) {
      const seatKey = `${entry.userId}/${subscriptionId}/${month}`;
      const bySeat = seats.get(seatKey) ?? { userId: entry.userId, subscriptionId, month, days: 0, minutes: 0 };
      bySeat.days |= bit;
      bySeat.minutes += entry.minutes;
      seats.set(seatKey, bySeat);
    }
    const lastKey = `${entry.userId}/${entry.productId}`;
    if ((last.get(lastKey)?.day ?? -Infinity) < entry.day) last.set(lastKey, { userId: entry.userId, productId: entry.productId, day: entry.day });
    const productKey = `${entry.productId}/${entry.day}`;
    const byProduct = products.get(productKey) ?? { productId: entry.productId, day: entry.day, users: 0, sessions: 0, minutes: 0, credits: 0 };
    byProduct.sessions += entry.sessions;
    byProduct.minutes += entry.minutes;
    byProduct.credits += entry.credits;
    products.set(productKey, byProduct);
  }
  for (const entry of newDays) products.get(`${entry.productId}/${entry.day}`)!.users += 1;

  for (const chunk of chunks(inKeyOrder(months.values(), (row) => [row.userId, row.productId, row.month]), ROWS_PER_INSERT)) {
    await run(
      `insert into usage_months (account_id, user_id, product_id, month, days, day_count, sessions, minutes, credits) values ${valueRows(chunk.length, 9)}
       on conflict (account_id, user_id, product_id, month) do update set
         days = usage_months.days | excluded.days,
         day_count = ${bitCountSql(pg, 'usage_months.days | excluded.days')},
         sessions = usage_months.sessions + excluded.sessions,
         minutes = usage_months.minutes + excluded.minutes,
         credits = usage_months.credits + excluded.credits`,
      chunk.flatMap((row) => [accountId, row.userId, row.productId, row.month, row.days, bitCount(row.days), row.sessions, row.minutes, row.credits]),
    );
  }
  for (const chunk of chunks(inKeyOrder(seats.values(), (row) => [row.subscriptionId, row.userId, row.month]), ROWS_PER_INSERT)) {
    await run(
      `insert into seat_months (account_id, subscription_id, user_id, month, days, day_count, minutes) values ${valueRows(chunk.length, 7)}
       on conflict (account_id, subscription_id, user_id, month) do update set
         days = seat_months.days | excluded.days,
         day_count = ${bitCountSql(pg, 'seat_months.days | excluded.days')},
         minutes = seat_months.minutes + excluded.minutes`,
      chunk.flatMap((row) => [accountId, row.subscriptionId, row.userId, row.month, row.days, bitCount(row.days), row.minutes]),
    );
  }
  for (const chunk of chunks(inKeyOrder(last.values(), (row) => [row.userId, row.productId]), ROWS_PER_INSERT)) {
    await run(
      `insert into usage_last (account_id, user_id, product_id, last_day) values ${valueRows(chunk.length, 4)}
       on conflict (account_id, user_id, product_id) do update set ${keepLarger('usage_last', 'last_day')}`,
      chunk.flatMap((row) => [accountId, row.userId, row.productId, row.day]),
    );
  }
  for (const chunk of chunks(inKeyOrder(products.values(), (row) => [row.productId, row.day]), ROWS_PER_INSERT)) {
    await run(
      `insert into product_days (account_id, product_id, day, users, sessions, minutes, credits) values ${valueRows(chunk.length, 7)}
       on conflict (account_id, product_id, day) do update set
         users = product_days.users + excluded.users,
         sessions = product_days.sessions + excluded.sessions,
         minutes = product_days.minutes + excluded.minutes,
         credits = product_days.credits + excluded.credits`,
      chunk.flatMap((row) => [accountId, row.productId, row.day, row.users, row.sessions, row.minutes, row.credits]),
    );
  }
}

/** SQL for the month (since January 1970) and the day's bit in it, of a day-number column. */
function calendarSql(pg: boolean, day: string) {
  if (pg) {
    const date = `(date '1970-01-01' + ${day})`;
    return {
      month: `((extract(year from ${date})::int - 1970) * 12 + extract(month from ${date})::int - 1)`,
      bit: `(1 << (extract(day from ${date})::int - 1))`,
    };
  }
  const part = (format: string) => `cast(strftime('${format}', ${day} * 86400, 'unixepoch') as integer)`;
  return { month: `((${part('%Y')} - 1970) * 12 + ${part('%m')} - 1)`, bit: `(1 << (${part('%d')} - 1))` };
}

/**
 * Statements that rebuild every roll-up from `usage_days`, for the accounts `where` selects (a
 * condition on `account_id`, e.g. `account_id = ?`). Bits are summed: one row per person, product
 * and day makes a sum of distinct bits their union.
 */
export function rebuildStatements(pg: boolean, where: string): string[] {
  const { month, bit } = calendarSql(pg, 'd.day');
  return [
    `delete from usage_months where ${where}`,
    `delete from seat_months where ${where}`,
    `delete from usage_last where ${where}`,
    `delete from product_days where ${where}`,
    `insert into usage_months (account_id, user_id, product_id, month, days, day_count, sessions, minutes, credits)
     select d.account_id, d.user_id, d.product_id, ${month}, sum(${bit}), count(*), sum(d.sessions), sum(d.minutes), sum(d.credits)
     from usage_days d where d.${where} group by d.account_id, d.user_id, d.product_id, ${month}`,
    `insert into seat_months (account_id, subscription_id, user_id, month, days, day_count, minutes)
     select d.account_id, sp.subscription_id, d.user_id, ${month}, sum(distinct ${bit}), count(distinct d.day), sum(d.minutes)
     from usage_days d join subscription_products sp on sp.account_id = d.account_id and sp.product_id = d.product_id
     where d.${where} group by d.account_id, sp.subscription_id, d.user_id, ${month}`,
    `insert into usage_last (account_id, user_id, product_id, last_day)
     select account_id, user_id, product_id, max(day) from usage_days where ${where} group by account_id, user_id, product_id`,
    `insert into product_days (account_id, product_id, day, users, sessions, minutes, credits)
     select account_id, product_id, day, count(*), sum(sessions), sum(minutes), sum(credits)
     from usage_days where ${where} group by account_id, product_id, day`,
  ];
}

/** Rebuilds one account's roll-ups from its daily roll-up, in one transaction. */
export async function rebuildRollups(em: EntityManager, accountId: string) {
  const pg = isPostgres(em);
  await inTransaction({ em }, async (tx) => {
    for (const statement of rebuildStatements(pg, 'account_id = ?')) {
      await runStatement(tx.em, statement, statement.includes('?') ? [accountId] : []);
    }
  });
}

/**
 * Roll-up rows of subscriptions made at runtime (the Vendor console): `seat_months` holds each
 * person's use per subscription, so a new subscription gets its rows from the use already stored
 * of its products, as `rebuildStatements` would make them; later use arrives through
 * `addToRollups`. In the caller's transaction (`em`), right after the subscription is written.
 */
export async function addSubscriptionsToRollups(em: EntityManager, accountId: string, subscriptionIds: string[]) {
  if (!subscriptionIds.length) return;
  const pg = isPostgres(em);
  const { month, bit } = calendarSql(pg, 'd.day');
  await runStatement(
    em,
    `insert into seat_months (account_id, subscription_id, user_id, month, days, day_count, minutes)
     select d.account_id, sp.subscription_id, d.user_id, ${month}, sum(distinct ${bit}), count(distinct d.day), sum(d.minutes)
     from usage_days d join subscription_products sp on sp.account_id = d.account_id and sp.product_id = d.product_id
     where d.account_id = ? and sp.subscription_id in (${subscriptionIds.map(() => '?').join(', ')})
     group by d.account_id, sp.subscription_id, d.user_id, ${month}`,
    [accountId, ...subscriptionIds],
  );
}
