import { inAccount, sql } from '../../common/sql.js';
import { inTransaction, isUniqueViolation, run } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { parse as parseFilterText } from 'scim2-parse-filter';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';
import { Membership } from '../users/membership.entity.js';
import { DirectoryGroup, DirectoryGroupMember } from './directory-group.entity.js';
import { DirectoryPerson } from './directory-person.entity.js';
import { notFound, pageOf, parseScimFilter, project, SCIM, ScimError } from './scim-protocol.js';
import { NO_ID } from './scim-users.service.js';
import { msg } from '../../i18n/messages.js';

type Resource = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const groupPrefix = /^urn:ietf:params:scim:schemas:core:2\.0:Group:/i;

async function findGroup(ctx: AccountContext, id: string): Promise<DirectoryGroup> {
  const group = UUID.test(id) ? await ctx.em.findOne(DirectoryGroup, { id: id.toLowerCase() }, { populate: ['team'] }) : null;
  if (!group) throw notFound('Group');
  return group;
}

async function toResource(ctx: AccountContext, group: DirectoryGroup, base: string, query: Resource): Promise<Resource> {
  const excluded = typeof query.excludedAttributes === 'string' && /(^|,)\s*members\s*(,|$)/i.test(query.excludedAttributes);
  const onlyOthers = typeof query.attributes === 'string' && !/(^|,)\s*members/i.test(query.attributes);
  let members: { value: string; display: string; $ref: string }[] | undefined;
  if (!excluded && !onlyOthers) {
    const rows = await ctx.em.find(DirectoryGroupMember, { group: group.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const people = rows.length ? await ctx.em.find(Membership, { user: { $in: rows.map((row) => row.user.id) } }) : [];
    const byUser = new Map(people.map((person) => [person.user.id, person]));
    members = rows.map((row) => ({ value: row.user.id, display: byUser.get(row.user.id)?.email ?? '', $ref: `${base}/Users/${row.user.id}` }));
  }
  return project(
    {
      schemas: [SCIM.group],
      id: group.id,
      displayName: group.displayName,
      ...(group.externalId !== null ? { externalId: group.externalId } : {}),
      ...(members ? { members } : {}),
      meta: {
        resourceType: 'Group',
        created: group.createdAt.toISOString(),
        lastModified: group.updatedAt.toISOString(),
        location: `${base}/Groups/${group.id}`,
        version: `W/"${group.version}"`,
      },
    },
    query,
  );
}

export async function getScimGroup(ctx: AccountContext, base: string, id: string, query: Resource): Promise<Resource> {
  return toResource(ctx, await findGroup(ctx, id), base, query);
}

export async function listScimGroups(ctx: AccountContext, base: string, query: Resource): Promise<Resource> {
  const where: Record<string, unknown>[] = [];
  if (typeof query.filter === 'string' && query.filter.trim()) {
    for (const condition of parseScimFilter(query.filter, ['displayname', 'externalid', 'id', 'member'])) {
      if (condition.attr === 'displayname') where.push({ displayNameKey: condition.value.toLowerCase() });
      else if (condition.attr === 'externalid') where.push({ externalId: condition.value });
      else if (condition.attr === 'id') where.push({ id: UUID.test(condition.value) ? condition.value.toLowerCase() : NO_ID });
      else {
        const rows = await ctx.em.find(DirectoryGroupMember, { user: UUID.test(condition.value) ? condition.value.toLowerCase() : NO_ID }, { fields: ['group'] });
        where.push({ id: { $in: rows.map((row) => row.group.id) } });
      }
    }
  }
  const { startIndex, count } = pageOf(query);
  const [groups, total] = await ctx.em.findAndCount(DirectoryGroup, where.length ? { $and: where } : {}, {
    orderBy: { createdAt: 'asc', id: 'asc' },
    offset: startIndex - 1,
    limit: count || 1,
  });
  const resources = count ? await Promise.all(groups.map((group) => toResource(ctx, group, base, query))) : [];
  return { schemas: [SCIM.list], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** The user ids of `members` values: each must be a person the directory provisioned here. */
async function memberIds(tx: AccountContext, value: unknown): Promise<string[]> {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const ids = list.map((item) => {
    const id = typeof item === 'string' ? item : typeof item === 'object' && item ? (item as Resource).value : undefined;
    if (typeof id !== 'string' || !UUID.test(id)) throw new ScimError(400, 'invalidValue', 'Each member needs the id of a user as its value.');
    return id.toLowerCase();
  });
  const unique = [...new Set(ids)];
  if (unique.length) {
    const known = await tx.em.find(DirectoryPerson, { user: { $in: unique } }, { fields: ['user'] });
    const found = new Set(known.map((person) => person.user.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new ScimError(400, 'invalidValue', `No user ${missing} in this account's directory.`);
  }
  return unique;
}

/** Locks the group's row (a conditional update): concurrent changes of one group wait their turn. */
async function lockGroup(tx: AccountContext, id: string): Promise<DirectoryGroup> {
  if (!UUID.test(id)) throw notFound('Group');
  const touched = await run(tx, sql`update directory_groups set version = version + 1 where ${inAccount(tx)} and id = ${id.toLowerCase()}`);
  if (!touched) throw notFound('Group');
  const group = await tx.em.findOneOrFail(DirectoryGroup, { id: id.toLowerCase() }, { populate: ['team'], refresh: true });
  return group;
}

/** The members' team follows their groups: joining moves them into its team, leaving moves them out. */
async function addMembers(tx: AccountContext, group: DirectoryGroup, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const present = new Set((await tx.em.find(DirectoryGroupMember, { group: group.id, user: { $in: userIds } }, { fields: ['user'] })).map((row) => row.user.id));
  const added = userIds.filter((id) => !present.has(id));
  const account = tx.em.getReference(Account, tx.viewer.accountId);
  // One millisecond apart: members are listed in the order they joined.
  const now = Date.now();
  added.forEach((userId, index) => tx.em.create(DirectoryGroupMember, { account, group, user: tx.em.getReference(User, userId), createdAt: new Date(now + index) }));
  if (group.team && added.length) {
    for (const membership of await tx.em.find(Membership, { user: { $in: added } })) membership.team = group.team;
  }
  return added;
}

async function removeMembers(tx: AccountContext, group: DirectoryGroup, userIds: string[] | 'all'): Promise<string[]> {
  const rows = await tx.em.find(DirectoryGroupMember, userIds === 'all' ? { group: group.id } : { group: group.id, user: { $in: userIds } });
  const removed = rows.map((row) => row.user.id);
  if (!removed.length) return [];
  await tx.em.nativeDelete(DirectoryGroupMember, { id: { $in: rows.map((row) => row.id) } });
  if (group.team) {
    for (const membership of await tx.em.find(Membership, { user: { $in: removed }, team: group.team.id })) {
      // Into the team of another group they are still in, else into none.
      const other = await tx.em.findOne(DirectoryGroupMember, { user: membership.user.id, group: { id: { $ne: group.id }, team: { $ne: null } } }, { populate: ['group.team'] });
      membership.team = other?.group.team ?? null;
    }
  }
  return removed;
}

async function setMembers(tx: AccountContext, group: DirectoryGroup, userIds: string[]): Promise<{ added: string[]; removed: string[] }> {
  const current = (await tx.em.find(DirectoryGroupMember, { group: group.id }, { fields: ['user'] })).map((row) => row.user.id);
  const wanted = new Set(userIds);
  const removed = await removeMembers(
    tx,
    group,
    current.filter((id) => !wanted.has(id)),
  );
  const added = await addMembers(tx, group, userIds);
  return { added, removed };
}

function displayNameOf(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw new ScimError(400, 'invalidValue', 'displayName is required.');
  if (value.trim().length > 100) throw new ScimError(400, 'invalidValue', 'displayName is longer than 100 characters.');
  return value.trim();
}

/** A new name for the group and its team; the same name again (Entra sends it with every change) is no change. */
async function rename(tx: AccountContext, group: DirectoryGroup, name: string): Promise<boolean> {
  if (group.displayName === name) return false;
  const clash = await tx.em.findOne(DirectoryGroup, { displayNameKey: name.toLowerCase(), id: { $ne: group.id } });
  if (clash) throw new ScimError(409, 'uniqueness', `A group called "${name}" already exists.`);
  group.displayName = name;
  group.displayNameKey = name.toLowerCase();
  if (group.team && !(await tx.em.findOne(Team, { name, id: { $ne: group.team.id } }))) group.team.name = name;
  return true;
}

function audit(tx: AccountContext, group: DirectoryGroup, change: { renamed?: boolean; added?: string[]; removed?: string[]; before?: string }): void {
  const added = change.added?.length ?? 0;
  const removed = change.removed?.length ?? 0;
  if (!change.renamed && !added && !removed) return;
  recordAudit(tx, {
    action: 'directory.group.update',
    targetType: 'team',
    targetId: group.team?.id ?? group.id,
    summary: change.renamed
      ? msg('The directory changed the group {group} ({added} members added, {removed} removed, renamed from {before})', { group: group.displayName, added, removed, before: change.before ?? '' })
      : msg('The directory changed the group {group} ({added} members added, {removed} removed)', { group: group.displayName, added, removed }),
    after: { group: group.id, displayName: group.displayName, added: change.added ?? [], removed: change.removed ?? [] },
  });
}

export async function createScimGroup(ctx: AccountContext, base: string, body: Resource): Promise<Resource> {
  const displayName = displayNameOf(body.displayName);
  try {
    return await inTransaction(ctx, async (tx) => {
      if (await tx.em.findOne(DirectoryGroup, { displayNameKey: displayName.toLowerCase() })) {
        throw new ScimError(409, 'uniqueness', `A group called "${displayName}" already exists.`);
      }
      const account = tx.em.getReference(Account, tx.viewer.accountId);
      // The group's team: the account's team of that name, else a new one.
      let team = await tx.em.findOne(Team, { name: displayName });
      let createdTeam = false;
      if (team && (await tx.em.findOne(DirectoryGroup, { team: team.id }))) team = null;
      else if (!team) {
        team = tx.em.create(Team, { account, name: displayName });
        createdTeam = true;
      }
      const group = tx.em.create(DirectoryGroup, {
        account,
        displayName,
        displayNameKey: displayName.toLowerCase(),
        externalId: body.externalId === undefined || body.externalId === null ? null : String(body.externalId).slice(0, 254),
        team,
      });
      const ids = await memberIds(tx, body.members);
      await tx.em.flush();
      const added = await addMembers(tx, group, ids);
      recordAudit(tx, {
        action: 'directory.group.create',
        targetType: 'team',
        targetId: team?.id ?? group.id,
        summary: createdTeam
          ? msg('The directory created the group {group} and its team ({members} members)', { group: displayName, members: added.length })
          : team
            ? msg('The directory created the group {group}, mapped to the team of that name ({members} members)', { group: displayName, members: added.length })
            : msg('The directory created the group {group} ({members} members)', { group: displayName, members: added.length }),
        after: { group: group.id, displayName, team: team?.id ?? null, members: added },
      });
      await tx.em.flush();
      return toResource(tx, group, base, {});
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimError(409, 'uniqueness', `A group called "${displayName}" already exists.`);
    throw error;
  }
}

export async function replaceScimGroup(ctx: AccountContext, base: string, id: string, body: Resource): Promise<Resource> {
  const displayName = displayNameOf(body.displayName);
  return inTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, id);
    const before = group.displayName;
    const renamed = await rename(tx, group, displayName);
    if (body.externalId !== undefined) group.externalId = body.externalId === null ? null : String(body.externalId).slice(0, 254);
    const { added, removed } = await setMembers(tx, group, await memberIds(tx, body.members));
    audit(tx, group, { renamed, added, removed, before });
    await tx.em.flush();
    return toResource(tx, group, base, {});
  });
}

/** Which members a `members[value eq "…"]` path names. */
function memberOfPath(path: string): string | null {
  const match = /^members\[(.*)\]$/i.exec(path);
  if (!match) return null;
  try {
    const filter = parseFilterText(match[1]!);
    if (filter.op === 'eq' && filter.attrPath.toLowerCase() === 'value' && typeof filter.compValue === 'string') return filter.compValue.toLowerCase();
  } catch {
    // fall through
  }
  throw new ScimError(400, 'invalidFilter', `Unsupported member filter "${match[1]}": use members[value eq "<user id>"].`);
}

/**
 * PATCH /Groups/:id: the operations applied as deltas to the group's members, in one transaction
 * under the group's lock, so concurrent PATCHes each add and remove what they say.
 */
export async function patchScimGroup(ctx: AccountContext, base: string, id: string, body: Resource, answer: boolean): Promise<Resource | null> {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(SCIM.patch)) throw new ScimError(400, 'invalidSyntax', `A PATCH body needs schemas ["${SCIM.patch}"].`);
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new ScimError(400, 'invalidSyntax', 'A PATCH body needs Operations.');
  return inTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, id);
    const before = group.displayName;
    let renamed = false;
    const added: string[] = [];
    const removed: string[] = [];
    const replaceMembers = async (value: unknown) => {
      const result = await setMembers(tx, group, await memberIds(tx, value));
      added.push(...result.added);
      removed.push(...result.removed);
    };
    for (const operation of operations as Resource[]) {
      const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
      if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, 'invalidSyntax', `Unknown op "${String(operation.op)}".`);
      const path = typeof operation.path === 'string' ? operation.path.trim().replace(groupPrefix, '') : '';
      const lower = path.toLowerCase();
      if (!path) {
        if (op === 'remove') throw new ScimError(400, 'noTarget', 'A remove operation needs a path.');
        const value = operation.value;
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScimError(400, 'invalidValue', 'A path-less operation needs an object value.');
        for (const [key, item] of Object.entries(value as Resource)) {
          const name = key.replace(groupPrefix, '').toLowerCase();
          if (name === 'displayname') renamed = (await rename(tx, group, displayNameOf(item))) || renamed;
          else if (name === 'externalid') group.externalId = item === null ? null : String(item).slice(0, 254);
          else if (name === 'members') {
            if (op === 'replace') await replaceMembers(item);
            else added.push(...(await addMembers(tx, group, await memberIds(tx, item))));
          } else if (name !== 'id' && name !== 'schemas' && name !== 'meta') throw new ScimError(400, 'invalidPath', `Unknown attribute "${key}".`);
        }
      } else if (lower === 'displayname') {
        if (op === 'remove') throw new ScimError(400, 'mutability', 'displayName is required.');
        renamed = (await rename(tx, group, displayNameOf(operation.value))) || renamed;
      } else if (lower === 'externalid') {
        group.externalId = op === 'remove' || operation.value === null ? null : String(operation.value).slice(0, 254);
      } else if (lower === 'members') {
        if (op === 'add') added.push(...(await addMembers(tx, group, await memberIds(tx, operation.value))));
        else if (op === 'replace') await replaceMembers(operation.value);
        else removed.push(...(await removeMembers(tx, group, operation.value === undefined ? 'all' : await memberIdsLoose(operation.value))));
      } else if (lower.startsWith('members[')) {
        const member = memberOfPath(path);
        if (op !== 'remove') throw new ScimError(400, 'invalidPath', 'Only remove takes a members[value eq "…"] path.');
        removed.push(...(await removeMembers(tx, group, member ? [member] : [])));
      } else {
        throw new ScimError(400, 'invalidPath', `Unknown attribute path "${path}".`);
      }
    }
    audit(tx, group, { renamed, added, removed, before });
    await tx.em.flush();
    return answer ? toResource(tx, group, base, {}) : null;
  });
}

/** Members to remove: ids as given, unknown ones simply not there (removing them changes nothing). */
async function memberIdsLoose(value: unknown): Promise<string[]> {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => (typeof item === 'string' ? item : typeof item === 'object' && item ? (item as Resource).value : undefined))
    .filter((id): id is string => typeof id === 'string' && UUID.test(id))
    .map((id) => id.toLowerCase());
}

/** DELETE /Groups/:id: the group goes; its team stays (it may hold subscriptions), its members leave it. */
export async function deleteScimGroup(ctx: AccountContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, id);
    const removed = await removeMembers(tx, group, 'all');
    recordAudit(tx, {
      action: 'directory.group.delete',
      targetType: 'team',
      targetId: group.team?.id ?? group.id,
      summary: msg('The directory deleted the group {group} ({members} members left its team; the team stays)', { group: group.displayName, members: removed.length }),
      before: { group: group.id, displayName: group.displayName, members: removed },
    });
    tx.em.remove(group);
    await tx.em.flush();
  });
}
