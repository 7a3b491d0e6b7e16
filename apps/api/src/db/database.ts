import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '../config.js';
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
  const orm = await MikroORM.init(ormOptions(database));
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

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
