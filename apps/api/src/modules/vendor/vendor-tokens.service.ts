import type { EntityManager } from '@mikro-orm/knex';
import {
  ApiTokenStatus,
  type CreateVendorApiTokenInput,
  type CreateVendorApiTokenPayload,
  type PersonRef,
  type VendorApiToken,
  type VendorApiTokenConnection,
  type VendorRole,
  VendorScope,
} from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import { preparedAs } from '../../db/database.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import type { StaffViewer } from '../identity/staff/staff-session.service.js';
import { User } from '../identity/user.entity.js';
import { hashSecret, InvalidTokenError, isVendorSecret, newSecret, readBearer } from '../tokens/bearer.js';
import { MAX_ACTIVE_TOKENS, MAX_EXPIRY_DAYS, MAX_NAME_LENGTH } from '../tokens/tokens.rules.js';
import { VendorApiTokenRow } from './vendor-api-token.entity.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const LAST_USED_RESOLUTION_MS = 60_000;
const knownScopes = new Set<string>(Object.values(VendorScope));
const parseScopes = (stored: string): VendorScope[] => stored.split(' ').filter((scope): scope is VendorScope => knownScopes.has(scope));

const statusOf = (token: VendorApiTokenRow, now: Date): ApiTokenStatus =>
  token.revokedAt ? ApiTokenStatus.REVOKED : token.expiresAt.getTime() <= now.getTime() ? ApiTokenStatus.EXPIRED : ApiTokenStatus.ACTIVE;

const toPerson = (user: User | null): PersonRef | null => (user ? { id: user.id, name: `${user.firstName} ${user.lastName}`, email: user.email } : null);

const toVendorApiToken = (token: VendorApiTokenRow, now: Date): VendorApiToken => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  scopes: parseScopes(token.scopes),
  status: statusOf(token, now),
  createdBy: toPerson(token.createdBy),
  createdAt: token.createdAt,
  expiresAt: token.expiresAt,
  lastUsedAt: token.lastUsedAt,
  revokedAt: token.revokedAt,
});

function validate(input: CreateVendorApiTokenInput): { name: string; scopes: VendorScope[] } {
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('name', msg('Give the token a name, so you can recognise it later.'));
  if (name.length > MAX_NAME_LENGTH) throw new InvalidInputError('name', msg('The name can be at most {max} characters.', { max: MAX_NAME_LENGTH }));
  const scopes = [...new Set(input.scopes)];
  if (!scopes.length) throw new InvalidInputError('scopes', msg('Choose at least one scope.'));
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_EXPIRY_DAYS) {
    throw new InvalidInputError('expiresInDays', msg('expiresInDays must be a whole number from 1 to {max}.', { max: MAX_EXPIRY_DAYS }));
  }
  return { name, scopes };
}

/**
 * Creates a vendor service token and returns its secret, once (only its hash is kept): the same
 * secret format and hashing as customers' tokens (`tokens/bearer.ts`), with the prefix `sw_vnd_`.
 */
export async function createVendorApiToken(ctx: StaffContext, input: CreateVendorApiTokenInput): Promise<CreateVendorApiTokenPayload> {
  const { name, scopes } = validate(input);
  const now = new Date();
  const active = await ctx.em.find(VendorApiTokenRow, { revokedAt: null, expiresAt: { $gt: now } }, { fields: ['name'] });
  if (active.some((token) => token.name.toLowerCase() === name.toLowerCase())) {
    throw new InvalidInputError('name', msg('An active token is already called "{name}": choose another name.', { name }));
  }
  if (active.length >= MAX_ACTIVE_TOKENS) {
    throw new InvalidInputError('name', msg('There can be at most {max} active vendor tokens: revoke one first.', { max: MAX_ACTIVE_TOKENS }));
  }
  const { secret, prefix, hash } = newSecret('VENDOR');
  const token = await inTransaction(ctx, async (tx) => {
    const row = tx.em.create(VendorApiTokenRow, {
      name,
      tokenHash: hash,
      prefix,
      scopes: scopes.join(' '),
      createdBy: tx.em.getReference(User, ctx.staff.userId),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'vendor_token.create',
      summary: `Created the vendor API token "${name}" with scopes ${scopes.join(', ')}`,
      details: { tokenId: row.id, scopes },
    });
    await tx.em.flush();
    return row;
  });
  await ctx.em.populate(token, ['createdBy']);
  return { token: toVendorApiToken(token, now), secret };
}

