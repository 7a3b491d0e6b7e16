import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import type {
  AssignableSubscription,
  AssignSeatInput,
  BulkAssignSeatsInput,
  BulkAssignSeatsResult,
  Seat,
  UnassignSeatInput,
} from '@seatwise/schema';
import { SeatLedgerEvent, type SeatLedgerReason, WebhookEventType } from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { execute, inTransaction, run, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { Product } from '../catalog/product.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { membershipHooks } from '../identity/memberships.port.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from './subscription.entity.js';
import { SeatAssignment } from './seat-assignment.entity.js';
import { recordSeatChanges, type LedgerLine } from './seat-ledger.service.js';
import { SeatAlreadyAssignedError, SeatLimitReachedError, SeatTakenError, SubscriptionNotAssignableError } from './seats.errors.js';
import { subscriptionSeats, type SubscriptionSeats } from './subscription-seats.js';

const MAX_BULK = 500;

const toPublic = ({ state: _state, assignable: _assignable, ...subscription }: SubscriptionSeats): AssignableSubscription =>
  subscription;

/**
 * Takes the subscription's lock for the rest of the transaction: a no-op UPDATE holds the row lock
 * on PostgreSQL (other transactions, in any process, wait at this line) and makes SQLite's
 * transaction the one writer from its first statement, so a count read after it stays true until
 * commit.
 */
export async function lockSubscription(tx: AccountContext, subscriptionId: string): Promise<SubscriptionSeats> {
  const touched = await run(tx, sql`update subscriptions set seats = seats where id = ${subscriptionId} and ${inAccount(tx)}`);
  const [subscription] = touched ? await subscriptionSeats(tx, [subscriptionId]) : [];
  if (!subscription) throw new NotFoundError('Subscription', 'subscriptionId');
  return subscription;
}

/** Which of these people are current (active or invited) users of the account. */
async function currentMembers(tx: AccountContext, userIds: string[]): Promise<Map<string, { email: string }>> {
  const rows = await execute<{ user_id: string; email: string }>(
    tx,
    sql`select m.user_id, m.email from memberships m
     where ${inAccount(tx, 'm')} and m.status in ('ACTIVE', 'INVITED') and m.user_id in (${userIds})`,
  );
  return new Map(rows.map((row) => [row.user_id, { email: row.email }]));
}

/**
 * Gives each person a seat of the subscription inside the caller's transaction, all or none,
 * never past the seat count. People who already hold one are skipped and counted.
 */
export async function grantSeats(
  tx: AccountContext,
  subscriptionId: string,
  userIds: string[],
  options: { audit?: boolean; reason?: SeatLedgerReason } = {},
): Promise<{ assigned: string[]; alreadyAssigned: string[]; subscription: SubscriptionSeats }> {
  const subscription = await lockSubscription(tx, subscriptionId);
  if (!subscription.assignable) {
    throw new SubscriptionNotAssignableError(subscription.name, subscription.state === 'ACTIVE' ? 'expired' : 'cancelled');
  }
  const unique = [...new Set(userIds)];
  const members = await currentMembers(tx, unique);
  const missing = unique.find((id) => !members.has(id));
  if (missing) throw new NotFoundError('User', 'userId');
  const held = await execute<{ user_id: string }>(
    tx,
    sql`select user_id from seat_assignments where ${inAccount(tx)} and subscription_id = ${subscriptionId} and user_id in (${unique})`,
  );
  const holders = new Set(held.map((row) => row.user_id));
  const toAssign = unique.filter((id) => !holders.has(id));
  if (toAssign.length > subscription.available) {
    throw new SeatLimitReachedError(subscription.name, subscription.available, toAssign.length);
  }
  const account = tx.em.getReference(Account, tx.viewer.accountId);
  const assignedBy = tx.em.getReference(User, tx.viewer.userId);
  const target = tx.em.getReference(Subscription, subscriptionId);
  const lines: LedgerLine[] = [];
  for (const userId of toAssign) {
    const assignment = tx.em.create(SeatAssignment, { account, subscription: target, user: tx.em.getReference(User, userId), assignedBy });
    lines.push({ event: SeatLedgerEvent.ASSIGN, reason: options.reason ?? 'ASSIGN', userId, subscriptionId, subscriptionName: subscription.name, seatId: assignment.id });
    publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, tx.viewer.accountId, {
      assignmentId: assignment.id,
      subscriptionId,
      subscription: subscription.name,
      userId,
      email: members.get(userId)!.email,
    });
    if (options.audit !== false) {
      recordAudit(tx, {
        action: 'seat.assign',
        targetType: 'user',
        targetId: userId,
        summary: msg('Assigned a seat of {subscription} to {email}', { subscription: subscription.name, email: members.get(userId)!.email }),
        after: { assignmentId: assignment.id, subscriptionId, subscription: subscription.name },
      });
    }
  }
  await tx.em.flush();
  await recordSeatChanges(tx, lines);
  const after = { ...subscription, assigned: subscription.assigned + toAssign.length, available: subscription.available - toAssign.length };
  return { assigned: toAssign, alreadyAssigned: unique.filter((id) => holders.has(id)), subscription: after };
}

