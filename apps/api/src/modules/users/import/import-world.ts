import { MembershipStatus, type Role } from '@seatwise/schema';
import { chunks } from '../../../common/batches.js';
import { inAccount, sql } from '../../../common/sql.js';
import { execute } from '../../../common/transaction.js';
import type { AccountContext } from '../../../context.js';
import { subscriptionSeats } from '../../subscriptions/subscription-seats.js';
import type { ExistingPerson, ImportWorld, SeatPool } from './import-plan.js';

const CHUNK = 500;

interface PersonRow {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: MembershipStatus | null;
  role: Role | null;
  team_id: string | null;
}

/** Everything the plan compares the file with, in a handful of statements whatever the file's size. */
export async function loadImportWorld(ctx: AccountContext, emails: string[]): Promise<ImportWorld> {
  const existing = new Map<string, ExistingPerson>();
  for (const chunk of chunks(emails, CHUNK)) {
    const rows = await execute<PersonRow>(
      ctx,
      sql`select u.id, u.email, m.first_name, m.last_name, m.status, m.role, m.team_id
       from users u left join memberships m on m.user_id = u.id and ${inAccount(ctx, 'm')}
       where u.email in (${chunk})`,
    );
    for (const row of rows) {
      existing.set(row.email, {
        userId: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        pending: row.status === MembershipStatus.INVITED,
        membershipStatus: row.status,
        role: row.role,
        teamId: row.team_id,
        seats: new Set(),
      });
    }
  }
  const byUser = new Map([...existing.values()].map((person) => [person.userId, person]));
  const seats = await execute<{ user_id: string; subscription_id: string }>(
    ctx,
    sql`select user_id, subscription_id from seat_assignments where ${inAccount(ctx)}`,
  );
  for (const seat of seats) byUser.get(seat.user_id)?.seats.add(seat.subscription_id);

  const teams = await execute<{ id: string; name: string }>(ctx, sql`select id, name from teams where ${inAccount(ctx)}`);
  const codes = await execute<{ subscription_id: string; code: string }>(
    ctx,
    sql`select sp.subscription_id, p.code from subscription_products sp join products p on p.id = sp.product_id where ${inAccount(ctx, 'sp')}`,
  );
  const pools: SeatPool[] = (await subscriptionSeats(ctx))
    .filter((subscription) => subscription.assignable)
    .map((subscription) => ({
      id: subscription.id,
      name: subscription.name,
      remaining: subscription.available,
      names: new Set(
        [
          subscription.name,
          ...subscription.productNames,
          ...codes.filter((row) => row.subscription_id === subscription.id).map((row) => row.code),
        ].map((name) => name.toLowerCase()),
      ),
    }));
  return { existing, teams: new Map(teams.map((team) => [team.name.toLowerCase(), team.id])), pools };
}
