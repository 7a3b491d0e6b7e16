import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from './built-server.js';
import { createClient, dataOf, DEMO_PASSWORD, errorOf, type TestClient } from './harness.js';
import { type EntitlementNode, ENTITLEMENTS } from './products-helpers.js';

/** Both instances as a vendor runs them: the built server, each with its job worker and schedules. */
const ENV = {
  LOG_LEVEL: 'debug',
  SEATWISE_SCHEDULE_CHECK_SECONDS: '1',
  SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '3',
  SEATWISE_SHUTDOWN_SECONDS: '5',
};
const VIEWER = 'query { me { email } }';
const CREATE_PACKAGE = 'mutation ($input: CreateInstallPackageInput!) { createInstallPackage(input: $input) { id } }';
const PING = JSON.stringify({ query: 'query Ping { serverInfo { version } }' });

interface LogLine {
  msg?: string;
  job?: string;
  schedule?: string;
  slot?: string;
}

/** The JSON log lines an instance printed (pino), what else it printed skipped. */
const logOf = (server: BuiltServer): LogLine[] =>
  server
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });

/** `refused`: connection refused, or reset before any byte of an answer (a balancer retries both). */
type Outcome = 'ok' | 'refused' | `failed: ${string}`;

/** One request on a fresh connection, as a balancer's attempt. */
function ping(port: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PING) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', (error) => resolve(`failed: ${error.message}`));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(`failed: HTTP ${res.statusCode}`);
          try {
            const answer = JSON.parse(text) as { data?: { serverInfo?: { version: string } } };
            resolve(answer.data?.serverInfo?.version ? 'ok' : `failed: ${text.slice(0, 100)}`);
          } catch {
            resolve(`failed: cut off after ${text.length} characters`);
          }
        });
      },
    );
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const neverServed = error.code === 'ECONNREFUSED' || (error.code === 'ECONNRESET' && !answered);
      resolve(neverServed ? 'refused' : `failed: ${error.code ?? error.message}`);
    });
    req.end(PING);
  });
}

