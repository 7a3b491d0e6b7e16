import { MembershipStatus, Role } from '@seatwise/schema';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { inTransaction, isUniqueViolation } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Session } from '../identity/session.entity.js';
import { sortNameOf, User } from '../identity/user.entity.js';
import { grantSeats, releaseSeatsOf } from '../subscriptions/seats.service.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { LicenceRequest, LicenceRequestKind } from '../licensing/licence-request.entity.js';
import { Membership, typedPerson } from '../users/membership.entity.js';
import { DirectoryGroupMember } from './directory-group.entity.js';
import { DirectoryPerson } from './directory-person.entity.js';
import { booleanOf, notFound, pageOf, parseScimFilter, project, SCIM, ScimError, userAttributes } from './scim-protocol.js';
import { msg } from '../../i18n/messages.js';

type Resource = Record<string, unknown>;
/** What a deactivation or reactivation did, for the response and the audit entry. */
interface SeatReport {
  released?: string[];
  restored?: string[];
  notRestored?: { subscriptionId: string; name: string | null; reason: string }[];
}

const corePrefix = /^urn:ietf:params:scim:schemas:core:2\.0:User:/i;
/** Matches nothing: an id that is no UUID finds no one. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The SCIM id of a person is their user id; `location` under the server's SCIM base. */
const location = (base: string, id: string) => `${base}/Users/${id}`;

/** The work (else primary, else first) email of a resource; the userName when it is one. */
function emailOf(resource: Resource): string {
  const emails = Array.isArray(resource.emails) ? (resource.emails as { value?: unknown; type?: unknown; primary?: unknown }[]) : [];
  const pick =
    emails.find((e) => String(e.type ?? '').toLowerCase() === 'work') ??
    emails.find((e) => e.primary === true || String(e.primary).toLowerCase() === 'true') ??
    emails[0];
  const value = typeof pick?.value === 'string' ? pick.value.trim() : typeof resource.userName === 'string' ? resource.userName.trim() : '';
  if (!EMAIL.test(value) || value.length > 254) throw new ScimError(400, 'invalidValue', 'A user needs a work email address (emails[type eq "work"].value, or a userName that is one).');
  return value.toLowerCase();
}

function namesOf(resource: Resource, email: string): { firstName: string; lastName: string } {
  const name = (resource.name ?? {}) as { givenName?: unknown; familyName?: unknown };
  let firstName = typeof name.givenName === 'string' ? name.givenName.trim() : '';
  let lastName = typeof name.familyName === 'string' ? name.familyName.trim() : '';
  if (!firstName && !lastName && typeof resource.displayName === 'string') {
    const [first, ...rest] = resource.displayName.trim().split(/\s+/);
    firstName = first ?? '';
    lastName = rest.join(' ');
  }
  if (!firstName) firstName = email.split('@')[0]!;
  return { firstName: firstName.slice(0, 100), lastName: lastName.slice(0, 100) };
}

/** The resource as it is kept: known shapes fixed (active a boolean), the password never kept. */
function normalised(input: Resource): { resource: Resource; userName: string; externalId: string | null; active: boolean } {
  const resource: Resource = {};
  for (const [key, value] of Object.entries(input)) {
    if (['id', 'meta', 'schemas', 'groups', 'password'].includes(key.toLowerCase())) continue;
    if (key.startsWith(SCIM.seats)) continue;
    const bare = key.replace(corePrefix, '');
    if (bare.includes('.') && !bare.toLowerCase().startsWith('urn:')) {
      // A dotted key of a path-less replace ("name.givenName"): into its parent.
      const [parent, child] = bare.split('.', 2) as [string, string];
      resource[parent] = { ...((resource[parent] as Resource | undefined) ?? {}), [child]: value };
    } else resource[bare] = value;
  }
  const userName = resource.userName;
  if (typeof userName !== 'string' || !userName.trim()) throw new ScimError(400, 'invalidValue', 'userName is required.');
  if (userName.length > 254) throw new ScimError(400, 'invalidValue', 'userName is longer than 254 characters.');
  resource.userName = userName.trim();
  const active = resource.active === undefined ? true : booleanOf(resource.active, 'active');
  resource.active = active;
  const externalId = resource.externalId === undefined || resource.externalId === null ? null : String(resource.externalId);
  if (externalId !== null && externalId.length > 254) throw new ScimError(400, 'invalidValue', 'externalId is longer than 254 characters.');
  return { resource, userName: resource.userName as string, externalId, active };
}

