import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AccountContext, RequestContext } from '../context.js';
import { query, run as runStatement, type SqlText } from './sql.js';

/**
 * The one transaction boundary: runs `work` in one database transaction with a copy of the
 * context whose `em` is the transaction's, so every write of a mutation (entities, native and raw
 * statements, its audit entry) commits together or not at all. Inside, use only `tx` (on SQLite
 * the one connection is held by the transaction). A service method opens it once, around its
 * writes; code without a request (jobs, seeds) passes `{ em }`. See ARCHITECTURE.md.
 */
export async function inTransaction<C extends { em: EntityManager }, T>(ctx: C, work: (tx: C) => Promise<T>): Promise<T> {
  // Nested (which the rule forbids, but a savepoint still works): callbacks wait for the outer commit.
  const outer = afterCommitOf.get(ctx.em);
  const committed = outer ?? [];
  const result = await ctx.em.transactional((em) => {
    afterCommitOf.set(em, committed);
    return work({ ...ctx, em: em as EntityManager });
  });
  if (!outer) for (const callback of committed) callback();
  return result;
}

/** What to run once each open transaction has committed, by the transaction's entity manager. */
const afterCommitOf = new WeakMap<object, (() => void)[]>();

/**
 * Runs `callback` (synchronous, quick: for example waking the event bus) after the transaction of
 * `tx` commits, and never when it rolls back; outside a transaction, right away.
 */
export function afterCommit(tx: { em: EntityManager }, callback: () => void): void {
  const list = afterCommitOf.get(tx.em);
  if (list) list.push(callback);
  else callback();
}

/** Runs a raw statement inside the context's transaction (if any), its values bound (see sql.ts). */
export function execute<T = Record<string, unknown>>(ctx: RequestContext, statement: string | SqlText, params: unknown[] = []): Promise<T[]> {
  return query<T>(ctx.em, statement, params);
}

/** An UPDATE or DELETE inside the context's transaction; returns the number of rows it touched. */
export function run(ctx: RequestContext, statement: string | SqlText, params: unknown[] = []): Promise<number> {
  return runStatement(ctx.em, statement, params);
}

/** A date as the driver stores it (SQLite keeps epoch milliseconds, PostgreSQL a timestamp). */
export const dbDate = (ctx: RequestContext, date: Date) => ctx.em.getPlatform().processDateProperty(date) as unknown;

/** Dates come back as Date (PostgreSQL) or epoch milliseconds (SQLite). */
export const toDate = (value: string | number | Date) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export type { AccountContext };

/** A unique key refused a row, whichever layer raised it (MikroORM, pg, better-sqlite3). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof UniqueConstraintViolationException) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