export async function assignSeat(ctx: AccountContext, input: AssignSeatInput): Promise<Seat> {
  return inTransaction(ctx, async (tx) => {
    const { assigned, subscription } = await grantSeats(tx, input.subscriptionId, [input.userId]);
    if (assigned.length === 0) throw new SeatAlreadyAssignedError(subscription.name);
    const assignment = await tx.em.findOneOrFail(SeatAssignment, { subscription: input.subscriptionId, user: input.userId });
    return { id: assignment.id, userId: input.userId, subscription: toPublic(subscription), assignedAt: assignment.createdAt };
  });
}

export async function bulkAssignSeats(ctx: AccountContext, input: BulkAssignSeatsInput): Promise<BulkAssignSeatsResult> {
  if (input.userIds.length === 0 || input.userIds.length > MAX_BULK) {
    throw new InvalidInputError('userIds', msg('Choose 1 to {max} users.', { max: MAX_BULK }));
  }
  return inTransaction(ctx, async (tx) => {
    const result = await grantSeats(tx, input.subscriptionId, input.userIds);
    return { assigned: result.assigned.length, alreadyAssigned: result.alreadyAssigned.length, subscription: toPublic(result.subscription) };
  });
}

/** Takes a seat back; the seat is free again at once (and can be restored by `undoSeatChange` for a while). */
export async function unassignSeat(ctx: AccountContext, input: UnassignSeatInput): Promise<AssignableSubscription> {
  return inTransaction(ctx, async (tx) => {
    const assignment = await tx.em.findOne(SeatAssignment, { id: input.assignmentId }, { populate: ['subscription'] });
    if (!assignment) throw new NotFoundError('Seat assignment', 'assignmentId');
    await takeBack(tx, assignment, 'UNASSIGN');
    const [subscription] = await subscriptionSeats(tx, [assignment.subscription.id]);
    return toPublic(subscription!);
  });
}

/**
 * A reclaim policy takes a seat back (the context's viewer carries the policy): as an unassign,
 * with the ledger reason RECLAIM, so an admin can undo it the same way. Null when the seat is gone.
 */
export async function reclaimSeat(tx: AccountContext, assignmentId: string): Promise<{ ledgerEntryId: string } | null> {
  const assignment = await tx.em.findOne(SeatAssignment, { id: assignmentId }, { populate: ['subscription'] });
  if (!assignment) return null;
  return { ledgerEntryId: await takeBack(tx, assignment, 'RECLAIM') };
}

async function takeBack(tx: AccountContext, assignment: SeatAssignment, reason: 'UNASSIGN' | 'RECLAIM'): Promise<string> {
  const holder = await membershipHooks().placeOf(tx.em, assignment.user.id, tx.viewer.accountId);
  if (!holder) throw new NotFoundError('Seat assignment', 'assignmentId');
  await lockSubscription(tx, assignment.subscription.id);
  recordAudit(tx, {
    action: reason === 'RECLAIM' ? 'seat.reclaim' : 'seat.unassign',
    targetType: 'user',
    targetId: assignment.user.id,
    summary:
      reason === 'RECLAIM'
        ? msg('Reclaimed a seat of {subscription} from {email}', { subscription: assignment.subscription.name, email: holder.email })
        : msg('Unassigned a seat of {subscription} from {email}', { subscription: assignment.subscription.name, email: holder.email }),
    before: { assignmentId: assignment.id, subscriptionId: assignment.subscription.id, subscription: assignment.subscription.name },
  });
  tx.em.remove(assignment);
  publishWebhookEvent(tx, WebhookEventType.SEAT_UNASSIGNED, tx.viewer.accountId, {
    assignmentId: assignment.id,
    subscriptionId: assignment.subscription.id,
    subscription: assignment.subscription.name,
    userId: assignment.user.id,
    email: holder.email,
  });
  await tx.em.flush();
  const { ids } = await recordSeatChanges(tx, [
    {
      event: SeatLedgerEvent.UNASSIGN,
      reason,
      userId: assignment.user.id,
      subscriptionId: assignment.subscription.id,
      subscriptionName: assignment.subscription.name,
      seatId: assignment.id,
    },
  ]);
  return ids[0]!;
}

/** Releases every seat a person holds in the account (on removal); returns what they held. */
export async function releaseSeatsOf(tx: AccountContext, userId: string, reason: SeatLedgerReason): Promise<{ subscriptionId: string; name: string }[]> {
  const held = await execute<{ id: string; subscription_id: string; name: string }>(
    tx,
    sql`select sa.id, sa.subscription_id, s.name from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
     where ${inAccount(tx, 'sa')} and sa.user_id = ${userId} order by s.name`,
  );
  await run(tx, sql`delete from seat_assignments where ${inAccount(tx)} and user_id = ${userId}`);
  await recordSeatChanges(
    tx,
    held.map((row) => ({ event: SeatLedgerEvent.UNASSIGN, reason, userId, subscriptionId: row.subscription_id, subscriptionName: row.name, seatId: row.id })),
  );
  for (const row of held) {
    publishWebhookEvent(tx, WebhookEventType.SEAT_UNASSIGNED, tx.viewer.accountId, { subscriptionId: row.subscription_id, subscription: row.name, userId, reason: 'removed' });
  }
  return held.map((row) => ({ subscriptionId: row.subscription_id, name: row.name }));
}

