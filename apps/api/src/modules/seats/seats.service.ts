import type { UnassignSeatPayload } from '@seatwise/schema';
import { requireId } from '../../common/ids.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';

/**
 * Takes a seat back (the one-click reclaim of Seat Usage). Minimal on purpose: issue 4's seat
 * service (audit entry, notifications) replaces it at merge; the mutation's shape stays.
 */
export async function unassignSeat(ctx: AccountContext, assignmentId: string): Promise<UnassignSeatPayload> {
  requireId(assignmentId, 'Seat assignment', 'assignmentId');
  return ctx.em.transactional(async (em) => {
    const knex = em.getKnex();
    const row: { subscription_id: string; user_id: string } | undefined = await knex('seat_assignments')
      .where({ account_id: ctx.viewer.accountId, id: assignmentId })
      .first('subscription_id', 'user_id');
    if (!row) throw new NotFoundError('Seat assignment', 'assignmentId');
    await knex('seat_assignments').where({ account_id: ctx.viewer.accountId, id: assignmentId }).delete();
    return { assignmentId, subscriptionId: row.subscription_id, userId: row.user_id };
  });
}