/** The vendor's service tokens, newest first. */
export async function listVendorApiTokens(ctx: StaffContext, first: number | null | undefined, after: string | null | undefined): Promise<VendorApiTokenConnection> {
  const limit = pageSize(first);
  const now = new Date();
  let where = {};
  if (after) {
    const cursor = decodeCursor(after);
    const createdAt = new Date(cursor.sortValue);
    if (Number.isNaN(createdAt.getTime())) throw new InvalidInputError('after', msg('after is not a cursor of this list.'));
    where = { $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: cursor.id } }] };
  }
  const totalCount = await ctx.em.count(VendorApiTokenRow, {});
  const rows = await ctx.em.find(VendorApiTokenRow, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1, populate: ['createdBy'] });
  return connectionOf(
    rows,
    { limit, after, totalCount },
    (token) => encodeCursor(token.createdAt.toISOString(), token.id),
    (token) => toVendorApiToken(token, now),
  );
}

/** Revokes a vendor token (again is not an error); it stops working at once. */
export async function revokeVendorApiToken(ctx: StaffContext, id: string): Promise<VendorApiToken> {
  const token = await ctx.em.findOne(VendorApiTokenRow, { id }, { populate: ['createdBy'] });
  if (!token) throw new NotFoundError('API token', 'id');
  if (!token.revokedAt) {
    await inTransaction(ctx, async (tx) => {
      const row = await tx.em.findOneOrFail(VendorApiTokenRow, { id });
      row.revokedAt = new Date();
      recordVendorAudit(tx.em, {
        ...staffActor(ctx.staff),
        action: 'vendor_token.revoke',
        summary: `Revoked the vendor API token "${token.name}"`,
        details: { tokenId: token.id },
      });
      await tx.em.flush();
      token.revokedAt = row.revokedAt;
    });
  }
  return toVendorApiToken(token, new Date());
}

interface VendorTokenRow {
  id: string;
  name: string;
  scopes: string;
  created_by_id: string | null;
  expires_at: string | number | Date;
  revoked_at: string | number | Date | null;
  last_used_at: string | number | Date | null;
  role: VendorRole | null;
  deleted_at: string | number | Date | null;
}

/**
 * The vendor principal of an `Authorization: Bearer sw_vnd_…` header, or null when the header
 * holds no vendor token. It acts with the role of the operator who created it, limited to its
 * scopes; unknown, expired or revoked tokens, and tokens whose creator left the staff, are refused.
 */
export async function authenticateVendorBearer(em: EntityManager, authorization: string | undefined): Promise<StaffViewer | null> {
  const secret = readBearer(authorization);
  if (secret === null || !isVendorSecret(secret)) return null;
  const knex = em.getKnex();
  const row = (await knex('vendor_api_tokens as t')
    .leftJoin('vendor_staff as v', 'v.user_id', 't.created_by_id')
    .leftJoin('users as u', 'u.id', 't.created_by_id')
    .where('t.token_hash', hashSecret(secret))
    .first('t.id', 't.name', 't.scopes', 't.created_by_id', 't.expires_at', 't.revoked_at', 't.last_used_at', 'v.role', 'u.deleted_at')
    .options(preparedAs('seatwise_vendor_token_principal'))) as VendorTokenRow | undefined;
  if (!row) throw new InvalidTokenError(msg('This API token is not valid.'));
  if (row.revoked_at !== null) throw new InvalidTokenError(msg('This API token was revoked.'));
  if (new Date(row.expires_at).getTime() <= Date.now()) throw new InvalidTokenError(msg('This API token has expired.'));
  if (!row.created_by_id || !row.role || row.deleted_at !== null) {
    throw new InvalidTokenError(msg("The operator who created this vendor API token is no longer on the vendor's staff; create a new token."));
  }
  const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
  if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
    await knex('vendor_api_tokens')
      .where('id', row.id)
      .update({ last_used_at: em.getPlatform().processDateProperty(new Date()) });
  }
  return { userId: row.created_by_id, role: row.role, sessionId: null, token: { id: row.id, name: row.name, scopes: parseScopes(row.scopes) } };
}
