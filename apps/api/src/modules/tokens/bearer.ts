import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { ApiScope, ApiTokenKind, CustomerStatus, MembershipStatus, Role } from '@seatwise/schema';
import type { Viewer } from '../../context.js';
import { preparedAs } from '../../db/database.js';
import { AppError, type Message, msg } from '../../errors.js';
import { customerRefusal } from '../accounts/customer-status.rules.js';

/** Written once per minute at most, like a session's last-seen time: reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;
const PREFIX_LENGTH = 11;
/** A customer token's kind, or `VENDOR` for the vendor's service tokens (`modules/vendor/vendor-tokens.service.ts`). */
export type SecretKind = ApiTokenKind | 'VENDOR';
export const secretPrefixes: Record<SecretKind, string> = {
  [ApiTokenKind.PERSONAL]: 'sw_pat_',
  [ApiTokenKind.SERVICE]: 'sw_svc_',
  VENDOR: 'sw_vnd_',
};

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new secret: a recognisable prefix (secret scanners can match it) and 256 random bits. */
export function newSecret(kind: SecretKind): { secret: string; prefix: string; hash: string } {
  const secret = `${secretPrefixes[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashSecret(secret) };
}

/** Who an API token acts for: the account, the person (or, for a service token, its creator), its scopes. */
export interface TokenPrincipal extends Viewer {
  token: NonNullable<Viewer['token']>;
  sessionId: null;
}

export class InvalidTokenError extends AppError {
  constructor(message: Message) {
    super('UNAUTHENTICATED', message);
  }
}

/**
 * The secret of an `Authorization: Bearer <secret>` header; null without one. Other schemes (a
 * proxy's Basic authentication) are not Seatwise's and are left alone.
 */
export function readBearer(authorization: string | undefined): string | null {
  if (!authorization || !/^Bearer\b/i.test(authorization)) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidTokenError(msg('The Authorization header must be "Bearer <token>".'));
  return match[1];
}

/** A vendor service token's secret, by its prefix: `createContext` hands it to the vendor module. */
export const isVendorSecret = (secret: string) => secret.startsWith(secretPrefixes.VENDOR);

interface TokenRow {
  id: string;
  account_id: string;
  kind: ApiTokenKind;
  scopes: string;
  owner_id: string | null;
  created_by_id: string | null;
  expires_at: string | number | Date;
  revoked_at: string | number | Date | null;
  last_used_at: string | number | Date | null;
  role: Role | null;
  membership_status: MembershipStatus | null;
  account_status: CustomerStatus;
}

/**
 * Resolves an `Authorization` header to the principal its token acts for, or null when there is
 * no header. A token that is unknown, expired or revoked, or whose owner has left the account, is
 * refused with UNAUTHENTICATED. GraphQL and the REST routes (usage ingestion) both use this.
 */
export async function authenticateBearer(em: EntityManager, authorization: string | undefined): Promise<TokenPrincipal | null> {
  const secret = readBearer(authorization);
  if (secret === null) return null;
  if (isVendorSecret(secret)) throw new InvalidTokenError(msg('This is a vendor API token: it reaches the vendor\'s operations only, never a customer account\'s.'));
  const knex = em.getKnex();
  const row: TokenRow | undefined = await knex('api_tokens as t')
    .leftJoin('memberships as m', function () {
      this.on('m.account_id', 't.account_id').andOn('m.user_id', 't.owner_id');
    })
    .join('accounts as a', 'a.id', 't.account_id')
    .where('t.token_hash', hashSecret(secret))
    .first(
      'a.status as account_status',
      't.id',
      't.account_id',
      't.kind',
      't.scopes',
      't.owner_id',
      't.created_by_id',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'm.role',
      'm.status as membership_status',
    )
    .options(preparedAs('seatwise_token_principal_v2'));
  if (!row) throw new InvalidTokenError(msg('This API token is not valid.'));
  if (row.revoked_at !== null) throw new InvalidTokenError(msg('This API token was revoked.'));
  if (new Date(row.expires_at).getTime() <= Date.now()) throw new InvalidTokenError(msg('This API token has expired.'));
  if (row.account_status !== CustomerStatus.ACTIVE) throw new InvalidTokenError(customerRefusal(row.account_status));

  const personal = row.kind === ApiTokenKind.PERSONAL;
  const userId = personal ? row.owner_id : row.created_by_id;
  if (personal && (row.membership_status !== MembershipStatus.ACTIVE || !row.role)) {
    throw new InvalidTokenError(msg('The owner of this API token is no longer an active member of the account.'));
  }
  if (!userId) throw new InvalidTokenError(msg('The person who created this API token was deleted; create a new token.'));

  const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
  if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
    await knex('api_tokens')
      .where('id', row.id)
      .update({ last_used_at: em.getPlatform().processDateProperty(new Date()) });
  }
  return {
    userId,
    accountId: row.account_id,
    role: personal ? row.role! : Role.SECONDARY_ADMIN,
    sessionId: null,
    token: { id: row.id, kind: row.kind, scopes: parseScopes(row.scopes) },
  };
}

const knownScopes = new Set<string>(Object.values(ApiScope));

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(' ').filter((scope): scope is ApiScope => knownScopes.has(scope));
}

/** For REST routes: refuses a principal whose token lacks the scope (INSUFFICIENT_SCOPE). */
export function requireTokenScope(principal: TokenPrincipal, scope: ApiScope): void {
  if (!principal.token.scopes.includes(scope)) {
    throw new AppError('INSUFFICIENT_SCOPE', msg('This token lacks the scope {scope}, which this endpoint needs.', { scope }), undefined, {
      requiredScope: scope,
    });
  }
}

/**
 * For REST routes: the principal of a Bearer header whose token has the scope, with `em`'s tenant
 * filter bound to the token's account; null without a Bearer header.
 */
export async function authorizeBearer(em: EntityManager, authorization: string | undefined, scope: ApiScope): Promise<TokenPrincipal | null> {
  const principal = await authenticateBearer(em, authorization);
  if (!principal) return null;
  requireTokenScope(principal, scope);
  em.setFilterParams('tenant', { accountId: principal.accountId });
  return principal;
}
