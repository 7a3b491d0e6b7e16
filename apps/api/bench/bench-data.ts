import { performance } from 'node:perf_hooks';
import { rebuildRollups } from '../src/modules/usage/rollups.js';
import type { TestApp } from '../test/harness.js';

const DAY_MS = 86_400_000;

/**
 * Gives every active user of the main account a seat on one large Drafter subscription and writes
 about `events` product sessions over the last year in bulk INSERT … SELECT statements (seconds, not
 * minutes), then the roll-ups from them, as ingestion would have. Sessions start at noon UTC,
 * which is the same calendar day in Ljubljana all year.
 */
export async function seedUsage(app: TestApp, today: Date, events: number): Promise<{ accountId: string; users: number; seconds: number }> {
  const started = performance.now();
  const pg = app.driver === 'postgresql';
  const [account] = await app.sql<{ id: string }>('select id from accounts where name = ?', ['Kolektor Gradnje d.o.o.']);
  const accountId = account!.id;
  const [contract] = await app.sql<{ id: string }>('select id from contracts where account_id = ? order by number desc limit 1', [accountId]);
  const [product] = await app.sql<{ id: string }>("select id from products where code = 'DRF'");
  const subscriptionId = crypto.randomUUID();
  const todayDay = Math.floor(today.getTime() / DAY_MS);
  const now = pg ? today : today.getTime();
  const uuid = pg ? 'gen_random_uuid()' : 'lower(hex(randomblob(16)))';

  await app.sql(
    `insert into subscriptions (id, created_at, account_id, contract_id, name, licence_type, term, seats, starts_on, ends_on, state, serial_number)
     values (?, ?, ?, ?, 'Drafter Enterprise', 'SINGLE_USER', 'ANNUAL', 20000, '2026-01-01', '2027-06-30', 'ACTIVE', '599-BENCH001')`,
    [subscriptionId, now, accountId, contract!.id],
  );
  await app.sql('insert into subscription_products (id, created_at, account_id, subscription_id, product_id) values (?, ?, ?, ?, ?)', [
    crypto.randomUUID(), now, accountId, subscriptionId, product!.id,
  ]);
  await app.sql(
    `insert into seat_assignments (id, created_at, account_id, subscription_id, user_id)
     select ${uuid}, ?, m.account_id, ?, m.user_id from memberships m where m.account_id = ? and m.status = 'ACTIVE'`,
    [now, subscriptionId, accountId],
  );
  const [{ users } = { users: 0 }] = await app.sql<{ users: number }>(
    "select count(*) as users from memberships where account_id = ? and status = 'ACTIVE'",
    [accountId],
  );
  const userCount = Number(users);
  const perUser = Math.ceil(events / userCount);

  // Each person gets `perUser` sessions, the k-th on a random one of three days around 3k days ago:
  // distinct days spread over the last year, as a regular user's would be.
  const series = pg
    ? 'select generate_series(0, ? - 1) as k'
    : 'with recursive s(k) as (select 0 union all select k + 1 from s where k < ? - 1) select k from s';
  const random3 = pg ? 'floor(random() * 3)::int' : '(abs(random()) % 3)';
  const offset = `(s.k * 3 + ${random3})`;
  const occurred = pg
    ? `to_timestamp(((${todayDay} - ${offset}) * 86400 + 43200))`
    : `((${todayDay} - ${offset}) * ${DAY_MS} + 43200000)`;
  await app.sql(
    `insert into usage_events (account_id, event_id, kind, product_id, user_id, subscription_id, occurred_at, minutes, received_at)
     select m.account_id, 'bench-' || m.user_id || '-' || s.k, 'PRODUCT_SESSION', ?, m.user_id, ?, ${occurred}, 20 + s.k, ${pg ? 'now()' : String(today.getTime())}
     from memberships m cross join (${series}) s
     where m.account_id = ? and m.status = 'ACTIVE'`,
    [product!.id, subscriptionId, perUser, accountId],
  );
  const eventDay = pg ? "((occurred_at at time zone 'Europe/Ljubljana')::date - date '1970-01-01')" : `cast(occurred_at / ${DAY_MS} as integer)`;
  await app.sql(
    `insert into usage_days (account_id, user_id, product_id, day, sessions, minutes, credits)
     select account_id, user_id, product_id, ${eventDay}, count(*), sum(minutes), 0
     from usage_events where account_id = ? and event_id like 'bench-%' group by account_id, user_id, product_id, ${eventDay}`,
    [accountId],
  );
  await rebuildRollups(app.em(), accountId);
  if (pg) await app.sql('vacuum analyze');
  return { accountId, users: userCount, seconds: (performance.now() - started) / 1000 };
}
