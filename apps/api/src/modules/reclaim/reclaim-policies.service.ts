import {
  type CreateReclaimPolicyInput,
  type PageArgs,
  ReclaimAction,
  type ReclaimCandidate,
  type ReclaimDryRun,
  type ReclaimExclusionsInput,
  type ReclaimMonth,
  ReclaimNoticeState,
  type ReclaimPolicy as ReclaimPolicyType,
  type ReclaimPolicyConnection,
  ReclaimSignal,
  type Role,
  SeatLedgerEvent,
  type SetReclaimPolicyEnabledInput,
  type UpdateReclaimPolicyInput,
} from '@seatwise/schema';
import { DAY_MS, isoOfDay, localDay } from '../../common/days.js';
import { entityConnection } from '../../common/keyset.js';
import { inTransaction, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { say } from '../../i18n/messages.js';
import { accountDay } from '../accounts/account-day.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../identity/user.entity.js';
import { reclaimsAndRestores } from '../subscriptions/seat-ledger.service.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { Team } from '../teams/team.entity.js';
import { Membership } from '../users/membership.entity.js';
import { termsOf } from './reclaim-job.js';
import { ReclaimNotice } from './reclaim-notice.entity.js';
import { ReclaimPolicy } from './reclaim-policy.entity.js';
import { idleSeats, isExcluded } from './reclaim-rules.js';

/** The most seats a dry run lists (its total counts them all). */
export const DRY_RUN_LIST = 500;
/** The months the reclaimed-seats figures go back, at most. */
export const RECLAIM_MONTHS_MAX = 24;
const EXCLUDED_PEOPLE_MAX = 500;
const EXCLUDED_TEAMS_MAX = 100;

async function toPolicy(ctx: AccountContext, rows: ReclaimPolicy[]): Promise<ReclaimPolicyType[]> {
  const ids = rows.map((row) => row.id);
  const pending = ids.length ? await ctx.em.find(ReclaimNotice, { policy: { $in: ids }, state: ReclaimNoticeState.PENDING }, { fields: ['policy'] }) : [];
  const count = new Map<string, number>();
  for (const notice of pending) count.set(notice.policy.id, (count.get(notice.policy.id) ?? 0) + 1);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    subscriptionId: row.subscription?.id ?? null,
    subscriptionName: row.subscription?.name ?? null,
    signal: row.signal,
    thresholdDays: row.thresholdDays,
    graceDays: row.graceDays,
    exclusions: { userIds: row.excludedUserIds, teamIds: row.excludedTeamIds, roles: row.excludedRoles },
    action: row.action,
    enabled: row.enabled,
    enabledAt: row.enabledAt,
    version: row.version,
    pendingNotices: count.get(row.id) ?? 0,
    createdAt: row.createdAt,
  }));
}

async function findPolicy(ctx: AccountContext, id: string): Promise<ReclaimPolicy> {
  const policy = await ctx.em.findOne(ReclaimPolicy, { id }, { populate: ['subscription'] });
  if (!policy) throw new NotFoundError('Reclaim policy', 'id');
  return policy;
}

/** The account's reclaim policies, the oldest first. */
export async function reclaimPolicies(ctx: AccountContext, page: PageArgs): Promise<ReclaimPolicyConnection> {
  return entityConnection(ctx.em, ReclaimPolicy, {}, { path: ['createdAt'], direction: 'asc', date: true }, page, (rows) => toPolicy(ctx, rows), { populate: ['subscription'] });
}

export async function reclaimPolicy(ctx: AccountContext, id: string): Promise<ReclaimPolicyType> {
  return (await toPolicy(ctx, [await findPolicy(ctx, id)]))[0]!;
}

