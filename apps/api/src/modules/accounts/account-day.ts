import type { EntityManager } from '@mikro-orm/knex';
import { isoOfDay, localDay } from '../../common/days.js';
import { query } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';

/**
 * "Today" of an account, the one definition every rule uses (running subscriptions, seats that
 * can be handed out, entitlements, reports, renewals): the calendar day of the server's clock
 * (`config.now`, pinned in tests) in the account's time zone. Near midnight in Ljubljana that is
 * a different day from UTC's, and every caller must agree on which.
 */
export interface AccountDay {
  timeZone: string;
  /** Days since 1970-01-01 in the account's zone. */
  today: number;
  /** The same day as YYYY-MM-DD, to compare with `date` columns. */
  todayIso: string;
}

/** Time zones by account, read at most once a minute: every report needs it, it almost never changes. */
const zones = new Map<string, { timeZone: string; readAt: number }>();
const ZONE_TTL_MS = 60_000;

/** The account's time zone and its day at `now`. */
export async function accountDay(em: EntityManager, accountId: string, now: Date): Promise<AccountDay> {
  let zone = zones.get(accountId);
  if (!zone || Date.now() - zone.readAt > ZONE_TTL_MS) {
    // On the entity manager's transaction, if it is in one (SQLite's one connection is held by it).
    const [row] = await query<{ time_zone: string }>(em, 'select time_zone from accounts where id = ?', [accountId]);
    zone = { timeZone: row?.time_zone ?? 'UTC', readAt: Date.now() };
    zones.set(accountId, zone);
  }
  const today = localDay(now, zone.timeZone);
  return { timeZone: zone.timeZone, today, todayIso: isoOfDay(today) };
}

/** The signed-in account's today by the server's clock. */
export const accountToday = (ctx: AccountContext): Promise<AccountDay> => accountDay(ctx.em, ctx.viewer.accountId, ctx.config.now());

