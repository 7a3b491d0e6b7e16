import type { CreateTeamInput, DeleteTeamInput, MoveSubscriptionsToTeamInput, RenameTeamInput, Team as TeamType } from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { execute, inTransaction, run } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Team } from './team.entity.js';
import { getTeam } from './teams.service.js';

const MAX_BULK = 500;

async function validName(tx: AccountContext, raw: string, exceptId?: string): Promise<string> {
  const name = raw.trim();
  if (!name) throw new InvalidInputError('name', msg('Enter a name for the team.'));
  if (name.length > 100) throw new InvalidInputError('name', msg('A team name can be at most 100 characters.'));
  const [clash] = await execute<{ id: string }>(tx, sql`select id from teams where ${inAccount(tx)} and lower(name) = lower(${name})`);
  if (clash && clash.id !== exceptId) throw new InvalidInputError('name', msg('A team named "{name}" already exists.', { name }));
  return name;
}

async function findTeam(tx: AccountContext, id: string, field = 'id'): Promise<Team> {
  const team = await tx.em.findOne(Team, { id });
  if (!team) throw new NotFoundError('Team', field);
  return team;
}

export function createTeam(ctx: AccountContext, input: CreateTeamInput): Promise<TeamType> {
  return inTransaction(ctx, async (tx) => {
    const name = await validName(tx, input.name);
    const team = tx.em.create(Team, { account: tx.em.getReference(Account, tx.viewer.accountId), name });
    recordAudit(tx, { action: 'team.create', targetType: 'team', targetId: team.id, summary: msg('Created team {name}', { name }), after: { name } });
    await tx.em.flush();
    return getTeam(tx, team.id);
  });
}

export function renameTeam(ctx: AccountContext, input: RenameTeamInput): Promise<TeamType> {
  return inTransaction(ctx, async (tx) => {
    const team = await findTeam(tx, input.id);
    const name = await validName(tx, input.name, team.id);
    const before = team.name;
    team.name = name;
    recordAudit(tx, { action: 'team.rename', targetType: 'team', targetId: team.id, summary: msg('Renamed team {before} to {name}', { before, name }), before: { name: before }, after: { name } });
    await tx.em.flush();
    return getTeam(tx, team.id);
  });
}

/** Points members, subscriptions and contracts of one team at another (or none). */
async function moveEverything(tx: AccountContext, fromId: string, toId: string | null) {
  const members = await run(tx, sql`update memberships set team_id = ${toId}, version = version + 1 where ${inAccount(tx)} and team_id = ${fromId}`);
  const subscriptions = await run(tx, sql`update subscriptions set team_id = ${toId} where ${inAccount(tx)} and team_id = ${fromId}`);
  await run(tx, sql`update contracts set team_id = ${toId} where ${inAccount(tx)} and team_id = ${fromId}`);
  await run(tx, sql`update invitations set team_id = ${toId} where ${inAccount(tx)} and team_id = ${fromId}`);
  return { members, subscriptions };
}

/** Deletes a team; one with people or subscriptions only when told where they go (TEAM_NOT_EMPTY otherwise). */
export function deleteTeam(ctx: AccountContext, input: DeleteTeamInput): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const team = await findTeam(tx, input.id);
    let target: Team | null = null;
    if (input.moveToTeamId) {
      if (input.moveToTeamId === team.id) throw new InvalidInputError('moveToTeamId', msg('Choose another team to move the members to.'));
      target = await findTeam(tx, input.moveToTeamId, 'moveToTeamId');
    }
    const [counts] = await execute<{ members: number | string; subscriptions: number | string }>(
      tx,
      sql`select (select count(*) from memberships where ${inAccount(tx)} and team_id = ${team.id} and status in ('ACTIVE', 'INVITED')) as members,
              (select count(*) from subscriptions where ${inAccount(tx)} and team_id = ${team.id}) as subscriptions`,
    );
    const members = Number(counts!.members);
    const subscriptions = Number(counts!.subscriptions);
    if (!target && !input.moveToNoTeam && members + subscriptions > 0) {
      throw new AppError(
        'TEAM_NOT_EMPTY',
        msg('{team} still has {members} users and {subscriptions} subscriptions: move them to another team first.', { team: team.name, members, subscriptions }),
        'id',
      );
    }
    await moveEverything(tx, team.id, target?.id ?? null);
    recordAudit(tx, {
      action: 'team.delete',
      targetType: 'team',
      targetId: team.id,
      summary: !(members + subscriptions)
        ? msg('Deleted team {name}', { name: team.name })
        : target
          ? msg('Deleted team {name}, moving {members} users and {subscriptions} subscriptions to {target}', { name: team.name, members, subscriptions, target: target.name })
          : msg('Deleted team {name}, moving {members} users and {subscriptions} subscriptions to no team', { name: team.name, members, subscriptions }),
      before: { name: team.name, members, subscriptions },
      after: { movedTo: target?.name ?? null },
    });
    tx.em.remove(team);
    await tx.em.flush();
    return true;
  });
}

export function moveSubscriptionsToTeam(ctx: AccountContext, input: MoveSubscriptionsToTeamInput): Promise<number> {
  const ids = [...new Set(input.subscriptionIds)];
  if (ids.length === 0 || ids.length > MAX_BULK) throw new InvalidInputError('subscriptionIds', msg('Choose 1 to {max} subscriptions.', { max: MAX_BULK }));
  return inTransaction(ctx, async (tx) => {
    const team = input.teamId ? await findTeam(tx, input.teamId, 'teamId') : null;
    const rows = await execute<{ id: string; name: string; team_id: string | null }>(
      tx,
      sql`select id, name, team_id from subscriptions where ${inAccount(tx)} and id in (${ids})`,
    );
    if (rows.length !== ids.length) throw new NotFoundError('Subscription', 'subscriptionIds');
    const moving = rows.filter((row) => row.team_id !== (team?.id ?? null));
    if (!moving.length) return 0;
    await run(tx, sql`update subscriptions set team_id = ${team?.id ?? null} where ${inAccount(tx)} and id in (${moving.map((row) => row.id)})`);
    for (const row of moving) {
      recordAudit(tx, {
        action: 'subscription.team.change',
        targetType: 'subscription',
        targetId: row.id,
        summary: team ? msg('Moved subscription {subscription} to team {team}', { subscription: row.name, team: team.name }) : msg('Moved subscription {subscription} to no team', { subscription: row.name }),
        before: { teamId: row.team_id },
        after: { teamId: team?.id ?? null, team: team?.name ?? null },
      });
    }
    await tx.em.flush();
    return moving.length;
  });
}
