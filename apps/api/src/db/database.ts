import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import pg from 'pg';
import { installQueueSchema, queueSchemaInstalled } from './queue-schema.js';
import type { Config, DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { ormOptions } from './orm.config.js';

export type Orm = MikroORM;
export type { EntityManager };

/** Whether an entity manager talks to PostgreSQL (else SQLite), for the few statements written per driver. */
export const isPostgres = (em: EntityManager) => em.getPlatform() instanceof PostgreSqlPlatform;

/**
 * Knex query options that make a statement a named prepared statement on PostgreSQL: parsed and
 * planned once per pooled connection instead of on every request. For the statements every request
 * runs (the session or token behind it), where planning a join costs more than executing it. The
 * name must always stand for the same SQL text. SQLite ignores it (preparing there is cheap).
 */
export const preparedAs = (name: string) => ({ name });

export async function openDatabase(database: DatabaseConfig): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(database)).catch((error: unknown) => {
    if (database.driver !== 'postgresql') throw error;
    throw unreachable(database.url, error);
  });
  if (database.driver === 'sqlite') {
    // One writer at a time, readers never blocked; wait instead of failing when the file is busy.
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma synchronous = normal');
    await connection.execute('pragma busy_timeout = 5000');
    await connection.execute('pragma foreign_keys = on');
    // 64 MB of page cache instead of 2 MB: reports and ingestion touch indexes of millions of rows.
    await connection.execute('pragma cache_size = -65536');
    await connection.execute('pragma temp_store = memory');
  }
  return orm;
}

/**
 * Start-up refused because of the database: unreachable, too old, missing a privilege or an
 * extension, or behind this release while migrations are off. The message says what to do.
 */
export class DatabaseStartError extends Error {}

/**
 * The advisory lock every instance takes before it migrates PostgreSQL (one 64-bit key, "Seatwise
 * migrations"): the first migrates, the others wait, then find nothing pending.
 */
export const MIGRATION_LOCK_KEY = '7303620917652209';

/**
 * Applies every pending migration; returns the names applied. On PostgreSQL under a session-level
 * advisory lock held on a connection of its own for the whole run, so instances starting together
 * over one database migrate it once.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const url = orm.config.get('clientUrl');
  if (!isPostgres(orm.em as EntityManager) || !url) return (await orm.getMigrator().up()).map((migration) => migration.name);
  // Not from the pool: the lock must outlive the migrator's own connections, whatever the pool size.
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    // The job queue's own schema (graphile-worker's installer), under the same lock as ours.
    await installQueueSchema(url);
    return (await orm.getMigrator().up()).map((migration) => migration.name);
  } finally {
    // Closing the session releases the lock too, also when the unlock is never reached.
    await lock.end();
  }
}

/** With migrations off (`SEATWISE_MIGRATE=0`): refuses a database that is behind this release. */
export async function assertMigrated(orm: MikroORM): Promise<void> {
  const pending = (await orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
  if (!pending.length && isPostgres(orm.em as EntityManager) && !(await queueSchemaInstalled((statement) => orm.em.getConnection().execute(statement)))) {
    pending.push('the job queue schema (graphile-worker)');
  }
  if (!pending.length) return;
  throw new DatabaseStartError(
    `The database is behind this release: ${pending.length} migration${pending.length === 1 ? '' : 's'} pending (${pending[0]}${pending.length > 1 ? ` … ${pending.at(-1)}` : ''}), and SEATWISE_MIGRATE=0 says not to apply them. ` +
      'Run `npm run db:migrate` once (or start one instance without SEATWISE_MIGRATE=0), then start this one.',
  );
}

/** The oldest PostgreSQL Seatwise runs on (the suite runs on 15 and 18). */
export const MIN_POSTGRES = 14;

/**
 * What Seatwise needs of PostgreSQL, checked before anything else touches it: reachable, version 14
 * or newer, and, when this instance migrates, the right to create tables in its schema and the
 * pg_trgm extension (created by the migrations; a trusted extension, so the database owner may).
 */
export async function checkPostgres(orm: MikroORM, database: DatabaseConfig, migrating: boolean): Promise<void> {
  const connection = orm.em.getConnection();
  const where = describePostgres(database.url);
  let row: Record<string, unknown> | undefined;
  try {
    [row] = await connection.execute<Record<string, unknown>[]>(
      `select current_setting('server_version_num')::int as version, current_setting('server_version') as label,
              current_user as "user", current_schema() as schema,
              has_schema_privilege(current_schema(), 'CREATE') as can_create,
              exists (select 1 from pg_extension where extname = 'pg_trgm') as has_trgm,
              exists (select 1 from pg_available_extensions where name = 'pg_trgm') as trgm_available`,
    );
  } catch (error) {
    throw unreachable(database.url, error);
  }
  if (database.driver === 'postgresql' && database.replicaUrl) {
    try {
      await orm.em.getConnection('read').execute('select 1');
    } catch (error) {
      throw new DatabaseStartError(
        `Cannot use the read replica at ${describePostgres(database.replicaUrl)}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_REPLICA_URL (or unset it to read reports from DATABASE_URL).`,
      );
    }
  }
  const version = Number(row?.version);
  if (version < MIN_POSTGRES * 10_000) {
    throw new DatabaseStartError(`PostgreSQL ${String(row?.label)} at ${where} is too old: Seatwise needs PostgreSQL ${MIN_POSTGRES} or newer.`);
  }
  if (!migrating) return;
  if (!row?.can_create) {
    throw new DatabaseStartError(
      `The PostgreSQL user "${String(row?.user)}" may not create tables in schema "${String(row?.schema)}" at ${where}, so it cannot migrate: ` +
        `GRANT CREATE ON SCHEMA ${String(row?.schema)} TO "${String(row?.user)}" (or make it the database's owner), or migrate as the owner and start with SEATWISE_MIGRATE=0.`,
    );
  }
  if (!row.has_trgm && !row.trgm_available) {
    throw new DatabaseStartError(`PostgreSQL at ${where} lacks the pg_trgm extension, which Seatwise's search indexes need: install the server's contrib package (e.g. postgresql-contrib).`);
  }
}

const unreachable = (url: string, error: unknown) =>
  new DatabaseStartError(`Cannot use PostgreSQL at ${describePostgres(url)}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL and that the server is running.`);

/** host:port/database as user, without the password. */
function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}${parsed.username ? ` as ${decodeURIComponent(parsed.username)}` : ''}`;
}

/**
 * Start-up's part with the database: PostgreSQL's needs checked, then pending migrations applied
 * (`config.migrate`) or, with migrations off, a database behind this release refused. On a
 * refusal the connection is closed and a DatabaseStartError thrown.
 */
export async function prepareDatabase(orm: MikroORM, config: Config, logger: Logger): Promise<void> {
  try {
    if (config.database.driver === 'postgresql') await checkPostgres(orm, config.database, config.migrate);
    if (config.migrate) {
      const applied = await migrate(orm);
      if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    } else {
      await assertMigrated(orm);
    }
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
