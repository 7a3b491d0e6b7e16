import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_USER_EMAIL } from '../src/db/seed/demo.js';
import { dataOf, startTestApp, TODAY, type Driver, type TestApp } from '../test/harness.js';
import { deviceTokens, registerClient } from '../test/oidc-helpers.js';
import { percentile } from './timing.js';

/** Issue 17: the licence calls' targets. */
export const CHECKOUT_TARGET = { ratioAtP50: 1.5, p95Ms: 20 };
export const HEARTBEAT_TARGETS: Record<Driver, number> = { postgresql: 2_000, sqlite: 1_000 };

const CLIENTS = 50;
const CHECKOUT_ROUNDS = 6;
/** Checkouts (and raw checks) per client in one round. */
const PER_CLIENT = 20;
const HEARTBEAT_REPETITIONS = 3;
const HEARTBEAT_SECONDS = 8;

/** POSTs JSON on kept-alive sockets (one per concurrent client) and resolves with the status; the answer is read to its end. */
function poster(url: string, sockets: number) {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return (path: string, token: string, body: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` };
      const req = request({ hostname, port, path, method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(payload);
    });
}

interface Person {
  userId: string;
  email: string;
  token: string;
}

/**
 * The products of `CLIENTS` people of the main account, each signed in through the device flow (a
 * real access token each), and the OAuth client they use.
 */
async function productsOfPeople(app: TestApp): Promise<{ clientId: string; accountId: string; people: Person[] }> {
  const clientId = await registerClient(app);
  // The seeded people other than the two demo ones have not chosen a password: they get the demo's.
  await app.sql(
    `update users set password_hash = (select password_hash from users where email = ?)
     where password_hash is null and id in (select user_id from memberships where status = 'ACTIVE')`,
    [DEMO_USER_EMAIL],
  );
  const rows = await app.sql<{ user_id: string; email: string; account_id: string }>(
    `select m.user_id, u.email, m.account_id from memberships m join users u on u.id = m.user_id join accounts a on a.id = m.account_id
     where a.name = 'Kolektor Gradnje d.o.o.' and m.status = 'ACTIVE' and u.email <> ? order by u.email`,
    [DEMO_USER_EMAIL],
  );
  const people: Person[] = [];
  for (const row of rows.slice(0, CLIENTS)) {
    const client = app.client();
    dataOf(await client.signIn(row.email));
    people.push({ userId: row.user_id, email: row.email, token: (await deviceTokens(app, clientId, client)).access_token });
  }
  if (people.length < CLIENTS) throw new Error(`only ${people.length} active people in the main account`);
  return { clientId, accountId: rows[0]!.account_id, people };
}

const startApp = (driver: Driver, pgAdminUrl: string) =>
  startTestApp(driver, {
    pgAdminUrl,
    // 50 products signing in from one address; the receiver of the webhook benchmark is on loopback.
    env: { SEATWISE_DEVICE_FLOW_PER_IP: '10000', SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '1' },
  });

/** Runs `work(client)` for each of `clients` at once, `runs` times in a row each; the latency of each run. */
async function concurrently(clients: number, runs: number, work: (client: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await work(client);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

export interface CheckoutRow {
  driver: Driver;
  checkouts: number;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
  perSecond: number;
  rawPerSecond: number;
}

/**
 * Named-user checkout (POST /api/licences/checkout) at 50 concurrent clients, each a person with
 * a seat and their own access token renewing the lease of their machine, against the raw SQL of
 * the same check (the token, the membership, the seat on a running subscription covering the
 * product, its versions, the device and the day's product session) on a
 * pool of 50 connections, in one transaction each. The two are run in rounds taken in turns.
 */
export async function benchCheckout(driver: Driver, pgAdminUrl: string): Promise<CheckoutRow> {
  if (driver !== 'postgresql') throw new Error('the checkout benchmark runs on PostgreSQL');
  const app = await startApp(driver, pgAdminUrl);
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: CLIENTS });
  try {
    const { accountId, people } = await productsOfPeople(app);
    // One single-user subscription of Drafter for the 50 people, as a large customer has.
    const [contract] = await app.sql<{ id: string }>('select id from contracts where account_id = ? order by number desc limit 1', [accountId]);
    const [product] = await app.sql<{ id: string; code: string }>("select id, code from products where code = 'DRF'");
    const [version] = await app.sql<{ version: string }>("select version from product_versions where product_id = ? and status = 'CURRENT'", [product!.id]);
    const subscriptionId = crypto.randomUUID();
    await app.sql(
      `insert into subscriptions (id, created_at, account_id, contract_id, name, licence_type, term, seats, starts_on, ends_on, state, serial_number)
       values (?, ?, ?, ?, 'Drafter Enterprise', 'SINGLE_USER', 'ANNUAL', 200, '2026-01-01', '2027-06-30', 'ACTIVE', '599-BENCH002')`,
      [subscriptionId, TODAY, accountId, contract!.id],
    );
    await app.sql('insert into subscription_products (id, created_at, account_id, subscription_id, product_id) values (?, ?, ?, ?, ?)', [crypto.randomUUID(), TODAY, accountId, subscriptionId, product!.id]);
    for (const person of people) {
      await app.sql('insert into seat_assignments (id, created_at, account_id, subscription_id, user_id) values (?, ?, ?, ?, ?) on conflict do nothing', [crypto.randomUUID(), TODAY, accountId, subscriptionId, person.userId]);
    }
    await app.sql('vacuum analyze');

    const post = poster(app.url, CLIENTS);
    const body = (client: number) => ({ product: product!.code, version: version!.version, machine: { fingerprint: `bench-${client}`, name: `Bench ${client}`, platform: 'linux' } });
    const checkoutOnce = async (client: number) => {
      const answer = await post('/api/licences/checkout', people[client]!.token, body(client));
      if (answer.status !== 200) throw new Error(`checkout refused: ${answer.status} ${answer.text}`);
    };
    // The same decision and writes as raw statements, on the server's clock (the seeded day).
    const rawOnce = async (client: number) => {
      const person = people[client]!;
      const { machine } = body(client);
      const db = await pool.connect();
      try {
        await db.query('begin');
        const token = await db.query('select payload, expires_at from oidc_models where key = $1', [`AccessToken:${person.token}`]);
        if (!token.rowCount) throw new Error('no token');
        const member = await db.query(
          `select m.user_id from memberships m join accounts a on a.id = m.account_id join users u on u.id = m.user_id
           where m.user_id = $1 and m.account_id = $2 and m.status = 'ACTIVE' and a.status = 'ACTIVE'`,
          [person.userId, accountId],
        );
        if (!member.rowCount) throw new Error('no member');
        const found = await db.query('select id from products where code = $1', [product!.code]);
        const seats = await db.query(
          `select s.id, s.licence_type, s.term, s.starts_on, s.ends_on, s.state from seat_assignments sa
           join subscriptions s on s.id = sa.subscription_id join subscription_products sp on sp.subscription_id = s.id and sp.product_id = $3
           where sa.account_id = $1 and sa.user_id = $2 and s.state = 'ACTIVE' and s.starts_on <= $4 and s.ends_on >= $4`,
          [accountId, person.userId, found.rows[0].id, '2026-11-25'],
        );
        if (!seats.rowCount) throw new Error('no seat');
        await db.query("select version, released_at from product_versions where product_id = $1 and status in ('CURRENT', 'PREVIOUS')", [found.rows[0].id]);
        // A machine already counted: no lock, its row updated (as the checkout does for a renewal).
        const device = await db.query('select id, released_at from licence_devices where user_id = $1 and product_id = $2 and fingerprint = $3', [person.userId, found.rows[0].id, machine.fingerprint]);
        if (!device.rowCount || device.rows[0].released_at !== null) throw new Error('no live device');
        await db.query('update licence_devices set name = $2, platform = $3, last_version = $4, last_checkout_at = $5 where id = $1', [
          device.rows[0].id, machine.name, machine.platform, version!.version, new Date(),
        ]);
        await db.query(
          `insert into usage_events (account_id, event_id, kind, product_id, user_id, subscription_id, occurred_at, minutes, received_at)
           values ($1, $2, 'PRODUCT_SESSION', $3, $4, $5, $6, 0, $6) on conflict (account_id, event_id) do nothing`,
          [accountId, `seatwise:device:${device.rows[0].id}:2026-11-25`, found.rows[0].id, person.userId, seats.rows[0].id, TODAY],
        );
        await db.query('commit');
      } catch (error) {
        await db.query('rollback');
        throw error;
      } finally {
        db.release();
      }
    };

    // Each machine registered once, then a warm-up of both.
    await Promise.all(people.map((_, client) => checkoutOnce(client)));
    await concurrently(CLIENTS, 3, checkoutOnce);
    await concurrently(CLIENTS, 3, rawOnce);
    const api: number[] = [];
    const raw: number[] = [];
    let apiSeconds = 0;
    let rawSeconds = 0;
    for (let round = 0; round < CHECKOUT_ROUNDS; round += 1) {
      let started = performance.now();
      api.push(...(await concurrently(CLIENTS, PER_CLIENT, checkoutOnce)));
      apiSeconds += (performance.now() - started) / 1000;
      started = performance.now();
      raw.push(...(await concurrently(CLIENTS, PER_CLIENT, rawOnce)));
      rawSeconds += (performance.now() - started) / 1000;
    }
    return {
      driver,
      checkouts: api.length,
      p50: percentile(api, 50),
      p95: percentile(api, 95),
      rawP50: percentile(raw, 50),
      rawP95: percentile(raw, 95),
      perSecond: api.length / apiSeconds,
      rawPerSecond: raw.length / rawSeconds,
    };
  } finally {
    await pool.end();
    await app.close();
  }
}

export function printCheckout(rows: CheckoutRow[]) {
  const ms = (value: number) => value.toFixed(2);
  console.table(
    rows.map((row) => {
      const ratio = row.p50 / row.rawP50;
      return {
        driver: row.driver,
        checkouts: row.checkouts.toLocaleString('en'),
        'p50 ms': ms(row.p50),
        'p95 ms': `${ms(row.p95)} (${row.p95 <= CHECKOUT_TARGET.p95Ms ? 'ok' : 'MISSED'} ≤ ${CHECKOUT_TARGET.p95Ms})`,
        'raw SQL p50 ms': ms(row.rawP50),
        'raw SQL p95 ms': ms(row.rawP95),
        'p50 ratio': `${ratio.toFixed(2)}× (${ratio <= CHECKOUT_TARGET.ratioAtP50 ? 'ok' : 'MISSED'} ≤ ${CHECKOUT_TARGET.ratioAtP50}×)`,
        'checkouts/s': Math.round(row.perSecond).toLocaleString('en'),
        'raw checks/s': Math.round(row.rawPerSecond).toLocaleString('en'),
      };
    }),
  );
}

export interface HeartbeatRow {
  driver: Driver;
  /** Heartbeats answered per second, each repetition. */
  perSecond: number[];
  p50: number;
  p95: number;
}

/**
 * Sustained network-licence heartbeats on one instance: 50 products, each a person holding a
 * lease of one network subscription, send POST /api/licences/network/heartbeat back to back for
 * `HEARTBEAT_SECONDS`, repeated; every answer must be a 200 with a new lease.
 */
export async function benchHeartbeats(driver: Driver, pgAdminUrl: string): Promise<HeartbeatRow> {
  const app = await startApp(driver, pgAdminUrl);
  try {
    const { people } = await productsOfPeople(app);
    const [network] = await app.sql<{ id: string; product_id: string; code: string }>(
      `select s.id, p.id as product_id, p.code from subscriptions s join subscription_products sp on sp.subscription_id = s.id join products p on p.id = sp.product_id
       where s.licence_type = 'NETWORK' and s.name = 'Formwork 3D'`,
    );
    const [version] = await app.sql<{ version: string }>("select version from product_versions where product_id = ? and status = 'CURRENT'", [network!.product_id]);
    await app.sql("update licence_requests set revoked_at = created_at where kind = 'NETWORK'");
    await app.sql('update subscriptions set seats = ? where id = ?', [CLIENTS * 2, network!.id]);
    const post = poster(app.url, CLIENTS);
    const leases: string[] = [];
    for (const [client, person] of people.entries()) {
      const answer = await post('/api/licences/network/checkout', person.token, {
        product: network!.code, version: version!.version, machine: { fingerprint: `floor-${client}`, name: `Floor ${client}`, platform: 'linux' },
      });
      if (answer.status !== 200) throw new Error(`network checkout refused: ${answer.status} ${answer.text}`);
      leases.push((JSON.parse(answer.text) as { leaseId: string }).leaseId);
    }
    const heartbeat = async (client: number) => {
      const answer = await post('/api/licences/network/heartbeat', people[client]!.token, { leaseId: leases[client] });
      if (answer.status !== 200 || !answer.text.includes('"lease"')) throw new Error(`heartbeat refused: ${answer.status} ${answer.text}`);
    };
    await concurrently(CLIENTS, 10, heartbeat);
    const row: HeartbeatRow = { driver, perSecond: [], p50: 0, p95: 0 };
    const samples: number[] = [];
    for (let repetition = 0; repetition < HEARTBEAT_REPETITIONS; repetition += 1) {
      const until = performance.now() + HEARTBEAT_SECONDS * 1000;
      const started = performance.now();
      let answered = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          while (performance.now() < until) {
            const at = performance.now();
            await heartbeat(client);
            samples.push(performance.now() - at);
            answered += 1;
          }
        }),
      );
      row.perSecond.push(answered / ((performance.now() - started) / 1000));
    }
    row.p50 = percentile(samples, 50);
    row.p95 = percentile(samples, 95);
    return row;
  } finally {
    await app.close();
  }
}

export function printHeartbeats(rows: HeartbeatRow[]) {
  console.table(
    rows.map((row) => {
      const median = percentile(row.perSecond, 50);
      const target = HEARTBEAT_TARGETS[row.driver];
      return {
        driver: row.driver,
        'heartbeats/s (median)': `${Math.round(median).toLocaleString('en')} (${median >= target ? 'ok' : 'MISSED'} ≥ ${target.toLocaleString('en')})`,
        'each repetition': row.perSecond.map((value) => Math.round(value).toLocaleString('en')).join(' / '),
        'p50 ms': row.p50.toFixed(2),
        'p95 ms': row.p95.toFixed(2),
      };
    }),
  );
}