async function groupsOf(ctx: AccountContext, userId: string, base: string) {
  const rows = await ctx.em.find(DirectoryGroupMember, { user: userId }, { populate: ['group'], orderBy: { group: { displayName: 'asc' } } });
  return rows.map((row) => ({ value: row.group.id, display: row.group.displayName, $ref: `${base}/Groups/${row.group.id}` }));
}

/** The User resource of a person (RFC 7643 §4.1). */
async function toResource(ctx: AccountContext, person: DirectoryPerson, base: string, report?: SeatReport): Promise<Resource> {
  const membership = await ctx.em.findOneOrFail(Membership, { user: person.user.id });
  const kept = person.resource;
  const emails = Array.isArray(kept.emails) && kept.emails.length ? kept.emails : [{ value: membership.email, type: 'work', primary: true }];
  const enterprise = kept[SCIM.enterpriseUser];
  return {
    schemas: [SCIM.user, ...(enterprise ? [SCIM.enterpriseUser] : []), ...(report ? [SCIM.seats] : [])],
    ...kept,
    id: person.user.id,
    userName: person.userName,
    ...(person.externalId !== null ? { externalId: person.externalId } : {}),
    name: { ...((kept.name as Resource | undefined) ?? {}), givenName: membership.firstName, familyName: membership.lastName },
    emails,
    active: person.active,
    groups: await groupsOf(ctx, person.user.id, base),
    ...(report ? { [SCIM.seats]: report } : {}),
    meta: {
      resourceType: 'User',
      created: person.createdAt.toISOString(),
      lastModified: person.updatedAt.toISOString(),
      location: location(base, person.user.id),
      version: `W/"${person.version}"`,
    },
  };
}

async function findPerson(ctx: AccountContext, id: string): Promise<DirectoryPerson> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('User');
  const person = await ctx.em.findOne(DirectoryPerson, { user: id });
  if (!person) throw notFound('User');
  return person;
}

export async function getScimUser(ctx: AccountContext, base: string, id: string, query: Resource): Promise<Resource> {
  return project(await toResource(ctx, await findPerson(ctx, id), base), query);
}

