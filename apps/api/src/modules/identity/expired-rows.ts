import type { EntityManager } from '@mikro-orm/knex';
import { EmailChange } from './account-security/email-change.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { Session } from './session.entity.js';
import { StaffSession } from './staff/staff-session.entity.js';
import { SignInChallenge } from './two-step/sign-in-challenge.entity.js';

const everywhere = { filters: false } as const;

/**
 * Deletes what stopped working at its `expiresAt`: sessions of customers and of vendor staff,
 * pending 2-step sign-ins, password-reset links and e-mail change confirmations. None is read once
 * expired, so this only keeps the tables (and the hashes in them) from growing. Returns how many.
 */
export async function deleteExpiredIdentityRows(em: EntityManager, now: Date): Promise<number> {
  const expired = { expiresAt: { $lt: now } };
  let deleted = 0;
  for (const entity of [Session, StaffSession, SignInChallenge, PasswordResetToken, EmailChange]) {
    deleted += await em.nativeDelete(entity, expired, everywhere);
  }
  return deleted;
}
