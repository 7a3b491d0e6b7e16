import type { DirectoryGroupConnection, DirectoryGroupInfo, PageArgs } from '@seatwise/schema';
import { entityConnection, type KeysetOrder } from '../../common/keyset.js';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Team } from '../teams/team.entity.js';
import { Membership } from '../users/membership.entity.js';
import { DirectoryGroup, DirectoryGroupMember } from './directory-group.entity.js';
import { requirePrimaryAdmin } from './directory-tokens.service.js';
import { msg } from '../../i18n/messages.js';

const OLDEST_FIRST: KeysetOrder = { path: ['createdAt'], direction: 'asc', date: true };

async function toInfo(ctx: AccountContext, groups: DirectoryGroup[]): Promise<DirectoryGroupInfo[]> {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(group.id, await ctx.em.count(DirectoryGroupMember, { group: group.id }));
  return groups.map((group) => ({
    id: group.id,
    displayName: group.displayName,
    memberCount: counts.get(group.id) ?? 0,
    teamId: group.team?.id ?? null,
    teamName: group.team?.name ?? null,
  }));
}

/** The groups the directory pushed, oldest first, with the team each maps to. */
export async function listDirectoryGroups(ctx: AccountContext, page: PageArgs): Promise<DirectoryGroupConnection> {
  requirePrimaryAdmin(ctx);
  return entityConnection(ctx.em, DirectoryGroup, {}, OLDEST_FIRST, page, (groups) => toInfo(ctx, groups), { populate: ['team'] });
}

/**
 * Maps a pushed group to another team (or none): its members move from the old team into the new
 * one now, and later joiners follow the new mapping. Audited as the admin's change.
 */
export async function mapDirectoryGroup(ctx: AccountContext, groupId: string, teamId: string | null): Promise<DirectoryGroupInfo> {
  requirePrimaryAdmin(ctx);
  return inTransaction(ctx, async (tx) => {
    const group = await tx.em.findOne(DirectoryGroup, { id: groupId }, { populate: ['team'] });
    if (!group) throw new NotFoundError('Team', 'groupId');
    const team = teamId ? await tx.em.findOne(Team, { id: teamId }) : null;
    if (teamId && !team) throw new NotFoundError('Team', 'teamId');
    const before = group.team;
    group.team = team;
    const members = (await tx.em.find(DirectoryGroupMember, { group: group.id }, { fields: ['user'] })).map((row) => row.user.id);
    const moved = members.length ? await tx.em.find(Membership, { user: { $in: members }, team: before ? before.id : null }) : [];
    for (const membership of moved) membership.team = team;
    recordAudit(tx, {
      action: 'directory.group.update',
      targetType: 'team',
      targetId: team?.id ?? group.id,
      summary: team
        ? msg('Mapped the directory group {group} to the team {team} ({moved} members moved)', { group: group.displayName, team: team.name, moved: moved.length })
        : msg('Mapped the directory group {group} to no team ({moved} members moved)', { group: group.displayName, moved: moved.length }),
      before: { team: before?.name ?? null },
      after: { team: team?.name ?? null, moved: moved.length },
    });
    await tx.em.flush();
    return (await toInfo(tx, [group]))[0]!;
  });
}