/** GET /Users: filtered by eq/and, paged by startIndex/count, oldest first (a stable order). */
export async function listScimUsers(ctx: AccountContext, base: string, query: Resource): Promise<Resource> {
  const where: Record<string, unknown>[] = [];
  if (typeof query.filter === 'string' && query.filter.trim()) {
    for (const condition of parseScimFilter(query.filter, ['username', 'externalid', 'email', 'id'])) {
      if (condition.attr === 'username') where.push({ userNameKey: condition.value.toLowerCase() });
      else if (condition.attr === 'externalid') where.push({ externalId: condition.value });
      else if (condition.attr === 'id') where.push({ user: /^[0-9a-f-]{36}$/i.test(condition.value) ? condition.value.toLowerCase() : NO_ID });
      else {
        const members = await ctx.em.find(Membership, { email: condition.value.toLowerCase() }, { fields: ['user'] });
        where.push({ user: { $in: members.map((m) => m.user.id) } });
      }
    }
  } else if (query.filter !== undefined && typeof query.filter !== 'string') {
    throw new ScimError(400, 'invalidFilter', 'filter must be given once.');
  }
  const { startIndex, count } = pageOf(query);
  const filter = where.length ? { $and: where } : {};
  const [people, total] = await ctx.em.findAndCount(DirectoryPerson, filter, { orderBy: { createdAt: 'asc', id: 'asc' }, offset: startIndex - 1, limit: count || 1 });
  const resources = count ? await Promise.all(people.map(async (person) => project(await toResource(ctx, person, base), query))) : [];
  return { schemas: [SCIM.list], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

async function ensureUnique(ctx: AccountContext, userName: string, except: string | null): Promise<void> {
  const clash = await ctx.em.findOne(DirectoryPerson, { userNameKey: userName.toLowerCase() });
  if (clash && clash.id !== except) throw new ScimError(409, 'uniqueness', `A user with userName "${userName}" already exists.`);
}

/** Takes the person's seats, sessions and tokens away; they stay a (deactivated) user. */
async function deactivate(tx: AccountContext, person: DirectoryPerson, membership: Membership): Promise<SeatReport> {
  if (membership.role === Role.PRIMARY_ADMIN) {
    throw new ScimError(400, 'mutability', 'The primary admin cannot be deactivated by the directory: hand the role over in Seatwise first.');
  }
  const userId = person.user.id;
  const seats = await releaseSeatsOf(tx, userId, 'DIRECTORY');
  const sessions = await tx.em.nativeDelete(Session, { account: tx.viewer.accountId, user: userId });
  const tokens = await tx.em.nativeUpdate(ApiToken, { owner: userId, revokedAt: null }, { revokedAt: new Date() });
  // Their home-use activations (the devices they hold a licence on) end too.
  const devices = await tx.em.nativeUpdate(LicenceRequest, { requestedBy: userId, kind: LicenceRequestKind.HOME_USE, revokedAt: null }, { revokedAt: new Date() });
  membership.status = MembershipStatus.INACTIVE;
  person.active = false;
  person.releasedSeats = seats.map((seat) => seat.subscriptionId);
  recordAudit(tx, {
    action: 'directory.user.deactivate',
    targetType: 'user',
    targetId: userId,
    summary: msg('The directory deactivated {email} ({seats} seats released, {sessions} sessions ended, {tokens} tokens and {devices} home-use activations revoked)', { email: membership.email, seats: seats.length, sessions, tokens, devices }),
    before: { status: MembershipStatus.ACTIVE, seats: seats.map((seat) => seat.name) },
    after: { status: MembershipStatus.INACTIVE, seats: [], sessionsEnded: sessions, tokensRevoked: tokens, homeUseRevoked: devices },
  });
  return { released: seats.map((seat) => seat.subscriptionId) };
}

/** Active again, with the seats the deactivation released where they are still free. */
async function reactivate(tx: AccountContext, person: DirectoryPerson, membership: Membership): Promise<SeatReport> {
  membership.status = MembershipStatus.ACTIVE;
  person.active = true;
  await tx.em.flush();
  const restored: string[] = [];
  const notRestored: NonNullable<SeatReport['notRestored']> = [];
  for (const subscriptionId of person.releasedSeats ?? []) {
    try {
      const { subscription } = await grantSeats(tx, subscriptionId, [person.user.id], { reason: 'DIRECTORY' });
      restored.push(subscription.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notRestored.push({ subscriptionId, name: null, reason: error.code === 'SEAT_LIMIT_REACHED' ? 'no free seat' : error.code.toLowerCase() });
    }
  }
  person.releasedSeats = null;
  recordAudit(tx, {
    action: 'directory.user.reactivate',
    targetType: 'user',
    targetId: person.user.id,
    summary: msg('The directory reactivated {email} ({restored} seats restored, {missing} not: no free seat)', { email: membership.email, restored: restored.length, missing: notRestored.length }),
    after: { status: MembershipStatus.ACTIVE, seatsRestored: restored, seatsNotRestored: notRestored },
  });
  return { restored, notRestored };
}

/** Writes a normalised resource onto the person and their membership; returns the seat report of an (in)activation. */
async function apply(tx: AccountContext, person: DirectoryPerson, input: Resource): Promise<SeatReport | undefined> {
  const { resource, userName, externalId, active } = normalised(input);
  await ensureUnique(tx, userName, person.id);
  const membership = await tx.em.findOneOrFail(Membership, { user: person.user.id });
  const email = emailOf(resource);
  const { firstName, lastName } = namesOf(resource, email);
  const before = { userName: person.userName, email: membership.email, firstName: membership.firstName, lastName: membership.lastName, active: person.active };
  person.userName = userName;
  person.userNameKey = userName.toLowerCase();
  person.externalId = externalId;
  person.resource = resource;
  person.version += 1;
  const changed = before.userName !== userName || before.firstName !== firstName || before.lastName !== lastName || before.email !== email;
  if (membership.status !== MembershipStatus.ACTIVE || membership.email !== email) {
    // What the account sees of a person it provisions is what the directory says.
    Object.assign(membership, typedPerson({ email, firstName, lastName }));
  } else {
    membership.firstName = firstName;
    membership.lastName = lastName;
    membership.sortName = sortNameOf(firstName, lastName);
  }
  if (changed) {
    recordAudit(tx, {
      action: 'directory.user.update',
      targetType: 'user',
      targetId: person.user.id,
      summary: msg('The directory changed {email}', { email }),
      before,
      after: { userName, email, firstName, lastName },
    });
  }
  if (before.active && !active) return deactivate(tx, person, membership);
  if (!before.active && active) return reactivate(tx, person, membership);
  if (!active && membership.status !== MembershipStatus.INACTIVE) return deactivate(tx, person, membership);
  return undefined;
}

/** POST /Users: a new person, or an existing member of the account the directory takes over. */
export async function createScimUser(ctx: AccountContext, base: string, body: Resource): Promise<Resource> {
  const { resource, userName, active } = normalised(body);
  const email = emailOf(resource);
  try {
    return await inTransaction(ctx, async (tx) => {
      await ensureUnique(tx, userName, null);
      let user = await tx.em.findOne(User, { email });
      const { firstName, lastName } = namesOf(resource, email);
      if (!user) user = tx.em.create(User, { email, firstName, lastName, sortName: sortNameOf(firstName, lastName) });
      const membership = await tx.em.findOne(Membership, { user: user.id });
      if (membership && (await tx.em.count(DirectoryPerson, { user: user.id }))) {
        throw new ScimError(409, 'uniqueness', `${email} is already provisioned under another userName.`);
      }
      if (!membership) {
        tx.em.create(Membership, {
          account: tx.em.getReference(Account, tx.viewer.accountId),
          user,
          status: MembershipStatus.ACTIVE,
          ...typedPerson({ email, firstName, lastName }),
        });
      } else if (membership.status === MembershipStatus.INACTIVE) {
        membership.status = MembershipStatus.ACTIVE;
      }
      const person = tx.em.create(DirectoryPerson, {
        account: tx.em.getReference(Account, tx.viewer.accountId),
        user,
        userName,
        userNameKey: userName.toLowerCase(),
        resource: { ...resource, active: true },
      });
      recordAudit(tx, {
        action: 'directory.user.create',
        targetType: 'user',
        targetId: user.id,
        summary: msg('The directory provisioned {email}', { email }),
        after: { userName, email, firstName, lastName },
      });
      await tx.em.flush();
      const report = await apply(tx, person, { ...resource, active });
      await tx.em.flush();
      return toResource(tx, person, base, report);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimError(409, 'uniqueness', `A user with userName "${userName}" already exists.`);
    throw error;
  }
}

/** PUT /Users/:id (Okta sends every change so): the resource as given replaces the kept one. */
export async function replaceScimUser(ctx: AccountContext, base: string, id: string, body: Resource): Promise<Resource> {
  return guardUnique(
    inTransaction(ctx, async (tx) => {
      const person = await findPerson(tx, id);
      const report = await apply(tx, person, body);
      await tx.em.flush();
      return toResource(tx, person, base, report);
    }),
  );
}

async function guardUnique<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimError(409, 'uniqueness', 'Another user already has this userName.');
    throw error;
  }
}

/** The operations of a PatchOp body, in the shape scim-patch reads (RFC 7644 §3.5.2), Entra's habits undone. */
export function patchOperations(body: Resource, attributes: Set<string> | null): ScimPatchOperation[] {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(SCIM.patch)) throw new ScimError(400, 'invalidSyntax', `A PATCH body needs schemas ["${SCIM.patch}"].`);
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new ScimError(400, 'invalidSyntax', 'A PATCH body needs Operations.');
  const result: ScimPatchOperation[] = [];
  for (const raw of operations as Resource[]) {
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, 'invalidSyntax', `Unknown op "${String(raw.op)}".`);
    const path = typeof raw.path === 'string' && raw.path.trim() ? raw.path.trim().replace(corePrefix, '') : null;
    if (!path) {
      if (op === 'remove') throw new ScimError(400, 'noTarget', 'A remove operation needs a path.');
      if (!raw.value || typeof raw.value !== 'object' || Array.isArray(raw.value)) throw new ScimError(400, 'invalidValue', 'A path-less operation needs an object value.');
      // A path-less add or replace: each key its own path ("name.givenName", urn:…:User:attr).
      for (const [key, value] of Object.entries(raw.value as Resource)) {
        const bare = key.replace(corePrefix, '');
        if (bare.startsWith(SCIM.enterpriseUser) && bare === SCIM.enterpriseUser && value && typeof value === 'object') {
          for (const [sub, subValue] of Object.entries(value as Resource)) result.push(checked({ op, path: `${SCIM.enterpriseUser}:${sub}`, value: subValue }, attributes));
        } else result.push(checked({ op, path: bare, value }, attributes));
      }
      continue;
    }
    result.push(checked(op === 'remove' ? { op, path, ...(raw.value !== undefined ? { value: raw.value } : {}) } : { op, path, value: unwrapped(path, raw.value) }, attributes));
  }
  return result;
}

const multiValued = new Set(['emails', 'phonenumbers', 'ims', 'photos', 'addresses', 'entitlements', 'roles', 'x509certificates']);

/**
 * Older Entra writes a single value as `[{"$ref": null, "value": "User X"}]` (MicrosoftDocs
 * azure-docs#42220): for a single-valued attribute, the value inside.
 */
function unwrapped(path: string, value: unknown): unknown {
  const top = path.split(/[.[]/, 1)[0]!.toLowerCase();
  if (multiValued.has(top) || path.includes('[') || !Array.isArray(value) || value.length !== 1) return value;
  const only = value[0] as Resource | null;
  return only && typeof only === 'object' && 'value' in only ? only.value : value;
}

function checked(operation: ScimPatchOperation, attributes: Set<string> | null): ScimPatchOperation {
  const path = operation.path!;
  if (attributes && !path.startsWith(SCIM.enterpriseUser)) {
    const top = path.split(/[.[]/, 1)[0]!.toLowerCase();
    if (top === 'groups') throw new ScimError(400, 'mutability', 'groups is read-only: change a group\'s members instead.');
    if (!attributes.has(top)) throw new ScimError(400, 'invalidPath', `Unknown attribute path "${path}".`);
  }
  return operation;
}

/** PATCH /Users/:id: the operations applied to the kept resource, then written as a whole. */
export async function patchScimUser(ctx: AccountContext, base: string, id: string, body: Resource): Promise<Resource> {
  const operations = patchOperations(body, userAttributes).filter((operation) => operation.path?.toLowerCase() !== 'password');
  return guardUnique(
    inTransaction(ctx, async (tx) => {
      const person = await findPerson(tx, id);
      const current = await toResource(tx, person, base);
      let next: Resource;
      try {
        next = scimPatch(current as never, operations, { mutateDocument: false, treatMissingAsAdd: true }) as unknown as Resource;
      } catch (error) {
        const scimType = (error as { scimType?: string }).scimType;
        throw new ScimError(400, scimType === 'noTarget' ? 'noTarget' : scimType === 'invalidSyntax' ? 'invalidSyntax' : 'invalidValue', (error as Error).message);
      }
      const report = await apply(tx, person, next);
      await tx.em.flush();
      return toResource(tx, person, base, report);
    }),
  );
}

/** DELETE /Users/:id: deactivation (seats released at once); the person stays readable with active false. */
export async function deleteScimUser(ctx: AccountContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const person = await findPerson(tx, id);
    const membership = await tx.em.findOneOrFail(Membership, { user: person.user.id });
    if (person.active || membership.status !== MembershipStatus.INACTIVE) {
      person.resource = { ...person.resource, active: false };
      person.version += 1;
      await deactivate(tx, person, membership);
    }
    await tx.em.flush();
  });
}

