import type { EntityManager } from '@mikro-orm/knex';
import { ReclaimSignal, type Role } from '@seatwise/schema';
import { sqlDayOf } from '../../common/days.js';
import { query } from '../../common/sql.js';
import { isPostgres } from '../../db/database.js';
import { lastDayOf, runningSeats } from '../reports/seat-usage.sql.js';

/** What evaluating a policy needs of it. */
export interface PolicyTerms {
  accountId: string;
  subscriptionId: string | null;
  signal: ReclaimSignal;
  thresholdDays: number;
  excludedUserIds: readonly string[];
  excludedTeamIds: readonly string[];
  excludedRoles: readonly Role[];
}

/** A seat idle past a policy's threshold, before its exclusions. */
export interface IdleSeat {
  seatId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  subscriptionId: string;
  subscriptionName: string;
  /** The account's days (since 1970-01-01): last use of a product of the seat (null if never), and the start of the idle spell. */
  lastDay: number | null;
  idleSince: number;
}

interface Row {
  seat_id: string;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  team_id: string | null;
  subscription_id: string;
  subscription_name: string;
  last_day: number | string | null;
  idle_since: number | string;
}

/**
 * The running seats of the account (or of the policy's subscription) idle for at least the
 * policy's threshold on the account's day `today`. The idle spell starts at the latest of the
 * assignment, the last use of any product of the seat (`LAST_USE`; `NEVER_USED` takes only seats
 * not used since they were assigned) and the holder's last "Keep my seat" for this seat. One
 * statement over the roll-ups (`usage_last`: one row per person and product), so 10,000 seats over
 * a million usage events is one pass of index seeks. Exclusions are applied by `isExcluded`.
 */
export async function idleSeats(em: EntityManager, terms: PolicyTerms, today: number, todayIso: string, timeZone: string, now: Date): Promise<IdleSeat[]> {
  const ctx = { viewer: { accountId: terms.accountId } };
  const seats = runningSeats(ctx, todayIso);
  const assigned = sqlDayOf(em, 'sa.created_at', timeZone, now);
  const greatest = isPostgres(em) ? 'greatest' : 'max';
  const kept = `(select max(n.kept_day) from reclaim_notices n where n.account_id = sa.account_id and n.seat_id = sa.id)`;
  const idleSince =
    terms.signal === ReclaimSignal.LAST_USE
      ? `${greatest}(x.assigned_day, coalesce(x.last_day, x.assigned_day), coalesce(x.kept_day, x.assigned_day))`
      : `${greatest}(x.assigned_day, coalesce(x.kept_day, x.assigned_day))`;
  const neverUsed = terms.signal === ReclaimSignal.NEVER_USED ? 'and (x.last_day is null or x.last_day < x.assigned_day)' : '';
  const oneSubscription = terms.subscriptionId ? 'and sa.subscription_id = ?' : '';
  const rows = await query<Row>(
    em,
    `select x.*, ${idleSince} as idle_since from (
       select sa.id as seat_id, sa.user_id, mb.email, mb.first_name, mb.last_name, mb.role, mb.team_id, sa.subscription_id, s.name as subscription_name,
         ${assigned.sql} as assigned_day, ${lastDayOf('sa')} as last_day, ${kept} as kept_day
       ${seats.sql} ${oneSubscription}) x
     where ? - ${idleSince} >= ? ${neverUsed}
     order by idle_since, x.email, x.seat_id`,
    [...assigned.params, ...seats.params, ...(terms.subscriptionId ? [terms.subscriptionId] : []), today, terms.thresholdDays],
  );
  return rows.map((row) => ({
    seatId: row.seat_id,
    userId: row.user_id,
    email: row.email,
    name: `${row.first_name} ${row.last_name}`.trim(),
    role: row.role,
    teamId: row.team_id,
    subscriptionId: row.subscription_id,
    subscriptionName: row.subscription_name,
    lastDay: row.last_day === null ? null : Number(row.last_day),
    idleSince: Number(row.idle_since),
  }));
}

/** Whether a policy leaves the seat's holder alone: named, in an excluded team, or of an excluded role. */
export function isExcluded(terms: PolicyTerms, seat: Pick<IdleSeat, 'userId' | 'teamId' | 'role'>): boolean {
  return terms.excludedUserIds.includes(seat.userId) || (seat.teamId !== null && terms.excludedTeamIds.includes(seat.teamId)) || terms.excludedRoles.includes(seat.role);
}
