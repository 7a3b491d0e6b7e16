import type { SubscriptionEvent, SubscriptionEventKind } from '@seatwise/schema';
import { inAccount, query, sql } from '../../common/sql.js';
import { isoDate } from '../../common/days.js';
import { toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';

interface EventRow {
  id: string;
  kind: SubscriptionEventKind;
  created_at: string | number | Date;
  subscription_id: string;
  name: string;
  amount: number | string | null;
  effective_on: string | Date | null;
}

/** The account's latest subscription events (created, seats, renewed, cancelled, expired), newest first. */
export async function latestSubscriptionEvents(ctx: AccountContext, limit: number): Promise<SubscriptionEvent[]> {
  const rows = await query<EventRow>(
    ctx.em,
    sql`select e.id, e.kind, e.created_at, e.subscription_id, s.name, e.amount, e.effective_on
     from subscription_events e join subscriptions s on s.id = e.subscription_id and s.account_id = e.account_id
     where ${inAccount(ctx, 'e')} order by e.created_at desc, e.id desc limit ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    at: toDate(row.created_at),
    subscriptionId: row.subscription_id,
    subscriptionName: row.name,
    amount: row.amount === null ? null : Number(row.amount),
    effectiveOn: row.effective_on === null ? null : isoDate(row.effective_on),
  }));
}
