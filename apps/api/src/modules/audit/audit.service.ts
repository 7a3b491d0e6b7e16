import type { EntityManager } from '@mikro-orm/knex';
import { Language } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { type Message, msg, render } from '../../i18n/messages.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditInput {
  /** Stable action name: `<target>.<verb>`, e.g. `user.invite`, `seat.assign`, `team.rename`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /**
   * One English line for the log (the action name when omitted). A `Message` is written in English
   * from the catalogues, plural forms included; the log keeps what was written.
   */
  summary?: string | Message;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Records one admin action. Call it with the context of the action's own transaction (the one
 * `inTransaction` gives), so the entry commits with the action or not at all.
 */
export function recordAudit(ctx: AccountContext, input: AuditInput): AuditEntry {
  return ctx.em.create(AuditEntry, {
    account: ctx.em.getReference(Account, ctx.viewer.accountId),
    actor: ctx.em.getReference(User, ctx.viewer.userId),
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    summary: (typeof input.summary === 'object' ? render(input.summary, Language.EN) : (input.summary ?? input.action)).slice(0, 500),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/**
 * An entry of something Seatwise did by itself or the vendor did from outside the account (the
 * expiry of a subscription at the end of its last day, a change made in the Vendor console), by
 * account id; `actorId` null when no person did it. Added to the caller's unit of work.
 */
export function recordAccountAudit(em: EntityManager, accountId: string, actorId: string | null, input: AuditInput): AuditEntry {
  return em.create(AuditEntry, {
    account: em.getReference(Account, accountId),
    actor: actorId ? em.getReference(User, actorId) : null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    summary: (typeof input.summary === 'object' ? render(input.summary, Language.EN) : (input.summary ?? input.action)).slice(0, 500),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/**
 * The `report.export` entry of a file about to be sent, in its own transaction: committed before
 * the first byte goes out, so no file reaches an admin without its entry.
 */
export async function recordExport(ctx: AccountContext, report: string, file: string, rows: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    recordAudit(tx, {
      action: 'report.export',
      targetType: 'report',
      targetId: report,
      summary: msg('Exported {file} ({count} rows)', { file, count: rows }),
      after: { file, rows },
    });
  });
}

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

/**
 * The same entry for actions a signed link or a token starts (downloads, licences, packages,
 * trials), by ids rather than the request's viewer. Adds it to the unit of work; it is written
 * with the caller's flush (same transaction).
 */
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
