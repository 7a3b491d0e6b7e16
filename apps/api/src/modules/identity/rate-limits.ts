import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { RateLimiterPostgres, RateLimiterSQLite, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import { AppError, msg } from '../../errors.js';
import type { Logger } from '../../logger.js';

/**
 * Brute-force protection with rate-limiter-flexible, its counters in the `rate_limits` table of
 * whichever database Seatwise runs on, so every API instance counts the same failures. Each
 * limiter is a fixed window: once `points` failures are counted, attempts are refused until the
 * window ends. Accounts are keyed by a hash of the typed email, whether or not it exists, so a
 * lock-out says nothing about which addresses have accounts.
 */
export interface RateLimits {
  /** Failed sign-ins (and wrong current passwords) per email, 15 minutes. */
  signInByAccount: RateLimiterStoreAbstract;
  /** Failed sign-ins per client IP, one hour. */
  signInByIp: RateLimiterStoreAbstract;
  /** Reset links sent per email, one hour: more requests are answered alike but send nothing. */
  resetByAccount: RateLimiterStoreAbstract;
  /** Reset requests per client IP, one hour. */
  resetByIp: RateLimiterStoreAbstract;
}

const TABLE = 'rate_limits';

/**
 * MikroORM's SQLite driver gives knex its own dialect class, which the SQLite store does not
 * recognise by name; this hands the store the same connection pool under the name of the library
 * underneath (better-sqlite3), so both share one connection and one file.
 */
function sqliteStoreClient(knex: Knex) {
  return {
    raw: knex.raw.bind(knex),
    client: {
      config: { client: 'better-sqlite3' },
      acquireConnection: () => knex.client.acquireConnection(),
      releaseConnection: (connection: unknown) => knex.client.releaseConnection(connection),
    },
  };
}

export function createRateLimits(orm: MikroORM, config: Config): RateLimits {
  const knex = (orm.em as EntityManager).getKnex();
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterStoreAbstract => {
    const common = { keyPrefix, points, duration, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    return config.database.driver === 'postgresql'
      ? new RateLimiterPostgres({ ...common, storeClient: knex, storeType: 'knex' })
      : new RateLimiterSQLite({ ...common, storeClient: sqliteStoreClient(knex), storeType: 'knex' });
  };
  return {
    signInByAccount: make('signin_account', config.signInLimits.perAccount, 15 * 60),
    signInByIp: make('signin_ip', config.signInLimits.perIp, 60 * 60),
    resetByAccount: make('reset_account', 3, 60 * 60),
    resetByIp: make('reset_ip', 20, 60 * 60),
  };
}

/**
 * Removes counters whose window ended more than an hour ago, every ten minutes; live windows are
 * kept whatever their age. Returns the function that stops the sweep.
 */
export function sweepExpiredCounters(orm: MikroORM, logger: Logger): () => void {
  const timer = setInterval(() => {
    deleteExpiredCounters(orm).catch((error: unknown) => logger.warn({ err: error }, 'could not sweep expired rate-limit counters'));
  }, 10 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function deleteExpiredCounters(orm: MikroORM, now = Date.now()): Promise<number> {
  const knex = (orm.em as EntityManager).getKnex();
  return knex(TABLE).where('expire', '<', now - 60 * 60 * 1000).delete();
}

/** Emails are not stored in clear in the counters table. */
const accountKey = (email: string) => createHash('sha256').update(email).digest('hex');
const ipKey = (ctx: RequestContext) => ctx.req.ip ?? 'unknown';

function tooMany(msBeforeNext: number, field?: string): AppError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    minutes === 1
      ? msg('Too many failed attempts. Wait {minutes} minute and try again, or reset your password.', { minutes })
      : msg('Too many failed attempts. Wait {minutes} minutes and try again, or reset your password.', { minutes }),
    field,
  );
}

async function refuseWhenSpent(limiter: RateLimiterStoreAbstract, key: string, field?: string) {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) throw tooMany(state.msBeforeNext, field);
}

/** Called before any password is checked: a locked account or IP is refused even with the right password. */
export async function assertSignInAllowed(ctx: RequestContext, email: string): Promise<void> {
  await refuseWhenSpent(ctx.limits.signInByIp, ipKey(ctx));
  await refuseWhenSpent(ctx.limits.signInByAccount, accountKey(email), 'email');
}

export async function recordSignInFailure(ctx: RequestContext, email: string): Promise<void> {
  await Promise.all([
    ctx.limits.signInByIp.penalty(ipKey(ctx)),
    ctx.limits.signInByAccount.penalty(accountKey(email)),
  ]);
}

/** A successful sign-in clears the account's count; the IP's keeps counting. */
export async function clearSignInFailures(ctx: RequestContext, email: string): Promise<void> {
  await ctx.limits.signInByAccount.delete(accountKey(email));
}

/** A wrong current password counts like a failed sign-in of that account. */
export async function assertPasswordCheckAllowed(ctx: RequestContext, email: string, field: string): Promise<void> {
  await refuseWhenSpent(ctx.limits.signInByAccount, accountKey(email), field);
}

export async function recordPasswordCheckFailure(ctx: RequestContext, email: string): Promise<void> {
  await ctx.limits.signInByAccount.penalty(accountKey(email));
}

/**
 * Counts a reset request. Too many from one IP is refused (that says nothing about any account);
 * too many for one email returns false, and the caller answers as usual without sending.
 */
export async function allowResetRequest(ctx: RequestContext, email: string): Promise<boolean> {
  const byIp = await ctx.limits.resetByIp.penalty(ipKey(ctx));
  if (byIp.consumedPoints > ctx.limits.resetByIp.points) throw tooMany(byIp.msBeforeNext);
  const byAccount = await ctx.limits.resetByAccount.penalty(accountKey(email));
  return byAccount.consumedPoints <= ctx.limits.resetByAccount.points;
}
