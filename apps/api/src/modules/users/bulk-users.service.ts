import type { BulkChangeRoleInput, BulkUnassignProductInput, BulkUserOutcome, BulkUsersInput, BulkUsersResult } from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { execute, inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { seatActionOf, withSeatAction } from '../subscriptions/seat-ledger.service.js';
import { productName, seatsOfProduct, unassignSeat } from '../subscriptions/seats.service.js';
import { resendInvitation } from './invitations.service.js';
import { currentMembership } from './membership-lookup.js';
import { changeRole, removeUser } from './user-admin.service.js';

const MAX_BULK = 500;

class NothingToDoError extends AppError {
  constructor(message: ReturnType<typeof msg>) {
    super('NOTHING_TO_DO', message, 'userIds');
  }
}

/**
 * Runs one person's action for each person, in one transaction: each person in a savepoint of
 * its own (the single-person service function opens it), so a refusal (the primary admin, a
 * stale person) undoes only that person's part and is reported, while the others are done. Bad
 * input of the whole request (a role nobody may be given) refuses the request. One ledger action
 * for everything, so an undo by `actionId` reverses the bulk action as one.
 */
async function forEachPerson(ctx: AccountContext, userIds: string[], work: (tx: AccountContext, userId: string) => Promise<number>, undoable: boolean): Promise<BulkUsersResult> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0 || unique.length > MAX_BULK) throw new InvalidInputError('userIds', msg('Choose 1 to {max} users.', { max: MAX_BULK }));
  return inTransaction(withSeatAction(ctx), async (tx) => {
    const outcomes: BulkUserOutcome[] = [];
    for (const userId of unique) {
      try {
        const changed = await inTransaction(tx, (one) => work(one, userId));
        outcomes.push({ userId, done: true, changed, code: null, message: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error instanceof InvalidInputError && error.field !== 'userId' && error.field !== 'userIds') throw error;
        outcomes.push({ userId, done: false, changed: 0, code: error.code, message: error.localized() });
      }
    }
    const done = outcomes.filter((outcome) => outcome.done).length;
    return { actionId: undoable && done > 0 ? seatActionOf(tx) : null, done, refused: outcomes.length - done, outcomes };
  });
}

/** Takes back every seat covering the product (a collection's too) from each person; undoable as one action. */
export async function bulkUnassignProduct(ctx: AccountContext, input: BulkUnassignProductInput): Promise<BulkUsersResult> {
  const product = await productName(ctx, input.productId);
  return forEachPerson(
    ctx,
    input.userIds,
    async (tx, userId) => {
      await currentMembership(tx, userId);
      const seats = await seatsOfProduct(tx, userId, input.productId);
      if (!seats.length) throw new NothingToDoError(msg('This person holds no seat of {product}.', { product }));
      for (const assignmentId of seats) await unassignSeat(tx, { assignmentId });
      return seats.length;
    },
    true,
  );
}

/** Removes each person from the account (the single removal's rules: not the primary admin, not yourself); undoable as one action. */
export async function bulkRemoveUsers(ctx: AccountContext, input: BulkUsersInput): Promise<BulkUsersResult> {
  return forEachPerson(
    ctx,
    input.userIds,
    async (tx, userId) => {
      const { version } = await currentMembership(tx, userId);
      await removeUser(tx, { userId, version });
      return 1;
    },
    true,
  );
}

/** Gives each person the role (the single change's rules: never to or from the primary admin). */
export async function bulkChangeRole(ctx: AccountContext, input: BulkChangeRoleInput): Promise<BulkUsersResult> {
  return forEachPerson(
    ctx,
    input.userIds,
    async (tx, userId) => {
      const membership = await currentMembership(tx, userId);
      if (membership.role === input.role) throw new NothingToDoError(msg('This person has this role already.'));
      await changeRole(tx, { userId, role: input.role, version: membership.version });
      return 1;
    },
    false,
  );
}

/** Sends each invited person's pending invitation again (a new link and expiry). */
export async function bulkResendInvitations(ctx: AccountContext, input: BulkUsersInput): Promise<BulkUsersResult> {
  return forEachPerson(
    ctx,
    input.userIds,
    async (tx, userId) => {
      const membership = await currentMembership(tx, userId);
      const [pending] = await execute<{ id: string }>(
        tx,
        sql`select id from invitations where ${inAccount(tx)} and email = ${membership.email} and status = 'PENDING' order by expires_at desc limit 1`,
      );
      if (!pending) throw new NothingToDoError(msg('This person has no pending invitation: they have accepted it.'));
      await resendInvitation(tx, pending.id);
      return 1;
    },
    false,
  );
}
