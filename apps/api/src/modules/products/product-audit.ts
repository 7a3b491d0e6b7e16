import type { EntityManager } from '@mikro-orm/knex';
import { Account } from '../accounts/account.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { User } from '../identity/user.entity.js';

export interface ProductAuditEvent {
  accountId: string;
  actorId: string;
  /** e.g. `download.file`, `licence.network`, `licence.home-use`, `package.create`, `trial.start`. */
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  after?: Record<string, unknown>;
}

/** Adds an audit entry to the unit of work; it is written with the caller's flush (same transaction). */
export function recordProductAudit(em: EntityManager, event: ProductAuditEvent): void {
  em.create(AuditEntry, {
    account: em.getReference(Account, event.accountId),
    actor: em.getReference(User, event.actorId),
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary.slice(0, 500),
    after: event.after ?? null,
  });
}
