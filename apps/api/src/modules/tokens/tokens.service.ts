import {
  type ApiScope,
  ApiTokenKind,
  ApiTokenStatus,
  type ApiToken as ApiTokenType,
  type ApiTokenConnection,
  type ApiTokensFilter,
  type CreateApiTokenInput,
  type CreateApiTokenPayload,
  type PersonRef,
  Role,
} from '@seatwise/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import type { AccountContext } from '../../context.js';
import { ForbiddenError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { User } from '../identity/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { newSecret, parseScopes } from './bearer.js';
import { MAX_ACTIVE_TOKENS, MAX_EXPIRY_DAYS, MAX_NAME_LENGTH, scopeRefusal } from './tokens.rules.js';
import { summaryColumns } from '../audit/audit.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const isAdmin = (role: Role) => role === Role.PRIMARY_ADMIN || role === Role.SECONDARY_ADMIN;

export interface ListApiTokensArgs {
  first?: number | null;
  after?: string | null;
  filter?: ApiTokensFilter | null;
}

/** The tokens a person may see: their own personal tokens and, for admins, the account's service tokens. */
function visibleTokens(ctx: AccountContext): FilterQuery<ApiToken> {
  const own: FilterQuery<ApiToken> = { kind: ApiTokenKind.PERSONAL, owner: ctx.viewer.userId };
  return isAdmin(ctx.viewer.role) ? { $or: [own, { kind: ApiTokenKind.SERVICE }] } : own;
}

function statusWhere(status: ApiTokenStatus, now: Date): FilterQuery<ApiToken> {
  switch (status) {
    case ApiTokenStatus.REVOKED:
      return { revokedAt: { $ne: null } };
    case ApiTokenStatus.EXPIRED:
      return { revokedAt: null, expiresAt: { $lte: now } };
    case ApiTokenStatus.ACTIVE:
      return { revokedAt: null, expiresAt: { $gt: now } };
  }
}

function validateInput(ctx: AccountContext, input: CreateApiTokenInput): { name: string; scopes: ApiScope[] } {
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('name', msg('Give the token a name, so you can recognise it later.'));
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidInputError('name', msg('The name can be at most {max} characters.', { max: MAX_NAME_LENGTH }));
  }
  if (input.kind === ApiTokenKind.SERVICE && !isAdmin(ctx.viewer.role)) {
    throw new ForbiddenError(msg('Only admins can create service tokens.'));
  }
  const scopes = [...new Set(input.scopes)];
  if (!scopes.length) throw new InvalidInputError('scopes', msg('Choose at least one scope.'));
  scopes.forEach((scope, index) => {
    const refusal = scopeRefusal(scope, input.kind, ctx.viewer.role);
    if (refusal) throw new InvalidInputError(`scopes[${index}]`, refusal);
  });
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_EXPIRY_DAYS) {
    throw new InvalidInputError('expiresInDays', msg('expiresInDays must be a whole number from 1 to {max}.', { max: MAX_EXPIRY_DAYS }));
  }
  return { name, scopes };
}

/** Creates a token and returns its secret, once: only its hash is kept. */
export async function createApiToken(ctx: AccountContext, input: CreateApiTokenInput): Promise<CreateApiTokenPayload> {
  const { name, scopes } = validateInput(ctx, input);
  const now = new Date();
  const sameGroup: FilterQuery<ApiToken> =
    input.kind === ApiTokenKind.SERVICE ? { kind: ApiTokenKind.SERVICE } : { kind: ApiTokenKind.PERSONAL, owner: ctx.viewer.userId };
  const active = await ctx.em.find(ApiToken, { $and: [sameGroup, statusWhere(ApiTokenStatus.ACTIVE, now)] }, { fields: ['name'] });
  if (active.some((token) => token.name.toLowerCase() === name.toLowerCase())) {
    throw new InvalidInputError('name', msg('An active token is already called "{name}": choose another name.', { name }));
  }
  if (active.length >= MAX_ACTIVE_TOKENS) {
    throw new InvalidInputError('kind', msg('There can be at most {max} active tokens of this kind: revoke one first.', { max: MAX_ACTIVE_TOKENS }));
  }

  const { secret, prefix, hash } = newSecret(input.kind);
  const account = ctx.em.getReference(Account, ctx.viewer.accountId);
  const creator = ctx.em.getReference(User, ctx.viewer.userId);
  const token = ctx.em.create(ApiToken, {
    account,
    kind: input.kind,
    name,
    tokenHash: hash,
    prefix,
    scopes: scopes.join(' '),
    owner: input.kind === ApiTokenKind.PERSONAL ? creator : null,
    createdBy: creator,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
  });
  // Personal tokens too: a token reaches the account's data, so the account sees it made.
  ctx.em.create(AuditEntry, {
    account,
    actor: creator,
    action: 'api_token.create',
    targetType: 'ApiToken',
    targetId: token.id,
    ...summaryColumns(
      input.kind === ApiTokenKind.SERVICE
        ? msg('Created service token "{name}" with scopes {scopes}.', { name, scopes: scopes.join(', ') })
        : msg('Created personal token "{name}" with scopes {scopes}.', { name, scopes: scopes.join(', ') }),
    ),
    after: { kind: input.kind, scopes, expiresAt: token.expiresAt.toISOString() },
  });
  await ctx.em.flush();
  await ctx.em.populate(token, ['owner', 'createdBy']);
  return { token: toApiToken(token, now), secret };
}