const until = async (what: string, check: () => Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client on `url` carrying `from`'s cookies: the same browser sent to another instance by the balancer. */
const sameBrowser = (from: TestClient, url: string) => {
  const client = createClient(url);
  for (const [name, value] of from.cookies) client.cookies.set(name, value);
  return client;
};

/**
 * Issue 20, item 2: two real server processes (the built API) over one PostgreSQL database, as a
 * vendor runs several instances behind a balancer. Nothing that matters lives in one process.
 */
describe('two instances over one PostgreSQL', () => {
  let a: BuiltServer;
  let b: BuiltServer;
  const restarted: BuiltServer[] = [];
  let db: pg.Client;
  const query = async <T,>(statement: string, params: unknown[] = []) => (await db.query(statement, params)).rows as T[];

  beforeAll(async () => {
    a = await startBuiltServer('postgresql', { env: ENV });
    b = await startBuiltServer('postgresql', { env: ENV, shared: { databaseUrl: a.databaseUrl, dataDir: a.dataDir } });
    db = new pg.Client({ connectionString: a.databaseUrl });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    for (const server of restarted) await server.stop();
    await b?.stop();
    await a?.stop();
  });

  it('shares a rate limit: sign-in failures on A count on B', async () => {
    const onA = createClient(a.url);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(errorOf(await onA.signIn('user@example.com', 'wrong-password')).extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    // The right password on the other instance: the account is already throttled there.
    expect(errorOf(await createClient(b.url).signIn('user@example.com', DEMO_PASSWORD)).extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('honours on B a session made on A, and a sign-out on B ends it on A', async () => {
    const onA = createClient(a.url);
    dataOf(await onA.signIn('admin@example.com'));
    const onB = sameBrowser(onA, b.url);
    expect(dataOf(await onB.graphql<{ me: { email: string } | null }>(VIEWER)).me?.email).toBe('admin@example.com');
    expect(dataOf(await onB.graphql<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    expect(dataOf(await onA.graphql<{ me: { email: string } | null }>(VIEWER)).me).toBeNull();
  });

  /**
   * Issue 21, item 2: an instance remembers a live session for up to a second. B looks every 20 ms
   * while A ends the session: no request B started a second or more after A's answer may still be
   * signed in, and B refuses the session from then on.
   */
  const refusedOnBWithinASecond = async (onB: TestClient, end: () => Promise<void>) => {
    for (let warm = 0; warm < 5; warm += 1) expect(dataOf(await onB.graphql<{ me: { id: string } | null }>('{ me { id } }')).me?.id).toBeTruthy();
    await end();
    const ended = performance.now();
    const answers: { startedAfter: number; signedIn: boolean }[] = [];
    while (performance.now() - ended < 1_500) {
      const startedAfter = performance.now() - ended;
      const me = dataOf(await onB.graphql<{ me: { id: string } | null }>('{ me { id } }')).me;
      answers.push({ startedAfter, signedIn: me !== null });
      await sleep(20);
    }
    const late = answers.filter((answer) => answer.startedAfter >= 1_000);
    expect(late.length).toBeGreaterThan(3);
    expect(late.filter((answer) => answer.signedIn)).toEqual([]);
    return answers;
  };

  it('a sign-out on A is seen on B within a second, though B remembers sessions', async () => {
    const onA = createClient(a.url);
    dataOf(await onA.signIn('admin@example.com'));
    const onB = sameBrowser(onA, b.url);
    await refusedOnBWithinASecond(onB, async () => {
      expect(dataOf(await onA.graphql<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    });
  });

  it('a session ended on A ("end all but this one") is refused on B within a second', async () => {
    const elsewhere = createClient(a.url);
    dataOf(await elsewhere.signIn('maja.horvat@kolektor-gradnje.si'));
    const onB = sameBrowser(elsewhere, b.url);
    const onA = createClient(a.url);
    dataOf(await onA.signIn('maja.horvat@kolektor-gradnje.si'));
    await refusedOnBWithinASecond(onB, async () => {
      expect(dataOf(await onA.graphql<{ endOtherSessions: number }>('mutation { endOtherSessions }')).endOtherSessions).toBeGreaterThanOrEqual(1);
    });
    // The session that ended them still works, on both instances.
    expect(dataOf(await onA.graphql<{ me: { id: string } | null }>('{ me { id } }')).me?.id).toBeTruthy();
    expect(dataOf(await sameBrowser(onA, b.url).graphql<{ me: { id: string } | null }>('{ me { id } }')).me?.id).toBeTruthy();
  });

  it('does each job once: jobs queued through both instances, run by both workers, each exactly once', async () => {
    const onA = createClient(a.url);
    dataOf(await onA.signIn('admin@example.com'));
    const onB = sameBrowser(onA, b.url);
    const drafter = dataOf(await onA.graphql<{ productEntitlements: EntitlementNode[] }>(ENTITLEMENTS)).productEntitlements.find((product) => product.code === 'DRF')!;
    const input = (index: number) => ({
      name: `Two instances ${index}`,
      productId: drafter.id,
      versionId: drafter.versions[0]!.id,
      platform: 'WINDOWS',
      language: 'sl-SI',
      addOnIds: [],
      settings: { installPath: 'D:\\CAD', desktopShortcut: false, silent: true },
    });
    const N = 12;
    const created = await Promise.all(
      Array.from({ length: N }, async (_, index) => dataOf(await (index % 2 ? onB : onA).graphql<{ createInstallPackage: { id: string } }>(CREATE_PACKAGE, { input: input(index) })).createInstallPackage.id),
    );
    const jobs = async () =>
      query<{ id: string; status: string; attempts: number; package_id: string }>(
        'select j.id, j.status, j.attempts, p.id as package_id from jobs j join install_packages p on p.job_id = j.id where p.id::text = any($1::text[])',
        [created],
      );
    await until('every job to finish', async () => (await jobs()).every((job) => job.status === 'SUCCEEDED' || job.status === 'FAILED'));
    const rows = await jobs();
    expect(rows).toHaveLength(N);
    expect(rows.map((job) => [job.status, job.attempts])).toEqual(rows.map(() => ['SUCCEEDED', 1]));

    // Each job finished in exactly one worker's log, and both workers took some.
    const finishedBy = (server: BuiltServer) => logOf(server).filter((line) => line.msg === 'job finished').map((line) => line.job!);
    const ids = rows.map((job) => job.id);
    const byA = finishedBy(a).filter((id) => ids.includes(id));
    const byB = finishedBy(b).filter((id) => ids.includes(id));
    expect([...byA, ...byB].sort()).toEqual([...ids].sort());
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    // One archive per package in the shared data folder; graphile-worker's queue is empty again.
    for (const id of created) expect(readdirSync(join(a.dataDir, 'packages')).filter((file) => file.startsWith(id))).toHaveLength(1);
    expect(await query('select id from graphile_worker._private_jobs')).toEqual([]);
  });

  it('fires a schedule once per slot: both instances look every second, one runs it', async () => {
    const name = 'vendor.stale-uploads';
    const fired = () => [...logOf(a), ...logOf(b)].filter((line) => line.msg === 'scheduled task fired');
    await until('both instances to know the schedule', async () => (await query('select 1 from job_schedules where name = $1', [name])).length === 1);
    for (let tick = 1; tick <= 3; tick += 1) {
      const before = fired().filter((line) => line.schedule === name).length;
      // The slot comes due (as if the hour had come round) for both instances at once; whole
      // seconds, as the app writes it (a JavaScript date holds no microseconds).
      await query(`update job_schedules set next_run_at = date_trunc('second', now()) - interval '1 minute' where name = $1`, [name]);
      await until('the slot to be taken', async () => (await query<{ due: boolean }>('select next_run_at > now() as due from job_schedules where name = $1', [name]))[0]!.due, 20_000).catch(async (error: unknown) => {
        throw new Error(`${String(error)}: ${JSON.stringify(await query('select * from job_schedules'))} ${JSON.stringify(fired().slice(-5))}`);
      });
      // Each instance has looked at least twice more since.
      await sleep(2_500);
      expect(fired().filter((line) => line.schedule === name).length - before).toBe(1);
    }
    // No slot of any schedule (the term ends fire each minute) ran twice, on one instance or across both.
    const slots = fired().map((line) => `${line.schedule} ${line.slot}`);
    expect(new Set(slots).size).toBe(slots.length);
    // Both were in the race: each instance's worker (and so its schedules) is running.
    for (const server of [a, b]) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 60_000);

  it('drops no request in a rolling restart: A stopped and started again, then B, under a steady stream', async () => {
    let primary = a;
    let fallback = b;
    const outcomes: Outcome[] = [];
    let streaming = true;
    // Four clients, each sending its next request once the last was answered: to the primary, and
    // once to the other instance when the primary refused the connection (a balancer's retry).
    const clients = Array.from({ length: 4 }, async () => {
      while (streaming) {
        const first = await ping(primary.port);
        outcomes.push(first === 'refused' ? await ping(fallback.port) : first);
      }
    });
    const restart = async (old: BuiltServer, other: BuiltServer) => {
      await sleep(500);
      old.child.kill('SIGTERM');
      expect(await old.exited).toBe(0);
      const fresh = await startBuiltServer('postgresql', { env: ENV, shared: { databaseUrl: a.databaseUrl, dataDir: a.dataDir } });
      restarted.push(fresh);
      // The balancer sends to the other instance first while this one is new.
      primary = other;
      fallback = fresh;
      await sleep(500);
      return fresh;
    };
    try {
      const newA = await restart(a, b);
      await restart(b, newA);
    } finally {
      streaming = false;
      await Promise.all(clients);
    }
    expect(outcomes.length).toBeGreaterThan(50);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
  }, 180_000);
});
