import {
  MembershipStatus,
  Role,
  type SeatLedgerEntry as SeatLedgerEntryType,
  type SeatLedgerEntryConnection,
  SeatLedgerEvent,
  type SeatLedgerFilter,
  type UndoSeatChangeInput,
  type UndoSeatChangeResult,
} from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { inTransaction, run, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  claimUndo,
  ledgerEntries,
  type LedgerRow,
  ledgerPage,
  membershipOf,
  recordSeatChanges,
  SEAT_UNDO_DAYS,
  seatActionOf,
  UNDOABLE_REASONS,
  undoableUntil,
  withSeatAction,
} from '../subscriptions/seat-ledger.service.js';
import { restoreSeat } from '../subscriptions/seats.service.js';
import { Team } from '../teams/team.entity.js';
import { Membership } from './membership.entity.js';

const isUndoable = (row: LedgerRow) =>
  (row.event === SeatLedgerEvent.UNASSIGN || row.event === SeatLedgerEvent.MEMBER_REMOVE) && UNDOABLE_REASONS.includes(row.reason);

function toEntry(row: LedgerRow, emails: Map<string, string>, now: Date): SeatLedgerEntryType {
  const membership = membershipOf(row);
  return {
    id: row.id,
    actionId: row.action_id,
    event: row.event,
    reason: row.reason,
    userId: row.user_id,
    email: row.user_id ? (emails.get(row.user_id) ?? null) : null,
    subscriptionId: row.subscription_id,
    subscriptionName: row.subscription_name,
    seatId: row.seat_id,
    role: membership?.role ?? null,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    tokenId: row.token_id,
    policyId: row.policy_id,
    createdAt: toDate(row.created_at),
    undoneAt: row.undone_at === null ? null : toDate(row.undone_at),
    undoableUntil: undoableUntil(row, now),
  };
}

/** The account's emails of the people of these rows (a person who deleted their sign-in has none). */
async function emailsOf(ctx: AccountContext, rows: LedgerRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.user_id).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const found = await ctx.em.find(Membership, { user: { $in: ids } }, { fields: ['email', 'user'] });
  return new Map(found.map((membership) => [membership.user.id, membership.email]));
}

/** The seat ledger of the account, the latest first (admins). */
export async function seatLedger(ctx: AccountContext, filter: SeatLedgerFilter | null | undefined, page: { first?: number | null; after?: string | null }): Promise<SeatLedgerEntryConnection> {
  const { rows, connection } = await ledgerPage(ctx, filter ?? {}, page);
  const emails = await emailsOf(ctx, rows);
  const now = ctx.config.now();
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toEntry(edge.node, emails, now) })) };
}

/** Brings a removed person back with the role, status and team they had; their revoked invitations are pending again. */
async function restoreMember(tx: AccountContext, row: LedgerRow, field: string): Promise<boolean> {
  const before = membershipOf(row)!;
  const membership = row.user_id ? await tx.em.findOne(Membership, { user: row.user_id }) : null;
  if (!membership) throw new NotFoundError('User', field);
  const team = before.teamId ? await tx.em.findOne(Team, { id: before.teamId }) : null;
  // Never the primary admin (who cannot be removed); a person invited or active again meanwhile stays as they are.
  const role = before.role === Role.PRIMARY_ADMIN ? Role.SECONDARY_ADMIN : before.role;
  const status = before.status === MembershipStatus.INVITED ? MembershipStatus.INVITED : MembershipStatus.ACTIVE;
  const touched = await run(
    tx,
    sql`update memberships set status = ${status}, role = ${role}, team_id = ${team?.id ?? null}, version = version + 1
     where ${inAccount(tx)} and user_id = ${row.user_id} and status = 'INACTIVE'`,
  );
  if (touched !== 1) return false;
  if (before.invitationIds.length) {
    await run(tx, sql`update invitations set status = 'PENDING' where ${inAccount(tx)} and id in (${before.invitationIds}) and status = 'REVOKED'`);
  }
  recordAudit(tx, {
    action: 'user.restore',
    targetType: 'user',
    targetId: row.user_id,
    summary: msg('Undid the removal of {email}', { email: membership.email }),
    before: { status: MembershipStatus.INACTIVE },
    after: { status, role, team: team?.name ?? null },
  });
  await recordSeatChanges(tx, [{ event: SeatLedgerEvent.MEMBER_RESTORE, reason: 'UNDO', userId: row.user_id, membership: before, restoresId: row.id }]);
  await tx.em.flush();
  return true;
}

/**
 * Undoes an unassignment or a removal (a whole action, or one entry) within SEAT_UNDO_DAYS: the
 * person back with their role and team, then the same seats, each only if still free (SEAT_TAKEN
 * naming the subscription otherwise, and nothing is restored). Each entry is claimed by a
 * conditional update, so parallel undos restore once (ALREADY_UNDONE for the others).
 */
export async function undoSeatChange(ctx: AccountContext, input: UndoSeatChangeInput): Promise<UndoSeatChangeResult> {
  if (Boolean(input.actionId) === Boolean(input.entryId)) {
    throw new InvalidInputError(input.actionId ? 'entryId' : 'actionId', msg('Give either actionId or entryId, not both.'));
  }
  const field = input.actionId ? 'actionId' : 'entryId';
  return inTransaction(withSeatAction(ctx), async (tx) => {
    const rows = await ledgerEntries(tx, input.actionId ? { actionId: input.actionId } : { id: input.entryId! });
    if (!rows.length) throw new NotFoundError('Seat ledger entry', field);
    const undoable = rows.filter(isUndoable);
    if (!undoable.length) throw new AppError('NOT_UNDOABLE', msg('Only an unassignment or a removal made in Seatwise can be undone.'), field);
    const open = undoable.filter((row) => row.undone_at === null);
    if (!open.length) throw new AppError('ALREADY_UNDONE', msg('This change was undone already.'), field);
    const now = tx.config.now();
    if (open.some((row) => undoableUntil(row, now) === null)) {
      throw new AppError('UNDO_EXPIRED', msg('This change is more than {days} days old and can no longer be undone.', { days: SEAT_UNDO_DAYS }), field);
    }
    let claimed = 0;
    for (const row of open.filter((entry) => entry.event === SeatLedgerEvent.MEMBER_REMOVE)) {
      if (!(await claimUndo(tx, row.id))) continue;
      claimed += 1;
      await restoreMember(tx, row, field);
    }
    for (const row of open.filter((entry) => entry.event === SeatLedgerEvent.UNASSIGN)) {
      if (!(await claimUndo(tx, row.id))) continue;
      claimed += 1;
      const member = await tx.em.findOne(Membership, { user: row.user_id!, status: { $in: [MembershipStatus.ACTIVE, MembershipStatus.INVITED] } });
      if (!member) {
        throw new AppError('UNDO_REMOVAL_FIRST', msg('This person was removed from the account: undo the removal to give their seats back.'), field);
      }
      await restoreSeat(tx, {
        seatId: row.seat_id!,
        subscriptionId: row.subscription_id!,
        subscriptionName: row.subscription_name ?? '',
        userId: row.user_id!,
        restoresId: row.id,
        field,
      });
    }
    if (claimed === 0) throw new AppError('ALREADY_UNDONE', msg('This change was undone already.'), field);
    const actionId = seatActionOf(tx);
    const written = await ledgerEntries(tx, { actionId });
    const emails = await emailsOf(tx, written);
    return { actionId, restored: written.map((row) => toEntry(row, emails, now)) };
  });
}
