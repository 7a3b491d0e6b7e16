import type { ConnectionType } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { isPostgres } from '../db/database.js';

/**
 * Raw SQL with its values sent to the driver as bound parameters. MikroORM 6's `execute` formats
 * every value into the SQL text instead (a NUL byte then breaks the statement, and the text is only
 * as safe as its quoting), so raw statements go through here: `?` placeholders on both drivers,
 * `??` for an identifier, and on PostgreSQL `\\?` for a literal question mark (its `?|` operators);
 * or a statement built with the `sql` tag below, its values inside it.
 *
 * A statement runs inside the entity manager's transaction when it has one (a mutation reads its
 * own writes), or inside `trx` when the caller holds a knex transaction of its own.
 */
export type Statement = string | Knex.QueryBuilder | SqlText;

/**
 * A statement or a piece of one with its values, built with the `sql` tag: the values stay
 * separate from the text and go to the driver as bound parameters.
 */
export class SqlText {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[],
  ) {}
}

/**
 * `sql\`select … where ${inAccount(ctx, 'm')} and m.user_id in (${ids})\``: every interpolated
 * value is bound as `?` (an array as a list `?, ?, ?`), and an interpolated `SqlText` (the account
 * predicate, a rule's fragment through `fragment`) is spliced in with its own values.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlText {
  let text = strings[0]!;
  const bound: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof SqlText) {
      text += value.text;
      bound.push(...value.values);
    } else if (Array.isArray(value)) {
      text += value.map(() => '?').join(', ');
      bound.push(...(value as unknown[]));
    } else {
      text += '?';
      bound.push(value);
    }
    text += strings[index + 1]!;
  });
  return new SqlText(text, bound);
}

/**
 * SQL text written by the code, not taken from input: a rule's fragment with the values of its own
 * `?` (`fragment(runningSql('s'), [todayIso])`), a column list.
 */
export const fragment = (text: string, values: readonly unknown[] = []): SqlText => new SqlText(text, values);

/** Conditions joined with `and`; none is `1 = 1`, so a filter without conditions matches every row. */
export const allOf = (parts: readonly SqlText[]): SqlText =>
  parts.reduce<SqlText | null>((all, part) => (all ? sql`${all} and ${part}` : part), null) ?? fragment('1 = 1');

/**
 * The account predicate every raw statement on an account's rows needs, since the ORM's tenant
 * filter reaches only entity queries: `<alias>.account_id = ?`, bound to the request's account
 * (never to an argument).
 */
export function inAccount(ctx: { viewer: { accountId: string } }, alias?: string): SqlText {
  return new SqlText(`${alias ? `${alias}.` : ''}account_id = ?`, [ctx.viewer.accountId]);
}

/**
 * The account predicate of a deliberate read of another account's rows, which only the Vendor
 * console makes (a customer's people): the account is named by the caller, not the request's.
 */
export function inCustomerAccount(customerId: string, alias?: string): SqlText {
  return new SqlText(`${alias ? `${alias}.` : ''}account_id = ?`, [customerId]);
}

/**
 * A value as the SQL text used to carry it. better-sqlite3 binds every JavaScript number as REAL,
 * where the text had integer literals: `(day - ?) / ?` would divide as floats. Integers and
 * booleans go as INTEGER, dates as epoch milliseconds (how SQLite columns hold them); PostgreSQL
 * gets dates as UTC ISO text (the ORM runs with `forceUtcTimezone`), everything else as pg binds it.
 */
function bindable(value: unknown, pg: boolean): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return pg ? value.toISOString() : BigInt(value.getTime());
  if (pg) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  return value;
}

/** pg answers `{ rows, rowCount }`; better-sqlite3 an array of rows, or `{ changes }` for a statement without any. */
type DriverResult = unknown[] | { rows: unknown[]; rowCount: number | null } | { changes: number };

async function send(
  em: EntityManager,
  statement: Statement,
  params: readonly unknown[],
  trx: Knex.Transaction | undefined,
  connection: ConnectionType = 'write',
): Promise<DriverResult> {
  const pg = isPostgres(em);
  const [text, values] = statement instanceof SqlText ? [statement.text, statement.values] : [statement, params];
  const query = typeof text === 'string' ? em.getKnex(trx ? 'write' : connection).raw(text, values.map((value) => bindable(value, pg)) as Knex.RawBinding[]) : text;
  if (trx) query.transacting(trx);
  try {
    return (await query) as DriverResult;
  } catch (error) {
    // The same typed exceptions (UniqueConstraintViolationException, ...) as the ORM's own queries.
    throw em.getDriver().convertException(error as Error);
  }
}

/** The rows a statement returns, as plain objects on both drivers. */
export async function query<T = Record<string, unknown>>(
  em: EntityManager,
  statement: Statement,
  params: readonly unknown[] = [],
  trx = em.getTransactionContext<Knex.Transaction>(),
): Promise<T[]> {
  return rowsOf<T>(await send(em, statement, params, trx));
}

const rowsOf = <T>(result: DriverResult): T[] => (Array.isArray(result) ? (result as T[]) : 'rows' in result ? (result.rows as T[]) : []);

/**
 * The rows of a report's statement (Seat Usage, Insights, Cloud Usage and their exports): on the
 * read replica when one is configured (`DATABASE_REPLICA_URL`, PostgreSQL; it may lag the primary
 * by a moment, which a report can afford), else on the primary. Inside a transaction it runs in the
 * transaction, on the primary, like every other statement.
 */
export async function reportQuery<T = Record<string, unknown>>(em: EntityManager, statement: string | SqlText, params: readonly unknown[] = []): Promise<T[]> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  return rowsOf<T>(await send(em, statement, params, trx, 'read'));
}

/**
 * A knex query builder that runs in the entity manager's transaction when it has one (`em.getKnex()`
 * alone runs outside it): a read after a change in the same transaction, e.g. the answer of a change
 * made under an idempotency key, sees the change (and on SQLite's one connection does not wait for it).
 */
export function knexOf(em: EntityManager): Knex {
  return em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
}

/** An INSERT, UPDATE or DELETE; returns the number of rows it touched. */
export async function run(em: EntityManager, statement: string | SqlText, params: readonly unknown[] = [], trx = em.getTransactionContext<Knex.Transaction>()): Promise<number> {
  const result = await send(em, statement, params, trx);
  if (Array.isArray(result)) return result.length;
  return 'rowCount' in result ? (result.rowCount ?? 0) : result.changes;
}
