import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { createApp, type SeatwiseApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import type { Mailer } from '../src/modules/mail/mailer.js';
import type { Outbox } from '../src/modules/mail/outbox.js';
import type { SmsSender } from '../src/modules/mail/sms.js';
import { DEMO_PASSWORD, seedDemo, type SeedOptions } from '../src/db/seed/demo.js';
import { forgetSessions } from '../src/modules/identity/session.service.js';

export type Driver = 'sqlite' | 'postgresql';
export const drivers: Driver[] = ['sqlite', 'postgresql'];

/**
 * NODE_ENV=production with what production requires of a start (docs/operations.md): a public
 * https address and mail on purpose written to the outbox. Spread it and add the rest.
 */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://licences.vendor.example',
  SEATWISE_MAIL_OUTBOX: '1',
} as const;

/** "Today" of the seeded demo data, so generated dates are the same on every run. */
export const TODAY = new Date('2026-11-25T10:00:00Z');
export { DEMO_PASSWORD };

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string };
}

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/** A client of the API over real HTTP that keeps its own cookies, like one browser. */
export interface TestClient {
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** The raw response too, for tests about headers. */
  post(query: string, variables?: Record<string, unknown>): Promise<{ response: Response; body: GraphqlResponse<unknown> }>;
  signIn(email: string, password?: string): Promise<GraphqlResponse<unknown>>;
  cookies: Map<string, string>;
}

export interface TestApp {
  driver: Driver;
  url: string;
  /** Where the app's database is, for a second process on the same one. */
  databaseUrl: string;
  dataDir: string;
  orm: MikroORM;
  config: Config;
  seatwise: SeatwiseApp;
  /** A raw statement on the app's own connection (`?` placeholders on both drivers). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** An entity manager fork for direct checks; tenant filter params must be set by the caller. */
  em(): EntityManager;
  /** A client with its own cookies; with `token`, it sends `Authorization: Bearer <token>`. */
  client(options?: { token?: string }): TestClient;
  /** Where messages land when no SMTP relay is configured (a fresh folder per app). */
  outbox: Outbox;
  /** The app's own mailer, for tests of the mail seam itself. */
  mail: Mailer;
  sms: SmsSender;
  /**
   * Delivers every event due now (mail published by committed changes) and resolves when they are
   * sent: what the app's own worker would do within its next poll, without waiting for it.
   */
  deliverEvents(): Promise<number>;
  /** Moves the server's clock (`config.now`), for rules that turn on the day: no sleeps. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Admin URL of the PostgreSQL server; taken from the test run's global setup when omitted. */
  pgAdminUrl?: string;
  /** false: migrate only, no demo data. */
  seed?: boolean | SeedOptions;
  /** Extra environment for `loadConfig`, e.g. `SMTP_URL` of a test SMTP peer, `SEATWISE_JOB_WORKER: '0'` or limits. */
  env?: Record<string, string>;
  /** The server's clock for reports; the seeded day (TODAY) when omitted. */
  now?: Date;
  /** The port to listen on (a peer must know the address first, e.g. an OpenID provider's redirect URI); ephemeral when omitted. */
  port?: number;
}

async function adminQuery(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database for one suite: created here and removed by the returned `drop`. */
export async function createTestDatabase(
  driver: Driver,
  pgAdminUrl?: string,
): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  if (driver === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-test-'));
    return {
      databaseUrl: `sqlite:${join(dir, 'seatwise.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = pgAdminUrl ?? (await import('vitest')).inject('pgAdminUrl');
  const name = `seatwise_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A client with its own cookies against any API base URL (e.g. a second process); with `token`, it sends `Authorization: Bearer <token>`. */
export function createClient(url: string, token?: string): TestClient {
  const cookies = new Map<string, string>();
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(cookies.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    const body = (await response.json()) as GraphqlResponse<unknown>;
    return { response, body };
  };
  const client: TestClient = {
    cookies,
    post,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      return (await post(query, variables)).body as GraphqlResponse<T>;
    },
    signIn(email, password = DEMO_PASSWORD) {
      return client.graphql(
        `mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id email role } } }`,
        { input: { email, password } },
      );
    },
  };
  return client;
}

/**
 * Starts the whole API on a fresh database of the given driver, with demo data seeded for a
 * fixed day, listening on an ephemeral port.
 */
export async function startTestApp(driver: Driver, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(driver, options.pgAdminUrl);
  // The outbox, installer files, built packages and development keys of this app only.
  const dataDir = mkdtempSync(join(tmpdir(), 'seatwise-data-'));
  const config = loadConfig({
    DATABASE_URL: database.databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    SEATWISE_DEMO: '0',
    SEATWISE_DATA_DIR: dataDir,
    // Tests' webhook receivers listen on loopback; webhook-ssrf.test.ts turns it off.
    SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '1',
    ...options.env,
  });
  let now = options.now ?? TODAY;
  // `app.config.now` is this server's clock, so a second instance made from it keeps the same day.
  const served = { ...config, now: () => new Date(now) };
  const seatwise = await createApp(served);
  if (options.seed !== false) {
    const seed = typeof options.seed === 'object' ? options.seed : {};
    await seedDemo(seatwise.orm, { today: TODAY, dataDir, ...seed });
  }
  // Longer than any pause between a client's requests, so fetch never reuses a socket being closed.
  const server = createServer({ keepAliveTimeout: 120_000 }, seatwise.app);
  const port = await listen(server, options.port);
  const url = `http://127.0.0.1:${port}`;
  return {
    driver,
    url,
    databaseUrl: database.databaseUrl,
    dataDir,
    orm: seatwise.orm,
    config: served,
    seatwise,
    async sql<T>(query: string, params: unknown[] = []) {
      const rows = (await seatwise.orm.em.getConnection().execute(query, params)) as T[];
      // A change the test makes stands for one made through this instance, which would forget the
      // sessions it remembers (two-instances.test.ts holds another instance to one second).
      if (!/^\s*select\b/i.test(query)) forgetSessions(seatwise.orm.em as EntityManager);
      return rows;
    },
    em: () => seatwise.orm.em.fork() as EntityManager,
    client: (options) => createClient(url, options?.token),
    outbox: seatwise.outbox,
    mail: seatwise.mail,
    sms: seatwise.sms,
    deliverEvents: () => seatwise.events.drain(),
    setNow(instant) {
      now = instant;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await seatwise.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Throws with the server's answer when an operation failed, so test output shows why. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL operation failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

export function errorOf(response: GraphqlResponse<unknown>): GraphqlError {
  const error = response.errors?.[0];
  if (!error) throw new Error(`Expected a GraphQL error, got data: ${JSON.stringify(response.data)}`);
  return error;
}

/** The rows of a connection's page. */
export const nodesOf = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((edge) => edge.node);

/** A connection's page as a response carries it, for typing `graphql<…>` calls. */
export type Page<T> = { edges: { node: T }[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
