import { MembershipStatus, type Role } from '@seatwise/schema';
import { chunks, placeholders } from '../../../common/batches.js';
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
  const accountId = ctx.viewer.accountId;
  const existing = new Map<string, ExistingPerson>();
  for (const chunk of chunks(emails, CHUNK)) {
    const rows = await execute<PersonRow>(
      ctx,
      `select u.id, u.email, m.first_name, m.last_name, m.status, m.role, m.team_id
       from users u left join memberships m on m.user_id = u.id and m.account_id = ?
       where u.email in (${placeholders(chunk.length)})`,
      [accountId, ...chunk],
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
    'select user_id, subscription_id from seat_assignments where account_id = ?',
    [accountId],
  );
  for (const seat of seats) byUser.get(seat.user_id)?.seats.add(seat.subscription_id);

  const teams = await execute<{ id: string; name: string }>(ctx, 'select id, name from teams where account_id = ?', [accountId]);
  const codes = await execute<{ subscription_id: string; code: string }>(
    ctx,
    'select sp.subscription_id, p.code from subscription_products sp join products p on p.id = sp.product_id where sp.account_id = ?',
    [accountId],
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
