import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { inTransaction, isUniqueViolation } from '../../common/transaction.js';
import { query, run } from '../../common/sql.js';
import type { RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/** How long a key is remembered: a billing system retries within minutes, replays within a day. */
export const IDEMPOTENCY_KEY_HOURS = 24;
const MAX_KEY_LENGTH = 200;

/** One create or change with its key: whose key, the key, and what was asked. */
export interface IdempotentRequest {
  principal: string;
  key: string;
  operation: string;
  requestHash: string;
}

/**
 * Whose keys these are: every vendor service token shares the vendor's keys (a billing system that
 * rotates its token still replays safely); a staff member in the console has their own; a customer
 * account's person or token its own.
 */
export function principalKey(ctx: Pick<RequestContext, 'viewer' | 'staff'>): string | null {
  if (ctx.staff) return ctx.staff.token ? 'vendor' : `staff:${ctx.staff.userId}`;
  if (ctx.viewer) return `account:${ctx.viewer.accountId}:${ctx.viewer.token ? `token:${ctx.viewer.token.id}` : ctx.viewer.userId}`;
  return null;
}

/** The key a request names: the `idempotencyKey` argument, else the `Idempotency-Key` header; null for neither. */
export function requestedKey(argument: unknown, header: string | string[] | undefined): string | null {
  const raw = typeof argument === 'string' ? argument : Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === null) return null;
  const key = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (!key || key.length > MAX_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(key)) {
    throw new InvalidInputError('idempotencyKey', msg('An idempotency key is 1 to {max} characters, without control characters.', { max: MAX_KEY_LENGTH }));
  }
  return key;
}

/** A JSON text of the value with its object keys sorted, so equal arguments hash equally. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The arguments without the `preconditions` fields of their `input` (e.g. `expectedVersion`). */
function withoutPreconditions(args: Record<string, unknown>, preconditions: readonly string[]): Record<string, unknown> {
  const input = args.input;
  if (!preconditions.length || !input || typeof input !== 'object') return args;
  return { ...args, input: Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([name]) => !preconditions.includes(name))) };
}

/** SHA-256 of the operation's name and its arguments (the key itself and the input's `preconditions` left out). */
export function requestHash(operation: string, args: Record<string, unknown>, preconditions: readonly string[] = []): string {
  const { idempotencyKey: _key, ...rest } = withoutPreconditions(args, preconditions);
  return createHash('sha256').update(`${operation}\n${canonical(rest)}`).digest('hex');
}

// Results are kept as JSON with their dates marked, so a replay answers the same types.
function serialize(result: unknown): string {
  return JSON.stringify(result ?? null, function (this: Record<string, unknown>, name: string, value: unknown) {
    const original = this[name];
    return original instanceof Date ? { $date: original.toISOString() } : value;
  });
}

function deserialize(text: string): unknown {
  return JSON.parse(text, (_name, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $date?: unknown }).$date === 'string'
      ? new Date((value as { $date: string }).$date)
      : value,
  );
}

interface KeyRow {
  operation: string;
  request_hash: string;
  result: string | null;
}

async function findKey(em: EntityManager, request: IdempotentRequest): Promise<KeyRow | undefined> {
  const [row] = await query<KeyRow>(
    em,
    'select operation, request_hash, result from idempotency_keys where principal = ? and key = ? and expires_at > ?',
    [request.principal, request.key, em.getPlatform().processDateProperty(new Date())],
  );
  return row;
}

/** The stored answer to the same request, or a conflict naming the key when the request differs. */
function replay(row: KeyRow, request: IdempotentRequest): unknown {
  if (row.request_hash !== request.requestHash || row.operation !== request.operation) {
    throw new AppError(
      'IDEMPOTENCY_CONFLICT',
      msg('The idempotency key {key} was already used for another request ({operation} with other arguments): send a new key for a new request.', {
        key: request.key,
        operation: row.operation,
      }),
      'idempotencyKey',
      { idempotencyKey: request.key, operation: row.operation },
    );
  }
  return deserialize(row.result ?? 'null');
}

/** A race lost to a request with the same key that committed first. */
class KeyTaken extends Error {}

/**
 * Runs a create or change once per key. In one transaction: the key is claimed (inserted; the
 * unique key on principal and key makes a racing request with the same key wait for this one and
 * then fail to insert), `work` runs on the transaction's context, and its result is stored.
 * The same request again, in sequence or in parallel, gets the stored result and changes nothing;
 * the same key with another request is IDEMPOTENCY_CONFLICT. A failed change keeps no key.
 */
export async function runOnce<T>(ctx: RequestContext, request: IdempotentRequest, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const earlier = await findKey(ctx.em, request);
    if (earlier) return replay(earlier, request) as T;
    try {
      return await inTransaction(ctx, async (tx) => {
        const now = new Date();
        await run(tx.em, 'delete from idempotency_keys where principal = ? and key = ? and expires_at <= ?', [
          request.principal,
          request.key,
          tx.em.getPlatform().processDateProperty(now),
        ]);
        const claim = tx.em.create(IdempotencyKey, {
          principal: request.principal,
          key: request.key,
          operation: request.operation,
          requestHash: request.requestHash,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_HOURS * 60 * 60 * 1000),
        });
        try {
          await tx.em.flush();
        } catch (error) {
          if (isUniqueViolation(error)) throw new KeyTaken();
          throw error;
        }
        const result = await work(tx);
        claim.result = serialize(result);
        await tx.em.flush();
        return result;
      });
    } catch (error) {
      if (!(error instanceof KeyTaken) || attempt > 0) throw error;
    }
  }
}

/** Deletes the keys whose day is over; returns how many. */
export async function deleteExpiredKeys(orm: MikroORM, now = new Date()): Promise<number> {
  const em = orm.em.fork() as EntityManager;
  return run(em, 'delete from idempotency_keys where expires_at <= ?', [em.getPlatform().processDateProperty(now)]);
}

