import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { parseDatabaseUrl } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { startBuiltServer, type BuiltServer } from './built-server.js';
import { createClient, dataOf, drivers } from './harness.js';
import { type EntitlementNode, ENTITLEMENTS } from './products-helpers.js';

const DEADLINE_SECONDS = 4;
const FAST = JSON.stringify({ query: 'query Fast { serverInfo { demo } }' });
const SLOW = JSON.stringify({ query: 'query Slow { serverInfo { demo version } }' });

/**
 * `refused`: the connection was refused, or reset before any byte of a response: a connection the
 * kernel had queued when the listening socket closed, whose request the server never read. A
 * balancer retries both on another instance; anything else is a failure.
 */
type Outcome = 'ok' | 'refused' | `failed: ${string}`;

/**
 * One GraphQL request on a connection of its own (no keep-alive: as a balancer's fresh attempt), its
 * body sent in two halves `pauseMs` apart (a slow client keeps the request in flight that long).
 */
function graphql(port: number, body: string, pauseMs = 0): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', (error) => resolve(`failed: ${error.message}`));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(`failed: HTTP ${res.statusCode}`);
        try {
          const answer = JSON.parse(text) as { data?: { serverInfo?: { demo: boolean } } };
          resolve(answer.data?.serverInfo?.demo === true ? 'ok' : `failed: ${text.slice(0, 100)}`);
        } catch {
          resolve(`failed: cut off after ${text.length} characters`);
        }
      });
    });
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const neverServed = error.code === 'ECONNREFUSED' || (error.code === 'ECONNRESET' && !answered);
      resolve(neverServed ? 'refused' : `failed: ${error.code ?? error.message}`);
    });
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), pauseMs);
  });
}

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Issue 20, item 6: the built server killed with SIGTERM under a steady stream of requests and
 * with a job in hand. The job is a real install-package build whose installer file is, for the
 * test, a named pipe that never delivers its bytes: the build is stuck mid-way like a slow one.
 */
describe.each(drivers)('graceful shutdown under load (%s)', (driver) => {
  let server: BuiltServer;
  let second: BuiltServer | undefined;
  let orm: MikroORM;
  let restore = () => {};
  const jobRow = async () =>
    (await orm.em.fork().getConnection().execute<{ status: string; attempts: number | string; locked_by: string | null }[]>('select status, attempts, locked_by from jobs'))[0];

  beforeAll(async () => {
    server = await startBuiltServer(driver, { env: { SEATWISE_SHUTDOWN_SECONDS: String(DEADLINE_SECONDS) } });
    orm = await openDatabase(parseDatabaseUrl(server.databaseUrl));
  }, 120_000);
  afterAll(async () => {
    restore();
    await second?.stop();
    await orm?.close(true);
    await server?.stop();
  });

  it('finishes requests in flight, refuses new connections, exits 0 in time and leaves the job claimable', async () => {
    const admin = createClient(server.url);
    dataOf(await admin.signIn('admin@example.com'));
    const drafter = dataOf(await admin.graphql<{ productEntitlements: EntitlementNode[] }>(ENTITLEMENTS)).productEntitlements.find((product) => product.code === 'DRF')!;
    const version = drafter.versions[0]!;
    const [installer] = await orm.em
      .fork()
      .getConnection()
      .execute<{ storage_key: string }[]>("select storage_key from product_files where version_id = ? and kind = 'INSTALLER' and platform = 'WINDOWS' and language = 'sl-SI'", [version.id]);
    const file = join(server.dataDir, installer!.storage_key);
    renameSync(file, `${file}.real`);
    execFileSync('mkfifo', [file]);
    // Held open for reading and writing, so the build's open() returns; a byte every 50 ms keeps it
    // reading, far slower than the file's size needs (a read left waiting would hold up the exit of
    // the process, which waits for its file-system threads).
    const pipe = openSync(file, 'r+');
    const trickle = setInterval(() => writeSync(pipe, 'x'), 50);
    restore = () => {
      clearInterval(trickle);
      closeSync(pipe);
      rmSync(file);
      renameSync(`${file}.real`, file);
      restore = () => {};
    };

    dataOf(
      await admin.graphql('mutation ($input: CreateInstallPackageInput!) { createInstallPackage(input: $input) { id } }', {
        input: { name: 'Shutdown test', productId: drafter.id, versionId: version.id, platform: 'WINDOWS', language: 'sl-SI', addOnIds: [], settings: { installPath: 'D:\\CAD', desktopShortcut: false, silent: true } },
      }),
    );
    await until('the job to run', async () => (await jobRow())?.status === 'RUNNING');

    // A steady stream: four clients, each sending its next request when the last one answered.
    const fast: Outcome[] = [];
    let streaming = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (streaming) fast.push(await graphql(server.port, FAST));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const slow = Array.from({ length: 3 }, () => graphql(server.port, SLOW, 1_500));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answeredBefore = fast.length;
    const killedAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const tookMs = Date.now() - killedAt;
    streaming = false;
    await Promise.all(clients);

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan((DEADLINE_SECONDS + 3) * 1000);
    // The slow requests were in flight at SIGTERM and ran to their end.
    expect(await Promise.all(slow)).toEqual(['ok', 'ok', 'ok']);
    expect(answeredBefore).toBeGreaterThan(10);
    // Every request either got its answer or was refused at connect, which a balancer retries elsewhere.
    expect(fast.filter((outcome) => outcome !== 'ok' && outcome !== 'refused')).toEqual([]);
    expect(fast.filter((outcome) => outcome === 'refused').length).toBeGreaterThan(0);
    expect(server.output()).toContain('job given back to the queue at shutdown');

    // Given back: queued again, unclaimed, its attempt not counted.
    expect(await jobRow()).toMatchObject({ status: 'QUEUED', locked_by: null });
    expect(Number((await jobRow())!.attempts)).toBe(0);

    // Another instance takes it and builds it once.
    restore();
    second = await startBuiltServer(driver, { shared: { databaseUrl: server.databaseUrl, dataDir: server.dataDir } });
    await until('the job to finish on the second instance', async () => ['SUCCEEDED', 'FAILED'].includes((await jobRow())?.status ?? ''));
    expect(await jobRow()).toMatchObject({ status: 'SUCCEEDED', locked_by: null });
    expect(Number((await jobRow())!.attempts)).toBe(1);
    // Built once: one archive, by the attempt that finished.
    const [pkg] = await orm.em.fork().getConnection().execute<{ storage_key: string | null; sha256: string | null }[]>('select storage_key, sha256 from install_packages');
    expect(pkg!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(server.dataDir, 'packages')).filter((name) => name.endsWith('.tar.gz'))).toEqual([pkg!.storage_key!.split('/').at(-1)]);
  }, 90_000);
});
