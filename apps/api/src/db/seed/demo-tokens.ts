import type { EntityManager } from '@mikro-orm/knex';
import { ApiScope, ApiTokenKind } from '@seatwise/schema';
import type { Account } from '../../modules/accounts/account.entity.js';
import type { User } from '../../modules/identity/user.entity.js';
import { ApiToken } from '../../modules/tokens/api-token.entity.js';
import { newSecret } from '../../modules/tokens/bearer.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Developer settings with something in them: a service token the usage collector uses every day
 * and a personal token the admin revoked. Their secrets are random and thrown away: nobody can use
 * them, so demo mode opens no door.
 */
export function seedDemoTokens(em: EntityManager, account: Account, admin: User, today: Date): void {
  const at = (days: number) => new Date(today.getTime() + days * DAY_MS);
  const token = (kind: ApiTokenKind, name: string, scopes: ApiScope[], dates: Partial<ApiToken> & { createdAt: Date; expiresAt: Date }) => {
    const { hash, prefix } = newSecret(kind);
    em.create(ApiToken, {
      account,
      kind,
      name,
      tokenHash: hash,
      prefix,
      scopes: scopes.join(' '),
      owner: kind === ApiTokenKind.PERSONAL ? admin : null,
      createdBy: admin,
      ...dates,
    });
  };
  token(ApiTokenKind.SERVICE, 'Usage collector', [ApiScope.INGEST_USAGE], {
    createdAt: at(-80),
    expiresAt: at(285),
    lastUsedAt: at(-1),
  });
  token(ApiTokenKind.PERSONAL, 'Old laptop script', [ApiScope.READ_USERS, ApiScope.READ_SEATS], {
    createdAt: at(-60),
    expiresAt: at(30),
    lastUsedAt: at(-45),
    revokedAt: at(-40),
  });
}
