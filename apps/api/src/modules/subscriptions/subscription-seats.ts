import type { AssignableSubscription } from '@seatwise/schema';
import { isoDate } from '../../common/days.js';
import { fragment, inAccount, sql } from '../../common/sql.js';
import { execute } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { accountToday } from '../accounts/account-day.js';
import { seatsAssignable, seatsFree, seatsUsedSql } from './seat-rules.js';

interface SubscriptionRow {
  id: string;
  name: string;
  seats: number | string;
  ends_on: string | Date;
  state: string;
  assigned: number | string;
}

export interface SubscriptionSeats extends AssignableSubscription {
  state: string;
  /** Whether new seats can be handed out: the subscription is running on the account's day. */
  assignable: boolean;
}

/**
 * Subscriptions with their seat counts and product names, in two statements: all of the
 * account's, or only the given ids. Counts are read at call time: inside a transaction that has
 * locked the subscription they are exact.
 */
export async function subscriptionSeats(ctx: AccountContext, ids?: string[]): Promise<SubscriptionSeats[]> {
  if (ids && ids.length === 0) return [];
  const only = ids ? sql`and s.id in (${ids})` : fragment('');
  const onlyProducts = ids ? sql`and sp.subscription_id in (${ids})` : fragment('');
  const rows = await execute<SubscriptionRow>(
    ctx,
    sql`select s.id, s.name, s.seats, s.ends_on, s.state,
       ${fragment(seatsUsedSql('s'))} as assigned
     from subscriptions s where ${inAccount(ctx, 's')} ${only} order by s.name, s.id`,
  );
  const products = await execute<{ subscription_id: string; name: string }>(
    ctx,
    sql`select sp.subscription_id, p.name from subscription_products sp join products p on p.id = sp.product_id
     where ${inAccount(ctx, 'sp')} ${onlyProducts} order by p.name`,
  );
  const namesOf = new Map<string, string[]>();
  for (const product of products) namesOf.set(product.subscription_id, [...(namesOf.get(product.subscription_id) ?? []), product.name]);
  const { todayIso } = await accountToday(ctx);
  return rows.map((row) => {
    const seats = Number(row.seats);
    const assigned = Number(row.assigned);
    const endsOn = isoDate(row.ends_on);
    return {
      id: row.id,
      name: row.name,
      productNames: namesOf.get(row.id) ?? [],
      seats,
      assigned,
      available: seatsFree(seats, assigned),
      endsOn,
      state: row.state,
      assignable: seatsAssignable({ state: row.state, endsOn }, todayIso),
    };
  });
}