/** A page of the tokens the viewer may see, newest first. */
export async function listApiTokens(ctx: AccountContext, args: ListApiTokensArgs): Promise<ApiTokenConnection> {
  const limit = pageSize(args.first);
  const now = new Date();
  const conditions: FilterQuery<ApiToken>[] = [visibleTokens(ctx)];
  if (args.filter?.kinds?.length) conditions.push({ kind: { $in: args.filter.kinds } });
  if (args.filter?.statuses?.length) conditions.push({ $or: args.filter.statuses.map((status) => statusWhere(status, now)) });
  const where: FilterQuery<ApiToken> = { $and: conditions };
  const total = await ctx.em.count(ApiToken, where);

  const pageConditions = [...conditions];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const createdAt = new Date(cursor.sortValue);
    if (Number.isNaN(createdAt.getTime())) throw new InvalidInputError('after', msg('after is not a cursor of this list.'));
    pageConditions.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: cursor.id } }] });
  }
  const rows = await ctx.em.find(
    ApiToken,
    { $and: pageConditions },
    { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1, populate: ['owner', 'createdBy'] },
  );
  const edges = rows.slice(0, limit).map((token) => ({
    cursor: encodeCursor(token.createdAt.toISOString(), token.id),
    node: toApiToken(token, now),
  }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Revokes a token the viewer may see (idempotent); it stops working at once. */
export async function revokeApiToken(ctx: AccountContext, id: string): Promise<ApiTokenType> {
  const token = await ctx.em.findOne(ApiToken, { $and: [{ id }, visibleTokens(ctx)] }, { populate: ['owner', 'createdBy'] });
  if (!token) throw new NotFoundError('API token', 'id');
  if (!token.revokedAt) {
    token.revokedAt = new Date();
    ctx.em.create(AuditEntry, {
      account: ctx.em.getReference(Account, ctx.viewer.accountId),
      actor: ctx.em.getReference(User, ctx.viewer.userId),
      action: 'api_token.revoke',
      targetType: 'ApiToken',
      targetId: token.id,
      ...summaryColumns(
        token.kind === ApiTokenKind.SERVICE ? msg('Revoked service token "{name}".', { name: token.name }) : msg('Revoked personal token "{name}".', { name: token.name }),
      ),
      before: { kind: token.kind },
    });
    await ctx.em.flush();
  }
  return toApiToken(token, new Date());
}

const toPerson = (user: User | null): PersonRef | null =>
  user ? { id: user.id, name: `${user.firstName} ${user.lastName}`, email: user.email } : null;

function toApiToken(token: ApiToken, now: Date): ApiTokenType {
  const status = token.revokedAt
    ? ApiTokenStatus.REVOKED
    : token.expiresAt.getTime() <= now.getTime()
      ? ApiTokenStatus.EXPIRED
      : ApiTokenStatus.ACTIVE;
  return {
    id: token.id,
    kind: token.kind,
    name: token.name,
    prefix: token.prefix,
    scopes: parseScopes(token.scopes),
    status,
    owner: toPerson(token.owner),
    createdBy: toPerson(token.createdBy),
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
