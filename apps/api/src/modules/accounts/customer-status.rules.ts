import { CustomerStatus } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import { type Message, msg } from '../../errors.js';
import { query } from '../../common/sql.js';

/**
 * Why the people and tokens of a customer account are refused: one sentence per status, used by
 * sign-in and by API tokens alike. An active account is not refused.
 */
export function customerRefusal(status: string): Message {
  return status === CustomerStatus.CLOSED
    ? msg('This organisation’s Seatwise account is closed. Contact your software vendor.')
    : msg('This organisation’s Seatwise account is suspended: its data is kept, but nobody can sign in until the vendor reactivates it. Contact your software vendor.');
}

/** The status of the first account a person is an active member of, when none of them is active. */
export async function refusedCustomerStatus(em: EntityManager, userId: string): Promise<CustomerStatus | null> {
  const rows = await query<{ status: CustomerStatus }>(
    em,
    `select a.status from memberships m join accounts a on a.id = m.account_id
     where m.user_id = ? and m.status = 'ACTIVE' order by case when a.status = 'ACTIVE' then 0 else 1 end, m.created_at limit 1`,
    [userId],
  );
  const status = rows[0]?.status;
  return status && status !== CustomerStatus.ACTIVE ? status : null;
}
