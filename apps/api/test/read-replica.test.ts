import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/knex';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type SeatwiseApp } from '../src/app.js';
import { reportQuery } from '../src/common/sql.js';
import { inTransaction } from '../src/common/transaction.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createClient, dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';

const INSIGHTS = `query { insights { purchased product { code } } }`;
const SUBSCRIPTIONS = `query { subscriptions(first: 100) { edges { node { seatsTotal } } } }`;

type Insights = { insights: { purchased: number; product: { code: string } }[] };
type Subscriptions = { subscriptions: { edges: { node: { seatsTotal: number } }[] } };

const purchased = (data: Insights) => data.insights.reduce((sum, row) => sum + row.purchased, 0);
const seats = (data: Subscriptions) => data.subscriptions.edges.reduce((sum, edge) => sum + edge.node.seatsTotal, 0);

/**
 * DATABASE_REPLICA_URL (issue 20, item 9): reports read from a read replica, everything else from
 * the primary. The "replica" here is told apart by its data: a role whose search_path is a schema
 * of copies of the primary's tables, in which every subscription has 1,000 seats more.
 */
describe.each(drivers)('read replica (%s)', (driver) => {
  if (driver === 'sqlite') {
    it('is refused beside SQLite, with the reason', () => {
      const load = () => loadConfig({ DATABASE_URL: 'sqlite::memory:', DATABASE_REPLICA_URL: 'postgres://replica.internal/seatwise' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow('Invalid configuration: DATABASE_REPLICA_URL is for PostgreSQL only');
    });
    return;
  }

  let app: TestApp;
  let replicated: SeatwiseApp;
  let server: Server;
  let primaryAdmin: TestClient;
  let replicaAdmin: TestClient;
  const role = `seatwise_replica_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    app = await startTestApp('postgresql');
    const tables = await app.sql<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'usage_events'",
    );
    await app.sql('create schema replica');
    for (const { name } of tables) await app.sql(`create table replica."${name}" as table public."${name}"`);
    await app.sql('update replica.subscriptions set seats = seats + 1000');
    await app.sql(`create role ${role} login`);
    await app.sql(`grant usage on schema replica to ${role}`);
    await app.sql(`grant select on all tables in schema replica to ${role}`);
    await app.sql(`alter role ${role} set search_path = replica`);

    const replicaUrl = new URL(app.databaseUrl);
    replicaUrl.username = role;
    replicaUrl.password = '';
    const config = loadConfig({
      DATABASE_URL: app.databaseUrl,
      DATABASE_REPLICA_URL: replicaUrl.toString(),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      SEATWISE_DEMO: '0',
      SEATWISE_JOB_WORKER: '0',
      SEATWISE_DATA_DIR: app.dataDir,
    });
    expect(config.database).toMatchObject({ driver: 'postgresql', replicaUrl: replicaUrl.toString() });
    replicated = await createApp({ ...config, now: app.config.now });
    server = createServer(replicated.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    replicaAdmin = createClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    dataOf(await replicaAdmin.signIn('admin@example.com'));
    primaryAdmin = app.client();
    dataOf(await primaryAdmin.signIn('admin@example.com'));
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    await replicated?.close();
    await app?.close();
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
  });

  it('serves reports from the replica and everything else from the primary', async () => {
    const primaryInsights = dataOf(await primaryAdmin.graphql<Insights>(INSIGHTS));
    const replicaInsights = dataOf(await replicaAdmin.graphql<Insights>(INSIGHTS));
    expect(primaryInsights.insights.length).toBeGreaterThan(0);
    // Insights sums seats per team and product: each row a subscription's product, 1,000 seats more each.
    expect(purchased(replicaInsights)).toBeGreaterThan(purchased(primaryInsights));
    expect((purchased(replicaInsights) - purchased(primaryInsights)) % 1000).toBe(0);

    // The subscriptions page is not a report: the primary's seats, on both instances.
    const primarySeats = seats(dataOf(await primaryAdmin.graphql<Subscriptions>(SUBSCRIPTIONS)));
    expect(seats(dataOf(await replicaAdmin.graphql<Subscriptions>(SUBSCRIPTIONS)))).toBe(primarySeats);
  });

  it('reads a report inside a transaction from the primary', async () => {
    const total = 'select sum(seats) as seats from subscriptions';
    const em = replicated.orm.em.fork() as EntityManager;
    const [outside] = await reportQuery<{ seats: string }>(em, total);
    const [inside] = await inTransaction({ em }, (tx) => reportQuery<{ seats: string }>(tx.em, total));
    const [primary] = await app.sql<{ seats: string }>(total);
    expect(Number(inside!.seats)).toBe(Number(primary!.seats));
    expect(Number(outside!.seats)).toBeGreaterThan(Number(primary!.seats));
  });

  it('refuses to start with a replica it cannot reach, naming the setting', async () => {
    const config = loadConfig({
      DATABASE_URL: app.databaseUrl,
      DATABASE_REPLICA_URL: 'postgres://postgres@127.0.0.1:1/seatwise',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      SEATWISE_DEMO: '0',
      SEATWISE_JOB_WORKER: '0',
      SEATWISE_DATA_DIR: app.dataDir,
    });
    await expect(createApp({ ...config, now: app.config.now })).rejects.toThrow(
      /^Cannot use the read replica at 127\.0\.0\.1:1\/seatwise as postgres: .*Check DATABASE_REPLICA_URL/,
    );
  });

  it('refuses a replica address that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: app.databaseUrl, DATABASE_REPLICA_URL: 'mysql://replica/seatwise' })).toThrow(
      'Invalid configuration: DATABASE_REPLICA_URL must start with postgres:// or postgresql://',
    );
    expect(() => loadConfig({ DATABASE_URL: app.databaseUrl, DATABASE_REPLICA_URL: 'postgres://[bad' })).toThrow(
      'Invalid configuration: DATABASE_REPLICA_URL is not a valid postgres:// URL',
    );
  });
});
