import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config.js';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

/** Where `db:migration:create` writes new migration files (the TypeScript sources). */
export const migrationsSourceDir = (driver: DatabaseConfig['driver']) =>
  fileURLToPath(new URL(`../../src/db/migrations/${driver}`, import.meta.url));

/** Listed migration classes (no folder scanning), all applied in one transaction or none. */
const migrationOptions = (driver: DatabaseConfig['driver']) => ({
  migrationsList: driver === 'sqlite' ? sqliteMigrations : postgresqlMigrations,
  path: migrationsSourceDir(driver),
  transactional: true,
  allOrNothing: true,
  snapshot: false,
  emit: 'ts' as const,
  silent: true,
});

/**
 * better-sqlite3 is compiled for one Node ABI. `npm test` also runs the API suite on Node 24 with a
 * copy compiled for that Node (`SEATWISE_SQLITE_BINDING`, the path of its `better_sqlite3.node`);
 * nothing else sets it.
 */
function sqliteBinding(): Pick<Options, 'driverOptions'> {
  const nativeBinding = process.env.SEATWISE_SQLITE_BINDING;
  return nativeBinding ? { driverOptions: { connection: { options: { nativeBinding } } } } : {};
}

export function ormOptions(database: DatabaseConfig): Options {
  const common = {
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities are not discovered by reflection (Vite and tsx emit no decorator metadata).
    discovery: { requireEntitiesArray: true },
    allowGlobalContext: false,
  } satisfies Options;

  if (database.driver === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: database.file,
      ...sqliteBinding(),
      migrations: migrationOptions('sqlite'),
      // The users page's maintained counts and FTS5 search exist only on SQLite, made and kept by
      // migration 20261208040000 and its triggers: no entity declares them (MikroORM cannot read
      // an FTS5 table's columns either).
      schemaGenerator: { skipTables: ['membership_status_counts', 'membership_search_keys', /^membership_search(_\w+)?$/] },
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    pool: { min: 0, max: database.poolMax ?? 10 },
    // Reports are many small aggregates: compiling one with JIT costs more (tens of ms) than it saves.
    driverOptions: { connection: { options: '-c jit=off' } },
    migrations: migrationOptions('postgresql'),
    // A read replica serves only the reads that ask for it (`reportQuery` in common/sql.ts: reports
    // and their exports); every entity query stays on the primary, so a change reads its own writes.
    ...(database.replicaUrl ? { replicas: [{ name: 'replica', clientUrl: database.replicaUrl }] } : {}),
    preferReadReplicas: false,
    // The job queue's schema is graphile-worker's, installed and upgraded by its own installer.
    schemaGenerator: { ignoreSchema: ['graphile_worker'] },
  } as Options;
}
