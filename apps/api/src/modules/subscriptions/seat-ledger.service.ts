import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { SeatLedgerActor, SeatLedgerEvent, type SeatLedgerReason } from '@seatwise/schema';
import { connectionOf, cursorValue, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { fragment, inAccount, query, run as runStatement, sql, type SqlText } from '../../common/sql.js';
import { dbDate, execute, run, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import type { RemovedMembership } from './seat-ledger.entity.js';

/** How long an unassignment or a removal can be undone. */
export const SEAT_UNDO_DAYS = 14;
const DAY_MS = 86_400_000;

/** Reasons whose UNASSIGN and MEMBER_REMOVE entries an admin may undo (not the directory's, not a deleted sign-in). */
export const UNDOABLE_REASONS: readonly SeatLedgerReason[] = ['UNASSIGN', 'REMOVE', 'RECLAIM'];

/**
 * The operation a request is part of: its entries share one action id, so a bulk unassign or a
 * removal is undone as one. A bulk action sets it once on its context (`withSeatAction`); the
 * single-person functions it calls inherit it through their nested transactions.
 */
export interface SeatAction {
  id: string;
}
type WithAction = { seatAction?: SeatAction };

/** The context with an action of its own, unless it is already part of one. */
export function withSeatAction<C extends AccountContext>(ctx: C): C & WithAction {
  return (ctx as C & WithAction).seatAction ? ctx : { ...ctx, seatAction: { id: randomUUID() } };
}

/** The action id of the context, or a new one for a change made on its own. */
export const seatActionOf = (ctx: AccountContext): string => (ctx as AccountContext & WithAction).seatAction?.id ?? randomUUID();

/** One line to write; `event` and `reason` say what and why, the actor comes from the context. */
export interface LedgerLine {
  event: SeatLedgerEvent;
  reason: SeatLedgerReason;
  userId: string | null;
  subscriptionId?: string | null;
  subscriptionName?: string | null;
  seatId?: string | null;
  membership?: RemovedMembership | null;
  restoresId?: string | null;
}

interface Actor {
  kind: SeatLedgerActor;
  actorId: string | null;
  tokenId: string | null;
  policyId?: string | null;
}

/** Who acts in the context: a reclaim policy, the directory (SCIM), an API token (and its owner), or the signed-in person. */
function actorOf(ctx: AccountContext): Actor {
  if (ctx.viewer.policyId) return { kind: SeatLedgerActor.POLICY, actorId: null, tokenId: null, policyId: ctx.viewer.policyId };
  if (ctx.viewer.directory) return { kind: SeatLedgerActor.DIRECTORY, actorId: null, tokenId: null };
  if (ctx.viewer.token) return { kind: SeatLedgerActor.TOKEN, actorId: ctx.viewer.userId, tokenId: ctx.viewer.token.id };
  return { kind: SeatLedgerActor.PERSON, actorId: ctx.viewer.userId, tokenId: null };
}

const COLUMNS =
  'id, created_at, account_id, action_id, event, reason, user_id, subscription_id, subscription_name, seat_id, membership, actor_kind, actor_id, token_id, undone_at, restores_id, policy_id';

/** Writes lines by account id in `em`'s transaction; the low level of `recordSeatChanges` and of account deletion. */
export async function writeLedgerRows(em: EntityManager, accountId: string, actionId: string, actor: Actor, lines: LedgerLine[], at = new Date()): Promise<string[]> {
  const ids: string[] = [];
  const when = em.getPlatform().processDateProperty(at);
  for (const line of lines) {
    const id = randomUUID();
    ids.push(id);
    await runStatement(
      em,
      sql`insert into seat_ledger (${fragment(COLUMNS)}) values (${[
        id,
        when,
        accountId,
        actionId,
        line.event,
        line.reason,
        line.userId,
        line.subscriptionId ?? null,
        line.subscriptionName ?? null,
        line.seatId ?? null,
        line.membership ? JSON.stringify(line.membership) : null,
        actor.kind,
        actor.actorId,
        actor.tokenId,
        null,
        line.restoresId ?? null,
        actor.policyId ?? null,
      ]})`,
    );
  }
  return ids;
}

/**
 * Records seat changes (and removals) of the context's account, in its transaction, with the
 * context's actor and action. The one writer of the ledger for requests: `seats.service.ts`
 * calls it wherever a seat is assigned, unassigned or restored.
 */
export async function recordSeatChanges(tx: AccountContext, lines: LedgerLine[]): Promise<{ actionId: string; ids: string[] }> {
  const actionId = seatActionOf(tx);
  if (!lines.length) return { actionId, ids: [] };
  const ids = await writeLedgerRows(tx.em, tx.viewer.accountId, actionId, actorOf(tx), lines, tx.config.now());
  return { actionId, ids };
}

/**
 * The rows `recordSeatChanges` would write, for a caller that batches its inserts (the CSV
 * import writes thousands of seats with multi-row inserts): same actor, same action.
 */
export function seatChangeRecords(tx: AccountContext, lines: LedgerLine[], at: Date): Record<string, unknown>[] {
  const actionId = seatActionOf(tx);
  const actor = actorOf(tx);
  const when = dbDate(tx, at);
  return lines.map((line) => ({
    id: randomUUID(),
    created_at: when,
    account_id: tx.viewer.accountId,
    action_id: actionId,
    event: line.event,
    reason: line.reason,
    user_id: line.userId,
    subscription_id: line.subscriptionId ?? null,
    subscription_name: line.subscriptionName ?? null,
    seat_id: line.seatId ?? null,
    membership: line.membership ? JSON.stringify(line.membership) : null,
    actor_kind: actor.kind,
    actor_id: actor.actorId,
    token_id: actor.tokenId,
    undone_at: null,
    restores_id: line.restoresId ?? null,
    policy_id: actor.policyId ?? null,
  }));
}

/** What account deletion writes: the person's own seats released, in each account (no request context there). */
export async function recordSeatsReleasedBySelf(
  em: EntityManager,
  userId: string,
  seats: { accountId: string; subscriptionId: string; subscriptionName: string; seatId: string }[],
): Promise<void> {
  const actionId = randomUUID();
  for (const seat of seats) {
    await writeLedgerRows(em, seat.accountId, actionId, { kind: SeatLedgerActor.PERSON, actorId: userId, tokenId: null }, [
      { event: SeatLedgerEvent.UNASSIGN, reason: 'ACCOUNT_DELETION', userId, subscriptionId: seat.subscriptionId, subscriptionName: seat.subscriptionName, seatId: seat.seatId },
    ]);
  }
}

export interface LedgerRow {
  id: string;
  created_at: string | number | Date;
  action_id: string;
  event: SeatLedgerEvent;
  reason: SeatLedgerReason;
  user_id: string | null;
  subscription_id: string | null;
  subscription_name: string | null;
  seat_id: string | null;
  membership: string | RemovedMembership | null;
  actor_kind: SeatLedgerActor;
  actor_id: string | null;
  token_id: string | null;
  undone_at: string | number | Date | null;
  restores_id: string | null;
  policy_id: string | null;
}

export const membershipOf = (row: LedgerRow): RemovedMembership | null =>
  row.membership === null ? null : typeof row.membership === 'string' ? (JSON.parse(row.membership) as RemovedMembership) : row.membership;

/** Until when an entry can be undone; null when it cannot be (any more, or ever). */
export function undoableUntil(row: LedgerRow, now: Date): Date | null {
  if (row.undone_at !== null || !UNDOABLE_REASONS.includes(row.reason)) return null;
  if (row.event !== SeatLedgerEvent.UNASSIGN && row.event !== SeatLedgerEvent.MEMBER_REMOVE) return null;
  const until = new Date(toDate(row.created_at).getTime() + SEAT_UNDO_DAYS * DAY_MS);
  return until > now ? until : null;
}

/** The entries of an action (`actionId`) or one entry (`id`), in the order written. */
export async function ledgerEntries(tx: AccountContext, where: { actionId: string } | { id: string }): Promise<LedgerRow[]> {
  const match: SqlText = 'actionId' in where ? sql`action_id = ${where.actionId}` : sql`id = ${where.id}`;
  return execute<LedgerRow>(tx, sql`select ${fragment(COLUMNS)} from seat_ledger where ${inAccount(tx)} and ${match} order by created_at, id`);
}

/**
 * Marks an entry undone if nobody has yet: the conditional UPDATE is the claim, so of two undos at
 * once only one restores (on PostgreSQL the second waits for the first's row lock, then matches
 * nothing). Returns whether this caller won it.
 */
export async function claimUndo(tx: AccountContext, entryId: string): Promise<boolean> {
  const touched = await run(tx, sql`update seat_ledger set undone_at = ${dbDate(tx, tx.config.now())} where id = ${entryId} and ${inAccount(tx)} and undone_at is null`);
  return touched === 1;
}

/** A page of the ledger, the latest first. */
export async function ledgerPage(
  ctx: AccountContext,
  filter: { userId?: string | null; actionId?: string | null },
  page: { first?: number | null; after?: string | null },
): Promise<{ rows: LedgerRow[]; connection: ReturnType<typeof connectionOf<LedgerRow, LedgerRow>> }> {
  const limit = pageSize(page.first);
  const where: SqlText[] = [inAccount(ctx, 'l')];
  if (filter.userId) where.push(sql`l.user_id = ${filter.userId}`);
  if (filter.actionId) where.push(sql`l.action_id = ${filter.actionId}`);
  const base = where.reduce((all, part) => sql`${all} and ${part}`);
  let paged = base;
  if (page.after) {
    const cursor = decodeCursor(page.after);
    paged = sql`${base} and (l.created_at < ${cursor.sortValue} or (l.created_at = ${cursor.sortValue} and l.id < ${cursor.id}))`;
  }
  const [rows, counts] = await Promise.all([
    query<LedgerRow>(ctx.em, sql`select ${fragment(COLUMNS.split(', ').map((column) => `l.${column}`).join(', '))} from seat_ledger l where ${paged} order by l.created_at desc, l.id desc limit ${limit + 1}`),
    query<{ total: number | string }>(ctx.em, sql`select count(*) as total from seat_ledger l where ${base}`),
  ]);
  const connection = connectionOf(rows, { limit, after: page.after, totalCount: Number(counts[0]?.total ?? 0) }, (row) => encodeCursor(cursorValue(row.created_at), row.id), (row) => row);
  return { rows: rows.slice(0, limit), connection };
}

/**
 * The seats reclaim policies took back since `since`, and the undos that gave them back: when each
 * happened, for the reclaimed-per-month figures (reclaim policies page).
 */
export async function reclaimsAndRestores(ctx: AccountContext, since: Date): Promise<{ created_at: string | number | Date; event: SeatLedgerEvent }[]> {
  const from = dbDate(ctx, since);
  return execute(
    ctx,
    sql`select l.created_at, l.event from seat_ledger l where ${inAccount(ctx, 'l')} and l.created_at >= ${from} and (
      (l.event = 'UNASSIGN' and l.reason = 'RECLAIM')
      or (l.event = 'RESTORE' and l.restores_id in (select r.id from seat_ledger r where ${inAccount(ctx, 'r')} and r.reason = 'RECLAIM')))`,
  );
}
