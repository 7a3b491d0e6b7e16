import { SeatLedgerEvent, WebhookEventType } from '@seatwise/schema';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import {
  type ChangeRoleInput,
  MembershipStatus,
  type MoveUsersToTeamInput,
  type RemoveUserInput,
  Role,
  type TransferPrimaryAdminInput,
  type User as UserType,
} from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { execute, inTransaction, run } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { ForbiddenError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { verifyPassword } from '../identity/password.js';
import { checkPasswordThrottled } from '../identity/rate-limits.js';
import { User } from '../identity/user.entity.js';
import { recordSeatChanges, withSeatAction } from '../subscriptions/seat-ledger.service.js';
import { releaseSeatsOf } from '../subscriptions/seats.service.js';
import { Team } from '../teams/team.entity.js';
import { claimVersion, currentMembership } from './membership-lookup.js';
import { getUser } from './users.service.js';
import { roleName } from './role-names.js';

const MAX_BULK = 500;

/** F-45: User ⇄ Secondary admin. The primary admin's role changes only through the handover. */
export async function changeRole(ctx: AccountContext, input: ChangeRoleInput): Promise<UserType> {
  if (input.role === Role.PRIMARY_ADMIN) {
    throw new InvalidInputError('role', msg('There is exactly one primary admin: hand the role over with "Make primary admin" instead.'));
  }
  return inTransaction(ctx, async (tx) => {
    const membership = await currentMembership(tx, input.userId);
    if (membership.role === Role.PRIMARY_ADMIN) {
      throw new ForbiddenError(msg("The primary admin's role changes only when they hand it over to someone else."));
    }
    await claimVersion(tx, membership, input.version);
    const before = membership.role;
    membership.role = input.role;
    recordAudit(tx, {
      action: 'user.role.change',
      targetType: 'user',
      targetId: input.userId,
      summary: msg('Changed the role of {email} from {before} to {after}', { email: membership.email, before: roleName(before), after: roleName(input.role) }),
      before: { role: before },
      after: { role: input.role },
    });
    await tx.em.flush();
    return getUser(tx, input.userId);
  });
}

/** The current primary admin hands the role to an active user and becomes a secondary admin. */
export async function transferPrimaryAdmin(ctx: AccountContext, input: TransferPrimaryAdminInput): Promise<UserType> {
  if (input.userId === ctx.viewer.userId) throw new InvalidInputError('userId', msg('You are the primary admin already: choose someone else.'));
  const me = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId });
  const right = await checkPasswordThrottled(ctx, me.email, 'password', async () =>
    me.passwordHash ? verifyPassword(me.passwordHash, input.password) : false,
  );
  if (!right) {
    throw new InvalidInputError('password', msg('The password is not correct.'));
  }
  return inTransaction(ctx, async (tx) => {
    const mine = await currentMembership(tx, tx.viewer.userId);
    // Taking the row lock first: of two handovers at once, the second finds it is no longer primary.
    await claimVersion(tx, mine, mine.version);
    if (mine.role !== Role.PRIMARY_ADMIN) throw new ForbiddenError(msg('Only the primary admin can hand the role over.'));
    const theirs = await currentMembership(tx, input.userId);
    if (theirs.status !== MembershipStatus.ACTIVE) {
      throw new InvalidInputError('userId', msg('Only an active user (one who has accepted the invitation) can become primary admin.'));
    }
    await claimVersion(tx, theirs, theirs.version);
    const theirRole = theirs.role;
    mine.role = Role.SECONDARY_ADMIN;
    theirs.role = Role.PRIMARY_ADMIN;
    recordAudit(tx, {
      action: 'user.primary.transfer',
      targetType: 'user',
      targetId: input.userId,
      summary: msg('{from} handed the primary admin role to {to}', { from: mine.email, to: theirs.email }),
      before: { primaryAdmin: mine.user.id, role: theirRole },
      after: { primaryAdmin: theirs.user.id, previousPrimaryAdminRole: Role.SECONDARY_ADMIN },
    });
    await tx.em.flush();
    return getUser(tx, input.userId);
  });
}