/**
 * Gives back the same seat (the assignment id `seatId`) an unassignment took, under the seat
 * ceiling: the subscription's lock is taken first, as for any assignment, so an undo racing an
 * assign of the last free seat never over-assigns. SEAT_TAKEN naming the subscription when no
 * seat is free any more; a person who holds a seat of it again already is left as they are.
 * Returns whether a seat was restored.
 */
export async function restoreSeat(
  tx: AccountContext,
  seat: { seatId: string; subscriptionId: string; subscriptionName: string; userId: string; restoresId: string; field?: string },
): Promise<boolean> {
  const subscription = await lockSubscription(tx, seat.subscriptionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new SeatTakenError(seat.subscriptionName, 'gone', seat.field);
    throw error;
  });
  if (!subscription.assignable) throw new SeatTakenError(subscription.name, subscription.state === 'ACTIVE' ? 'expired' : 'cancelled', seat.field);
  const held = await execute<{ id: string }>(
    tx,
    sql`select id from seat_assignments where ${inAccount(tx)} and subscription_id = ${seat.subscriptionId} and user_id = ${seat.userId}`,
  );
  if (held.length) return false;
  if (subscription.available < 1) throw new SeatTakenError(subscription.name, 'taken', seat.field);
  const members = await currentMembers(tx, [seat.userId]);
  if (!members.has(seat.userId)) throw new NotFoundError('User', 'userId');
  tx.em.create(SeatAssignment, {
    id: seat.seatId,
    account: tx.em.getReference(Account, tx.viewer.accountId),
    subscription: tx.em.getReference(Subscription, seat.subscriptionId),
    user: tx.em.getReference(User, seat.userId),
    assignedBy: tx.em.getReference(User, tx.viewer.userId),
  });
  recordAudit(tx, {
    action: 'seat.restore',
    targetType: 'user',
    targetId: seat.userId,
    summary: msg('Restored the seat of {subscription} to {email}', { subscription: subscription.name, email: members.get(seat.userId)!.email }),
    after: { assignmentId: seat.seatId, subscriptionId: seat.subscriptionId, subscription: subscription.name },
  });
  publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, tx.viewer.accountId, {
    assignmentId: seat.seatId,
    subscriptionId: seat.subscriptionId,
    subscription: subscription.name,
    userId: seat.userId,
    email: members.get(seat.userId)!.email,
  });
  await tx.em.flush();
  await recordSeatChanges(tx, [
    { event: SeatLedgerEvent.RESTORE, reason: 'UNDO', userId: seat.userId, subscriptionId: seat.subscriptionId, subscriptionName: subscription.name, seatId: seat.seatId, restoresId: seat.restoresId },
  ]);
  return true;
}

/** The name of a product (for a bulk unassign's words); NOT_FOUND on `productId` when there is none. */
export async function productName(ctx: AccountContext, productId: string): Promise<string> {
  const product = await ctx.em.findOne(Product, { id: productId });
  if (!product) throw new NotFoundError('Product', 'productId');
  return product.name;
}

/** The seats a person holds covering a product (a collection's seat covers each of its products). */
export async function seatsOfProduct(tx: AccountContext, userId: string, productId: string): Promise<string[]> {
  const rows = await execute<{ id: string }>(
    tx,
    sql`select sa.id from seat_assignments sa
     where ${inAccount(tx, 'sa')} and sa.user_id = ${userId}
       and exists (select 1 from subscription_products sp where sp.account_id = sa.account_id and sp.subscription_id = sa.subscription_id and sp.product_id = ${productId})`,
  );
  return rows.map((row) => row.id);
}

export async function listAssignableSubscriptions(ctx: AccountContext): Promise<AssignableSubscription[]> {
  return (await subscriptionSeats(ctx)).filter((subscription) => subscription.assignable).map(toPublic);
}

/** The seats one person holds, with each subscription's free seats. */
export async function userSeats(ctx: AccountContext, userId: string): Promise<Seat[]> {
  const rows = await execute<{ id: string; subscription_id: string; created_at: string | number | Date }>(
    ctx,
    sql`select id, subscription_id, created_at from seat_assignments where ${inAccount(ctx)} and user_id = ${userId}`,
  );
  const subscriptions = new Map((await subscriptionSeats(ctx, rows.map((row) => row.subscription_id))).map((s) => [s.id, s]));
  return rows
    .map((row) => ({ id: row.id, userId, subscription: toPublic(subscriptions.get(row.subscription_id)!), assignedAt: toDate(row.created_at) }))
    .sort((a, b) => a.subscription.name.localeCompare(b.subscription.name));
}
