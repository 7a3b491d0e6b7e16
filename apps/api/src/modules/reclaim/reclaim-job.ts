import type { EntityManager } from '@mikro-orm/knex';
import { CustomerStatus, MembershipStatus, ReclaimNoticeState, Role } from '@seatwise/schema';
import { randomUUID } from 'node:crypto';
import { absent } from '../../common/absent.js';
import { DAY_MS, isoOfDay, localDay } from '../../common/days.js';
import { query, run } from '../../common/sql.js';
import { inTransaction, toDate } from '../../common/transaction.js';
import type { Config } from '../../config.js';
import type { AccountContext } from '../../context.js';
import { createLogger, type Logger } from '../../logger.js';
import type { Account } from '../accounts/account.entity.js';
import { type EventBus, publish } from '../jobs/event-bus.js';
import { claimNotification } from '../notifications/notifications.service.js';
import { SEAT_UNDO_DAYS } from '../subscriptions/seat-ledger.service.js';
import { SeatAssignment } from '../subscriptions/seat-assignment.entity.js';
import { reclaimSeat } from '../subscriptions/seats.service.js';
import { Membership } from '../users/membership.entity.js';
import type { ReclaimMailData } from './reclaim-mails.js';
import { ReclaimPolicy } from './reclaim-policy.entity.js';
import { idleSeats, isExcluded, type PolicyTerms } from './reclaim-rules.js';

export interface ReclaimJobDeps {
  em: EntityManager;
  events: EventBus;
  config: Config;
}

/** What a run did, for its log line and for tests. */
export interface ReclaimRunSummary {
  noticed: number;
  reclaimed: number;
  cancelled: number;
}

export const termsOf = (policy: ReclaimPolicy): PolicyTerms => ({
  accountId: policy.account.id,
  subscriptionId: policy.subscription?.id ?? null,
  signal: policy.signal,
  thresholdDays: policy.thresholdDays,
  excludedUserIds: policy.excludedUserIds,
  excludedTeamIds: policy.excludedTeamIds,
  excludedRoles: policy.excludedRoles,
});

/**
 * The context a policy acts in: the account's, with the policy as the actor (the ledger and audit
 * log name it), the clock of the run, and nothing of an HTTP request.
 */
function policyContext(deps: ReclaimJobDeps, em: EntityManager, policy: ReclaimPolicy, now: Date, log: Logger): AccountContext {
  em.setFilterParams('tenant', { accountId: policy.account.id });
  const who = 'A reclaim policy';
  return {
    em,
    events: deps.events,
    config: { ...deps.config, now: () => now },
    viewer: { userId: policy.enabledBy?.id ?? '', accountId: policy.account.id, role: Role.PRIMARY_ADMIN, sessionId: null, token: null, policyId: policy.id },
    staff: null,
    req: absent(who, 'an HTTP request'),
    res: absent(who, 'an HTTP response'),
    mail: absent(who, 'mail (it publishes events)'),
    sms: absent(who, 'text messages'),
    outbox: absent(who, 'an outbox'),
    limits: absent(who, 'rate limits'),
    oidc: absent(who, 'the OpenID provider'),
    brandName: () => Promise.reject(new Error('A reclaim policy runs without the brand')),
    log,
  };
}

const tell = async (tx: AccountContext, kind: string, subject: string, userId: string, mail: ReclaimMailData) => {
  // Claimed per (kind, subject, person) like every notification: a second run sends nothing more.
  if (await claimNotification(tx.em, { kind, subject, userId })) publish(tx, 'reclaim.mail', { userId, accountId: tx.viewer.accountId, mail }, tx.viewer.accountId);
};

/**
 * One pass of a policy on the account's day: pending notices whose seat was used since are
 * cancelled (USED), those of a seat gone or excluded since are CLOSED, those at the end of their
 * grace period are reclaimed (the seat unassigned with the ledger reason RECLAIM, the holder and the
 * admins told); then each idle seat without a pending notice gets one and its holder a mail. A
 * notice is claimed by its unique key (policy, seat, idle spell), so a second run, or a second
 * instance, announces nothing twice. One transaction: all of it or nothing.
 */