/** F-46: the person leaves the account; seats are freed, invitations revoked, history kept. */
export async function removeUser(ctx: AccountContext, input: RemoveUserInput): Promise<UserType> {
  if (input.userId === ctx.viewer.userId) {
    throw new InvalidInputError('userId', msg('You cannot remove yourself; another admin can.'));
  }
  return inTransaction(withSeatAction(ctx), async (tx) => {
    const membership = await currentMembership(tx, input.userId);
    if (membership.role === Role.PRIMARY_ADMIN) {
      throw new ForbiddenError(msg('The primary admin cannot be removed: they must hand the role over first.'));
    }
    await claimVersion(tx, membership, input.version);
    const pending = await execute<{ id: string }>(tx, sql`select id from invitations where ${inAccount(tx)} and email = ${membership.email} and status = 'PENDING'`);
    // The removal first, then its seats: an undo brings the person back before their seats.
    await recordSeatChanges(tx, [
      {
        event: SeatLedgerEvent.MEMBER_REMOVE,
        reason: 'REMOVE',
        userId: input.userId,
        membership: { role: membership.role, status: membership.status, teamId: membership.team?.id ?? null, invitationIds: pending.map((row) => row.id) },
      },
    ]);
    const seats = await releaseSeatsOf(tx, input.userId, 'REMOVE');
    const revoked = await run(tx, sql`update invitations set status = 'REVOKED' where ${inAccount(tx)} and email = ${membership.email} and status = 'PENDING'`);
    await run(tx, sql`delete from sessions where ${inAccount(tx)} and user_id = ${input.userId}`);
    const before = { status: membership.status, role: membership.role, team: membership.team?.name ?? null, seats: seats.map((s) => s.name) };
    membership.status = MembershipStatus.INACTIVE;
    recordAudit(tx, {
      action: 'user.remove',
      targetType: 'user',
      targetId: input.userId,
      summary: msg('Removed {email} from the account ({seats} seats released, {revoked} invitations revoked)', { email: membership.email, seats: seats.length, revoked }),
      before,
      after: { status: MembershipStatus.INACTIVE, seats: [], invitationsRevoked: revoked },
    });
    publishWebhookEvent(tx, WebhookEventType.MEMBER_REMOVED, tx.viewer.accountId, { userId: input.userId, email: membership.email, reason: 'removed' });
    await tx.em.flush();
    return getUser(tx, input.userId);
  });
}

/** F-47: moves people into a team (or out of any); returns how many moved. */
export async function moveUsersToTeam(ctx: AccountContext, input: MoveUsersToTeamInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0 || userIds.length > MAX_BULK) throw new InvalidInputError('userIds', msg('Choose 1 to {max} users.', { max: MAX_BULK }));
  return inTransaction(ctx, async (tx) => {
    const team = input.teamId ? await tx.em.findOne(Team, { id: input.teamId }) : null;
    if (input.teamId && !team) throw new NotFoundError('Team', 'teamId');
    const rows = await execute<{ user_id: string; email: string; team_name: string | null; team_id: string | null }>(
      tx,
      sql`select m.user_id, m.email, t.name as team_name, m.team_id from memberships m
       left join teams t on t.id = m.team_id
       where ${inAccount(tx, 'm')} and m.status in ('ACTIVE', 'INVITED') and m.user_id in (${userIds})`,
    );
    if (rows.length !== userIds.length) throw new NotFoundError('User', 'userIds');
    if (input.version !== null && input.version !== undefined) {
      if (userIds.length !== 1) throw new InvalidInputError('version', msg('A version goes with exactly one user.'));
      await claimVersion(tx, await currentMembership(tx, userIds[0]!), input.version);
    }
    const moving = rows.filter((row) => row.team_id !== (team?.id ?? null));
    if (moving.length === 0) return 0;
    await run(
      tx,
      sql`update memberships set team_id = ${team?.id ?? null}, version = version + 1 where ${inAccount(tx)} and user_id in (${moving.map((row) => row.user_id)})`,
    );
    for (const row of moving) {
      recordAudit(tx, {
        action: 'user.team.change',
        targetType: 'user',
        targetId: row.user_id,
        summary: team ? msg('Moved {email} to team {team}', { email: row.email, team: team.name }) : msg('Moved {email} to no team', { email: row.email }),
        before: { team: row.team_name },
        after: { team: team?.name ?? null },
      });
    }
    await tx.em.flush();
    return moving.length;
  });
}
