import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import { AppError, msg } from '../../errors.js';

/**
 * Brute-force protection with rate-limiter-flexible, its counters in the `rate_limits` table of
 * whichever database Seatwise runs on, so every API instance counts the same attempts. Each
 * limiter is a fixed window: once `points` are taken, attempts are refused until the window ends.
 * Accounts are keyed by a hash of the typed email, whether or not it exists, so a lock-out says
 * nothing about which addresses have accounts.
 */
export interface RateLimits {
  /** Failed password checks per email (sign-in and every operation that asks for the password), 15 minutes. */
  signInByAccount: RateLimiterStoreAbstract;
  /** Failed password checks per client IP, one hour. */
  signInByIp: RateLimiterStoreAbstract;
  /** Reset links sent per email, one hour: more requests are answered alike but send nothing. */
  resetByAccount: RateLimiterStoreAbstract;
  /** Reset requests per client IP, one hour. */
  resetByIp: RateLimiterStoreAbstract;
  /** Device codes (RFC 8628) a person typed that matched nothing, 15 minutes. */
  userCodeByPerson: RateLimiterStoreAbstract;
  /** Device authorization requests and token polls of the OpenID provider per client IP, 10 minutes. */
  deviceFlowByIp: RateLimiterStoreAbstract;
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
    userCodeByPerson: make('user_code_person', 10, 15 * 60),
    deviceFlowByIp: make('device_flow_ip', config.deviceFlowPerIp, 10 * 60),
  };
}

/** Removes counters whose window ended more than an hour ago (a schedule, `app.ts`); live windows are kept. */
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
    msg('Too many failed attempts. Wait {count} minutes and try again, or reset your password.', { count: minutes }),
    field,
  );
}

/** One attempt from `limiter`, in one atomic upsert; past the limit it is refused with the wait. */
async function take(limiter: RateLimiterStoreAbstract, key: string, field?: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext, field);
    throw rejection;
  }
}

/**
 * Every password check goes through here: sign-in and each signed-in operation that asks for the
 * password again. An attempt is taken from the client IP's and the account's limits before `verify`
 * runs, so parallel requests on any number of instances never check more passwords than the limits
 * allow; once either is spent the answer is TOO_MANY_ATTEMPTS (on `field` for the account) and no
 * password, not even the right one, is checked. `verify` answers false for a wrong password (or
 * anything else that fails like one); otherwise its answer is passed on, the account's count is
 * cleared, and the IP gets its attempt back. The IP's count is not cleared: then anyone with an
 * account of their own could wipe it between guesses at other accounts.
 */
export async function checkPasswordThrottled<T>(
  ctx: RequestContext,
  email: string,
  field: string,
  verify: () => Promise<T | false>,
): Promise<T | false> {
  const ip = ipKey(ctx);
  const account = accountKey(email);
  await take(ctx.limits.signInByIp, ip);
  try {
    await take(ctx.limits.signInByAccount, account, field);
  } catch (error) {
    // No password was checked, so the IP is not charged for asking about a locked account.
    await ctx.limits.signInByIp.reward(ip);
    throw error;
  }
  const result = await verify();
  if (result !== false) await Promise.all([ctx.limits.signInByAccount.delete(account), ctx.limits.signInByIp.reward(ip)]);
  return result;
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
