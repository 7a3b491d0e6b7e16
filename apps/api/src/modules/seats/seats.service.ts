import type { UnassignSeatPayload } from '@seatwise/schema';
import { requireId } from '../../common/ids.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';

/**
 * Takes a seat back (the one-click reclaim of Seat Usage) in one atomic statement. Minimal on
 * purpose: issue 4's seat service (audit entry, notifications) replaces it at merge; the mutation's
 * shape stays.
 */
export async function unassignSeat(ctx: AccountContext, assignmentId: string): Promise<UnassignSeatPayload> {
  requireId(assignmentId, 'Seat assignment', 'assignmentId');
  const [row] = await ctx.em
    .getConnection()
    .execute<{ subscription_id: string; user_id: string }[]>(
      'delete from seat_assignments where account_id = ? and id = ? returning subscription_id, user_id',
      [ctx.viewer.accountId, assignmentId],
    );
  if (!row) throw new NotFoundError('Seat assignment', 'assignmentId');
  return { assignmentId, subscriptionId: row.subscription_id, userId: row.user_id };
}