function checkNumbers(input: { thresholdDays?: number | null; graceDays?: number | null }): void {
  if (input.thresholdDays !== null && input.thresholdDays !== undefined && (input.thresholdDays < 1 || input.thresholdDays > 3650)) {
    throw new InvalidInputError('thresholdDays', msg('Give a number of days from 1 to 3650.'));
  }
  if (input.graceDays !== null && input.graceDays !== undefined && (input.graceDays < 1 || input.graceDays > 90)) {
    throw new InvalidInputError('graceDays', msg('Give a grace period from 1 to 90 days.'));
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new InvalidInputError('name', msg('Give the policy a name of 1 to 100 characters.'));
  return trimmed;
}

/** The exclusions, each person and team checked to be the account's own (NOT_FOUND otherwise). */
async function checkExclusions(ctx: AccountContext, exclusions: ReclaimExclusionsInput): Promise<{ userIds: string[]; teamIds: string[]; roles: Role[] }> {
  const userIds = [...new Set(exclusions.userIds)];
  const teamIds = [...new Set(exclusions.teamIds)];
  if (userIds.length > EXCLUDED_PEOPLE_MAX) throw new InvalidInputError('exclusions.userIds', msg('Exclude at most {max} people.', { max: EXCLUDED_PEOPLE_MAX }));
  if (teamIds.length > EXCLUDED_TEAMS_MAX) throw new InvalidInputError('exclusions.teamIds', msg('Exclude at most {max} teams.', { max: EXCLUDED_TEAMS_MAX }));
  if (userIds.length && (await ctx.em.count(Membership, { user: { $in: userIds } })) !== userIds.length) throw new NotFoundError('User', 'exclusions.userIds');
  if (teamIds.length && (await ctx.em.count(Team, { id: { $in: teamIds } })) !== teamIds.length) throw new NotFoundError('Team', 'exclusions.teamIds');
  return { userIds, teamIds, roles: [...new Set(exclusions.roles)] };
}

/** A new policy, off until switched on (after its dry run). */
export async function createReclaimPolicy(ctx: AccountContext, input: CreateReclaimPolicyInput): Promise<ReclaimPolicyType> {
  const name = checkName(input.name);
  checkNumbers(input);
  return inTransaction(ctx, async (tx) => {
    const subscription = input.subscriptionId ? await tx.em.findOne(Subscription, { id: input.subscriptionId }) : null;
    if (input.subscriptionId && !subscription) throw new NotFoundError('Subscription', 'subscriptionId');
    const exclusions = await checkExclusions(tx, input.exclusions ?? { userIds: [], teamIds: [], roles: [] });
    const policy = tx.em.create(ReclaimPolicy, {
      account: tx.viewer.accountId,
      name,
      subscription,
      signal: input.signal,
      thresholdDays: input.thresholdDays,
      graceDays: input.graceDays,
      action: input.action ?? ReclaimAction.UNASSIGN,
      excludedUserIds: exclusions.userIds,
      excludedTeamIds: exclusions.teamIds,
      excludedRoles: exclusions.roles,
      createdAt: tx.config.now(),
    });
    recordAudit(tx, { action: 'reclaim_policy.create', targetType: 'reclaim_policy', targetId: policy.id, summary: msg('Created the reclaim policy {name}', { name }), after: describe(policy) });
    await tx.em.flush();
    return (await toPolicy(tx, [policy]))[0]!;
  });
}

const describe = (policy: ReclaimPolicy) => ({
  name: policy.name,
  subscriptionId: policy.subscription?.id ?? null,
  signal: policy.signal,
  thresholdDays: policy.thresholdDays,
  graceDays: policy.graceDays,
  excluded: { userIds: policy.excludedUserIds, teamIds: policy.excludedTeamIds, roles: policy.excludedRoles },
  enabled: policy.enabled,
});

const stale = (name: string) => new AppError('STALE_CHANGE', msg('Someone else changed the reclaim policy {name} since you opened it. Reload it and try again.', { name }), 'version');

/** Claims the policy's version (a conditional update), so of two changes made on one version only the first lands. */
async function claimVersion(tx: AccountContext, policy: ReclaimPolicy, version: number): Promise<void> {
  const touched = await tx.em.nativeUpdate(ReclaimPolicy, { id: policy.id, version }, { version: version + 1 });
  if (touched !== 1) throw stale(policy.name);
  await tx.em.refresh(policy);
}

export async function updateReclaimPolicy(ctx: AccountContext, input: UpdateReclaimPolicyInput): Promise<ReclaimPolicyType> {
  const name = input.name === null || input.name === undefined ? null : checkName(input.name);
  checkNumbers(input);
  return inTransaction(ctx, async (tx) => {
    const policy = await findPolicy(tx, input.id);
    const exclusions = input.exclusions ? await checkExclusions(tx, input.exclusions) : null;
    const before = describe(policy);
    await claimVersion(tx, policy, input.version);
    if (name) policy.name = name;
    if (input.signal) policy.signal = input.signal;
    if (input.thresholdDays) policy.thresholdDays = input.thresholdDays;
    if (input.graceDays) policy.graceDays = input.graceDays;
    if (exclusions) {
      policy.excludedUserIds = exclusions.userIds;
      policy.excludedTeamIds = exclusions.teamIds;
      policy.excludedRoles = exclusions.roles;
    }
    recordAudit(tx, { action: 'reclaim_policy.change', targetType: 'reclaim_policy', targetId: policy.id, summary: msg('Changed the reclaim policy {name}', { name: policy.name }), before, after: describe(policy) });
    await tx.em.flush();
    return (await toPolicy(tx, [policy]))[0]!;
  });
}

/** Switches a policy on (the job applies it from its next run) or off (its pending notices are closed: nobody loses a seat to it). */
export async function setReclaimPolicyEnabled(ctx: AccountContext, input: SetReclaimPolicyEnabledInput): Promise<ReclaimPolicyType> {
  return inTransaction(ctx, async (tx) => {
    const policy = await findPolicy(tx, input.id);
    await claimVersion(tx, policy, input.version);
    const now = tx.config.now();
    policy.enabled = input.enabled;
    if (input.enabled) {
      policy.enabledAt = now;
      policy.enabledBy = tx.em.getReference(User, tx.viewer.userId);
    } else {
      await tx.em.nativeUpdate(ReclaimNotice, { policy: policy.id, state: ReclaimNoticeState.PENDING }, { state: ReclaimNoticeState.CLOSED, resolvedAt: now });
    }
    recordAudit(tx, {
      action: 'reclaim_policy.switch',
      targetType: 'reclaim_policy',
      targetId: policy.id,
      summary: input.enabled ? msg('Switched the reclaim policy {name} on', { name: policy.name }) : msg('Switched the reclaim policy {name} off', { name: policy.name }),
      after: { enabled: input.enabled },
    });
    await tx.em.flush();
    return (await toPolicy(tx, [policy]))[0]!;
  });
}

/** Why a seat would be taken, in the reader's language. */
function reasonOf(signal: ReclaimSignal, idleDays: number, kept: boolean): string {
  if (signal === ReclaimSignal.NEVER_USED) return say(msg('Not used since it was assigned {count} days ago', { count: idleDays }));
  if (kept) return say(msg('Not used for {count} days since the holder kept it', { count: idleDays }));
  return say(msg('Not used for {count} days', { count: idleDays }));
}

/**
 * What the policy would do today, whether or not it is on: every seat idle past its threshold that
 * its exclusions do not protect, longest idle first, with why and the day it would be taken.
 */
export async function reclaimDryRun(ctx: AccountContext, id: string): Promise<ReclaimDryRun> {
  const policy = await findPolicy(ctx, id);
  const now = ctx.config.now();
  const { timeZone, today, todayIso } = await accountDay(ctx.em, ctx.viewer.accountId, now);
  const terms = termsOf(policy);
  const idle = await idleSeats(ctx.em, terms, today, todayIso, timeZone, now);
  const affected = idle.filter((seat) => !isExcluded(terms, seat));
  const reclaimOn = isoOfDay(localDay(new Date(now.getTime() + policy.graceDays * DAY_MS), timeZone));
  const candidates: ReclaimCandidate[] = affected.slice(0, DRY_RUN_LIST).map((seat) => ({
    seatId: seat.seatId,
    userId: seat.userId,
    email: seat.email,
    name: seat.name,
    subscriptionId: seat.subscriptionId,
    subscriptionName: seat.subscriptionName,
    lastUsedOn: seat.lastDay === null ? null : isoOfDay(seat.lastDay),
    idleDays: today - seat.idleSince,
    reason: reasonOf(policy.signal, today - seat.idleSince, seat.lastDay === null ? false : seat.idleSince > seat.lastDay),
    reclaimOn,
  }));
  return { policyId: policy.id, version: policy.version, totalCount: affected.length, excludedCount: idle.length - affected.length, candidates };
}

/** Seats reclaimed by policies and restored by undo per month of the account's calendar, the latest `months` months, oldest first. */
export async function reclaimedSeatsByMonth(ctx: AccountContext, months: number): Promise<ReclaimMonth[]> {
  if (!Number.isInteger(months) || months < 1 || months > RECLAIM_MONTHS_MAX) {
    throw new InvalidInputError('months', msg('Give a number of months from 1 to {max}.', { max: RECLAIM_MONTHS_MAX }));
  }
  const now = ctx.config.now();
  const { timeZone } = await accountDay(ctx.em, ctx.viewer.accountId, now);
  const thisMonth = isoOfDay(localDay(now, timeZone)).slice(0, 7);
  const [year, month] = thisMonth.split('-').map(Number) as [number, number];
  const keys = Array.from({ length: months }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (months - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
  // A day early, so the first month's first day in any time zone is inside.
  const since = new Date(Date.parse(`${keys[0]}-01T00:00:00Z`) - DAY_MS);
  const rows = await reclaimsAndRestores(ctx, since);
  const figures = new Map(keys.map((key) => [key, { month: key, reclaimed: 0, restored: 0, net: 0 }]));
  for (const row of rows) {
    const figure = figures.get(isoOfDay(localDay(toDate(row.created_at), timeZone)).slice(0, 7));
    if (!figure) continue;
    if (row.event === SeatLedgerEvent.RESTORE) figure.restored += 1;
    else figure.reclaimed += 1;
    figure.net = figure.reclaimed - figure.restored;
  }
  return [...figures.values()];
}
