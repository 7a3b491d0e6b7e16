import type { EntityManager } from '@mikro-orm/knex';
import { CustomerStatus, MembershipStatus, Role, type CreateDirectoryTokenPayload, type DirectorySettings, type DirectoryToken as DirectoryTokenType } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext, Viewer } from '../../context.js';
import { ForbiddenError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../identity/user.entity.js';
import { hashSecret } from '../tokens/bearer.js';
import { Membership } from '../users/membership.entity.js';
import { DirectoryGroup } from './directory-group.entity.js';
import { DirectoryPerson } from './directory-person.entity.js';
import { DirectoryToken } from './directory-token.entity.js';
import { ScimError } from './scim-protocol.js';
import { randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'sw_scim_';
const LAST_USED_RESOLUTION_MS = 60_000;

/** The SCIM base address of this server. */
export const scimBaseUrl = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/scim/v2`;

export function requirePrimaryAdmin(ctx: AccountContext): void {
  // The permission admits the primary admin only; this holds the service to it too.
  if (ctx.viewer.role !== Role.PRIMARY_ADMIN) throw new ForbiddenError(msg('Only the primary admin can connect the directory.'));
}

async function toToken(em: EntityManager, token: DirectoryToken): Promise<DirectoryTokenType> {
  await em.populate(token, ['createdBy']);
  const creator = token.createdBy;
  const membership = creator ? await em.findOne(Membership, { user: creator.id }) : null;
  return {
    id: token.id,
    prefix: token.prefix,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    createdBy: membership ? `${membership.firstName} ${membership.lastName} <${membership.email}>` : null,
  };
}

export async function directorySettings(ctx: AccountContext): Promise<DirectorySettings> {
  requirePrimaryAdmin(ctx);
  const token = await ctx.em.findOne(DirectoryToken, { revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  return {
    scimUrl: scimBaseUrl(ctx.config.publicUrl),
    token: token ? await toToken(ctx.em, token) : null,
    people: await ctx.em.count(DirectoryPerson, {}),
    deactivatedPeople: await ctx.em.count(DirectoryPerson, { active: false }),
    groups: await ctx.em.count(DirectoryGroup, {}),
  };
}

/** Makes the account's SCIM token (any older one is revoked: rotation) and returns its secret once. */
export async function createDirectoryToken(ctx: AccountContext): Promise<CreateDirectoryTokenPayload> {
  requirePrimaryAdmin(ctx);
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    const older = await tx.em.find(DirectoryToken, { revokedAt: null });
    for (const token of older) token.revokedAt = now;
    const token = tx.em.create(DirectoryToken, {
      account: tx.em.getReference(Account, tx.viewer.accountId),
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
      createdBy: tx.em.getReference(User, tx.viewer.userId),
    });
    recordAudit(tx, {
      action: 'directory.token.create',
      targetType: 'DirectoryToken',
      targetId: token.id,
      summary: older.length ? msg('Made a new SCIM token; the older one stopped working') : msg('Made the SCIM token: the directory can provision people'),
      after: { prefix: token.prefix, revoked: older.map((old) => old.id) },
    });
    await tx.em.flush();
    return { token: await toToken(tx.em, token), secret };
  });
}

/** Revokes the live SCIM token: provisioning stops at once. Nothing to revoke is not an error. */
export async function revokeDirectoryToken(ctx: AccountContext): Promise<boolean> {
  requirePrimaryAdmin(ctx);
  return inTransaction(ctx, async (tx) => {
    const live = await tx.em.find(DirectoryToken, { revokedAt: null });
    for (const token of live) {
      token.revokedAt = new Date();
      recordAudit(tx, { action: 'directory.token.revoke', targetType: 'DirectoryToken', targetId: token.id, summary: msg('Revoked the SCIM token') });
    }
    await tx.em.flush();
    return live.length > 0;
  });
}

/**
 * The directory behind an `Authorization: Bearer sw_scim_…` header: a viewer of the token's
 * account that acts as the directory (audit entries name it). Anything else is a 401.
 */
export async function authenticateDirectory(em: EntityManager, authorization: string | undefined): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new ScimError(401, null, 'A SCIM request needs "Authorization: Bearer <the account\'s SCIM token>".');
  const token = await em.findOne(DirectoryToken, { tokenHash: hashSecret(match[1]) }, { filters: false, populate: ['account'] });
  if (!token || token.revokedAt) throw new ScimError(401, null, 'This SCIM token is not valid (it may have been revoked or replaced).');
  if (token.account.status !== CustomerStatus.ACTIVE) throw new ScimError(401, null, 'This account is not active.');
  const creatorId = token.createdBy?.id;
  const creator = creatorId
    ? await em.findOne(Membership, { account: token.account.id, user: creatorId, status: MembershipStatus.ACTIVE }, { filters: false })
    : null;
  if (!creator) throw new ScimError(401, null, 'The admin who made this SCIM token has left the account; make a new token.');
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(DirectoryToken, { id: token.id }, { lastUsedAt: new Date() }, { filters: false });
  }
  em.setFilterParams('tenant', { accountId: token.account.id });
  return { userId: creatorId!, accountId: token.account.id, role: Role.PRIMARY_ADMIN, sessionId: null, token: null, directory: true };
}
