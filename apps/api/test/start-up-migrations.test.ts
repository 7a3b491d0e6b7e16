import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp, type SeatwiseApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DatabaseStartError } from '../src/db/database.js';
import { postgresqlMigrations } from '../src/db/migrations/postgresql/index.js';
import { sqliteMigrations } from '../src/db/migrations/sqlite/index.js';
import { createTestDatabase, drivers } from './harness.js';

/** Instances of one database share its data folder (its secret key above all), as docs/operations.md asks. */
const dataDirs = new Map<string, string>();
const dataDirOf = (databaseUrl: string) => {
  if (!dataDirs.has(databaseUrl)) dataDirs.set(databaseUrl, mkdtempSync(join(tmpdir(), 'seatwise-data-')));
  return dataDirs.get(databaseUrl)!;
};

const configFor = (databaseUrl: string, env: Record<string, string> = {}) =>
  loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SEATWISE_DEMO: '0',
    SEATWISE_JOB_WORKER: '0',
    SEATWISE_DATA_DIR: dataDirOf(databaseUrl),
    ...env,
  });

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function freshDatabase(driver: 'sqlite' | 'postgresql') {
  const database = await createTestDatabase(driver);
  drops.push(database.drop);
  return database.databaseUrl;
}

async function failureOf(start: Promise<SeatwiseApp>): Promise<Error> {
  const outcome = await start.then(
    async (app) => {
      await app.close();
      return null;
    },
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error('start-up was expected to be refused');
  return outcome;
}

describe('several instances migrating one PostgreSQL at once', () => {
  it('both start, and every migration ran once (an advisory lock)', async () => {
    const url = await freshDatabase('postgresql');
    const apps = await Promise.all([createApp(configFor(url)), createApp(configFor(url)), createApp(configFor(url))]);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; n: string }>('select name, count(*) as n from mikro_orm_migrations group by name order by name');
        expect(rows.map((row) => row.name)).toEqual(postgresqlMigrations.map((migration) => migration.name));
        expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
        // The lock was let go: nobody holds it once they are up.
        const { rows: held } = await client.query("select count(*)::int as n from pg_locks where locktype = 'advisory'");
        expect(held[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      for (const app of apps) await app.close();
    }
  });

  it('refuses to migrate as a user without CREATE on the schema, saying what to grant', async () => {
    const url = await freshDatabase('postgresql');
    const role = `seatwise_reader_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.query(`revoke create on schema public from public`);
    await admin.end();
    drops.push(async () => {
      const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await client.connect();
      await client.query(`drop role if exists ${role}`).catch(() => undefined);
      await client.end();
    });
    const asRole = new URL(url);
    asRole.username = role;
    asRole.password = '';
    const error = await failureOf(createApp(configFor(asRole.toString())));
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect(error.message).toMatch(new RegExp(`user "${role}" may not create tables in schema "public".*GRANT CREATE ON SCHEMA public TO "${role}".*SEATWISE_MIGRATE=0`));
  });

  it('names the server it cannot reach', async () => {
    const error = await failureOf(createApp(configFor('postgres://postgres@127.0.0.1:1/seatwise')));
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect(error.message).toMatch(/^Cannot use PostgreSQL at 127\.0\.0\.1:1\/seatwise as postgres: .*Check DATABASE_URL/);
  });
});

describe.each(drivers)('starting without migrating, SEATWISE_MIGRATE=0 (%s)', (driver) => {
  const migrations = driver === 'sqlite' ? sqliteMigrations : postgresqlMigrations;

  it('starts against a migrated database and refuses one that is behind, naming what is pending', async () => {
    const url = await freshDatabase(driver);
    const first = await createApp(configFor(url));
    await first.close();

    const noMigrate = await createApp(configFor(url, { SEATWISE_MIGRATE: '0' }));
    expect(await noMigrate.orm.getMigrator().getPendingMigrations()).toEqual([]);
    // The newest migration's record taken away: the database is one behind this release.
    const last = migrations.at(-1)!.name;
    await noMigrate.orm.em.getConnection().execute('delete from mikro_orm_migrations where name = ?', [last]);
    await noMigrate.close();

    const error = await failureOf(createApp(configFor(url, { SEATWISE_MIGRATE: '0' })));
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect(error.message).toBe(
      `The database is behind this release: 1 migration pending (${last}), and SEATWISE_MIGRATE=0 says not to apply them. ` +
        'Run `npm run db:migrate` once (or start one instance without SEATWISE_MIGRATE=0), then start this one.',
    );
    // An empty database is all behind.
    const empty = await failureOf(createApp(configFor(await freshDatabase(driver), { SEATWISE_MIGRATE: '0' })));
    expect(empty.message).toMatch(new RegExp(`^The database is behind this release: ${migrations.length} migrations pending \\(${migrations[0]!.name} … ${last}\\)`));
  });
});
