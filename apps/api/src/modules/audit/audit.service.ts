import type { EntityManager } from '@mikro-orm/knex';
import { Language } from '@seatwise/schema';
import type { CustomerAuditAction } from '@seatwise/schema/client';
import { inTransaction } from '../../common/transaction.js';
import { isPostgres } from '../../db/database.js';
import type { AccountContext } from '../../context.js';
import { type Message, msg, render } from '../../i18n/messages.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { type AuditMessage, AuditEntry } from './audit-entry.entity.js';

/** `AuditEntry.actorKind` of what the account's directory did through SCIM. */
export const DIRECTORY_ACTOR = 'DIRECTORY';
/** `AuditEntry.actorKind` of what a reclaim policy did through its scheduled job. */
export const POLICY_ACTOR = 'POLICY';
/** `AuditEntry.actorKind` of what single sign-on did on its own (a member made just in time, a sign-in linked, teams from group claims). */
export const SSO_ACTOR = 'SINGLE_SIGN_ON';

export interface AuditInput {
  /** Stable action name: `<target>.<verb>`, one of `customerAuditActions` (`@seatwise/schema/client`). */
  action: CustomerAuditAction;
  targetType: string;
  targetId?: string | null;
  /**
   * The log's line (the action name when omitted). A `Message` is kept with its values and rendered
   * in the reader's language when read (`summary` keeps its English for search and old readers);
   * a plain string is kept as written, in English.
   */
  summary?: string | Message;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The stored line: English in `summary`, and a catalogue message with its values to render when read. */
export function summaryColumns(summary: string | Message): { summary: string; summaryMessage: AuditMessage | null } {
  if (typeof summary === 'string') return { summary: summary.slice(0, 500), summaryMessage: null };
  return { summary: render(summary, Language.EN).slice(0, 500), summaryMessage: { text: summary.text, values: { ...summary.values } } };
}

/** An entry's line in `language`: its message rendered when it has one, else the English it was written with. */
export function summaryIn(summary: string, message: AuditMessage | string | null | undefined, language: Language): string {
  if (!message) return summary;
  const stored = typeof message === 'string' ? (JSON.parse(message) as AuditMessage) : message;
  // A deleted person's name or address was replaced in the values (`forgetPersonInAudit`): in the reader's words too.
  const deleted = render(msg('a deleted person'), language);
  const values = Object.fromEntries(
    Object.entries(stored.values).map(([key, value]) => [key, typeof value === 'string' ? value.replaceAll(DELETED_PERSON, deleted) : value]),
  );
  // The stored text is a catalogue key: the literal the entry was written with.
  const line: Message = { text: stored.text, values: values as Message['values'] };
  return render(line, language);
}

/**
 * Records one admin action. Call it with the context of the action's own transaction (the one
 * `inTransaction` gives), so the entry commits with the action or not at all.
 */
export function recordAudit(ctx: AccountContext, input: AuditInput): AuditEntry {
  return ctx.em.create(AuditEntry, {
    account: ctx.em.getReference(Account, ctx.viewer.accountId),
    // What the directory did (SCIM) is its own, not the admin's who made the SCIM token.
    // Likewise what a reclaim policy did is the policy's, not the admin's who switched it on.
    actor: ctx.viewer.directory || ctx.viewer.policyId ? null : ctx.em.getReference(User, ctx.viewer.userId),
    actorKind: ctx.viewer.directory ? DIRECTORY_ACTOR : ctx.viewer.policyId ? POLICY_ACTOR : null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    ...summaryColumns(input.summary ?? input.action),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/**
 * An entry of what single sign-on did at a sign-in (no person acts: the provider's claims did it),
 * by account id, added to the caller's unit of work.
 */
export function recordSsoAudit(em: EntityManager, accountId: string, input: AuditInput): AuditEntry {
  return em.create(AuditEntry, {
    account: em.getReference(Account, accountId),
    actor: null,
    actorKind: SSO_ACTOR,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    ...summaryColumns(input.summary ?? input.action),
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
    ...summaryColumns(input.summary ?? input.action),
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
  action: CustomerAuditAction;
  targetType: string;
  targetId: string;
  summary: string | Message;
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
    ...summaryColumns(event.summary),
    after: event.after ?? null,
  });
}

/** What old entries say instead of a deleted person's name or address. */
export const DELETED_PERSON = 'a deleted person';

/** Every mention (case-insensitive) in a string, or in the strings of a JSON value, replaced. */
function withoutMentions<T>(value: T, mentions: RegExp): T {
  if (typeof value === 'string') return value.replace(mentions, DELETED_PERSON) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutMentions(item, mentions)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutMentions(item, mentions)])) as T;
  }
  return value;
}

/** One pattern matching any of `texts` (case-insensitive), or null for none. */
function anyOf(texts: string[]): RegExp | null {
  const distinct = [...new Set(texts.map((text) => text.trim()).filter((text) => text.length >= 3))];
  return distinct.length ? new RegExp(distinct.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : null;
}

/**
 * A person deleted their sign-in: the audit entries of every account that name them keep what
 * happened but no longer say who. Their addresses go from every entry that has them; their names
 * (which another person may share) from the entries about them or by them. `emails` and `names`
 * are every address and full name the accounts knew them by. In the caller's transaction;
 * returns how many entries changed.
 */
export async function forgetPersonInAudit(em: EntityManager, userId: string, known: { emails: string[]; names: string[] }): Promise<number> {
  const emails = anyOf(known.emails);
  const everything = anyOf([...known.emails, ...known.names]);
  if (!emails || !everything) return 0;
  const addresses = [...new Set(known.emails.map((email) => email.trim().toLowerCase()))];
  // Case-insensitive on both: SQLite's LIKE is already (and has no ILIKE). LIKE's wildcards in an
  // address only widen the search: the patterns decide what changes.
  const like = isPostgres(em) ? '$ilike' : '$like';
  const entries = await em.find(
    AuditEntry,
    { $or: [{ targetId: userId }, { actor: userId }, ...addresses.map((email) => ({ summary: { [like]: `%${email}%` } }))] },
    { filters: false },
  );
  let changed = 0;
  for (const entry of entries) {
    const pattern = entry.targetId === userId || entry.actor?.id === userId ? everything : emails;
    const summary = withoutMentions(entry.summary, pattern);
    const summaryMessage = withoutMentions(entry.summaryMessage, pattern);
    const before = withoutMentions(entry.before, pattern);
    const after = withoutMentions(entry.after, pattern);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (summary === entry.summary && same(summaryMessage, entry.summaryMessage) && same(before, entry.before) && same(after, entry.after)) continue;
    Object.assign(entry, { summary, summaryMessage, before, after });
    changed += 1;
  }
  return changed;
}