export async function applyPolicy(deps: ReclaimJobDeps, policyId: string, now: Date, log: Logger = createLogger('silent')): Promise<ReclaimRunSummary> {
  const summary: ReclaimRunSummary = { noticed: 0, reclaimed: 0, cancelled: 0 };
  const em = deps.em.fork() as EntityManager;
  const policy = await em.findOne(ReclaimPolicy, { id: policyId }, { filters: false, populate: ['account', 'subscription'] });
  if (!policy || !policy.enabled || policy.account.status !== CustomerStatus.ACTIVE) return summary;
  const ctx = policyContext(deps, em, policy, now, log);
  return inTransaction(ctx, async (tx) => {
    const account = policy.account as Account;
    const today = localDay(now, account.timeZone);
    const terms = termsOf(policy);
    const idle = await idleSeats(tx.em, terms, today, isoOfDay(today), account.timeZone, now);
    const idleBySeat = new Map(idle.map((seat) => [seat.seatId, seat]));
    // Plain rows, not entities: a policy can have thousands of notices pending, and most runs change none.
    const pending = await query<{ id: string; seat_id: string; idle_since: number | string; reclaim_at: string | number | Date }>(
      tx.em,
      `select id, seat_id, idle_since, reclaim_at from reclaim_notices where account_id = ? and policy_id = ? and state = 'PENDING' order by created_at, id`,
      [account.id, policy.id],
    );
    const admins = await tx.em.find(Membership, { status: MembershipStatus.ACTIVE, role: { $in: [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN] } }, { orderBy: { user: 'asc' } });
    const ended = new Map<ReclaimNoticeState, string[]>();
    const close = (id: string, state: ReclaimNoticeState) => {
      if (!ended.has(state)) ended.set(state, []);
      ended.get(state)!.push(id);
    };
    const stillPending = new Set<string>();
    // A seat no longer idle in the same spell was used since (USED), or is gone (CLOSED).
    const moved = pending.filter((notice) => idleBySeat.get(notice.seat_id)?.idleSince !== Number(notice.idle_since));
    const held = new Set(
      moved.length ? (await tx.em.find(SeatAssignment, { id: { $in: moved.map((notice) => notice.seat_id) } }, { fields: ['id'] })).map((seat) => seat.id) : [],
    );
    for (const notice of moved) {
      if (held.has(notice.seat_id)) {
        close(notice.id, ReclaimNoticeState.USED);
        summary.cancelled += 1;
      } else close(notice.id, ReclaimNoticeState.CLOSED);
    }
    const platform = tx.em.getPlatform();
    for (const notice of pending) {
      const seat = idleBySeat.get(notice.seat_id);
      if (!seat || seat.idleSince !== Number(notice.idle_since)) continue;
      if (isExcluded(terms, seat)) close(notice.id, ReclaimNoticeState.CLOSED);
      else if (toDate(notice.reclaim_at).getTime() <= now.getTime()) {
        const taken = await reclaimSeat(tx, notice.seat_id);
        if (!taken) {
          close(notice.id, ReclaimNoticeState.CLOSED);
          continue;
        }
        await run(tx.em, `update reclaim_notices set state = 'RECLAIMED', resolved_at = ?, ledger_entry_id = ? where id = ? and account_id = ?`, [
          platform.processDateProperty(now),
          taken.ledgerEntryId,
          notice.id,
          account.id,
        ]);
        summary.reclaimed += 1;
        const names = { subscription: seat.subscriptionName, account: account.name };
        await tell(tx, 'reclaim.reclaimed', notice.id, seat.userId, { kind: 'reclaimed', ...names });
        const undoUntil = isoOfDay(localDay(new Date(now.getTime() + SEAT_UNDO_DAYS * DAY_MS), account.timeZone));
        for (const admin of admins) {
          await tell(tx, 'reclaim.reclaimed-admin', notice.id, admin.user.id, { kind: 'reclaimed-admin', ...names, policy: policy.name, person: seat.email, undoUntil });
        }
      } else stillPending.add(notice.seat_id);
    }
    for (const [state, ids] of ended) {
      for (let from = 0; from < ids.length; from += 500) {
        const chunk = ids.slice(from, from + 500);
        await run(tx.em, `update reclaim_notices set state = ?, resolved_at = ? where account_id = ? and id in (${chunk.map(() => '?').join(', ')})`, [
          state,
          platform.processDateProperty(now),
          account.id,
          ...chunk,
        ]);
      }
    }

    const reclaimAt = new Date(now.getTime() + policy.graceDays * DAY_MS);
    for (const seat of idle) {
      if (stillPending.has(seat.seatId) || isExcluded(terms, seat)) continue;
      const id = randomUUID();
      const written = await run(
        tx.em,
        `insert into reclaim_notices (id, created_at, account_id, policy_id, seat_id, user_id, subscription_id, idle_since, state, reclaim_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) on conflict (account_id, policy_id, seat_id, idle_since) do nothing`,
        [id, platform.processDateProperty(now), account.id, policy.id, seat.seatId, seat.userId, seat.subscriptionId, seat.idleSince, platform.processDateProperty(reclaimAt)],
      );
      if (written !== 1) continue;
      summary.noticed += 1;
      await tell(tx, 'reclaim.notice', id, seat.userId, {
        kind: 'notice',
        noticeId: id,
        subscription: seat.subscriptionName,
        account: account.name,
        idleDays: today - seat.idleSince,
        reclaimOn: isoOfDay(localDay(reclaimAt, account.timeZone)),
      });
    }
    return summary;
  });
}

/**
 * The scheduled job (`reclaim.policies`): every enabled policy of every active account, each in its
 * own transaction, so one policy's failure holds no other back (the next run tries it again).
 */
export async function runReclaimPolicies(deps: ReclaimJobDeps, now: Date, logger?: Logger): Promise<ReclaimRunSummary> {
  const total: ReclaimRunSummary = { noticed: 0, reclaimed: 0, cancelled: 0 };
  const policies = await deps.em.find(ReclaimPolicy, { enabled: true }, { filters: false, fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } });
  for (const { id } of policies) {
    try {
      const done = await applyPolicy(deps, id, now, logger);
      total.noticed += done.noticed;
      total.reclaimed += done.reclaimed;
      total.cancelled += done.cancelled;
    } catch (error) {
      logger?.error({ err: error, policy: id }, 'reclaim policy failed');
      if (!logger) throw error;
    }
  }
  return total;
}
