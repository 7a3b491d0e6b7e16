import type { CustomerAuditAction } from '@seatwise/schema/client';
import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { ImportRowStatus, type Language, MembershipStatus, SeatLedgerEvent, WebhookEventType } from '@seatwise/schema';
import { chunks } from '../../../common/batches.js';
import { type Message, msg } from '../../../i18n/messages.js';
import { summaryColumns } from '../../audit/audit.service.js';
import { inAccount, sql } from '../../../common/sql.js';
import { dbDate, run } from '../../../common/transaction.js';
import type { AccountContext } from '../../../context.js';
import { hashToken, newToken } from '../../identity/session.service.js';
import { INVITATION_DAYS } from '../invitation.entity.js';
import { sortNameOf } from '../../identity/user.entity.js';
import { typedPerson } from '../membership.entity.js';
import { seatChangeRecords } from '../../subscriptions/seat-ledger.service.js';
import { Subscription } from '../../subscriptions/subscription.entity.js';
import { publishWebhookEvent, wantedWebhookEvents } from '../../webhooks/webhook-events.js';
import type { PlannedRow } from './import-plan.js';

/** Rows per statement: knex writes SQLite's multi-row insert as a compound SELECT, at most 500 terms. */
const CHUNK = 500;

/** What the transaction's better-sqlite3 connection offers that the import uses. */
interface SqliteConnection {
  prepare(sql: string): { run(...values: unknown[]): unknown };
}

/**
 * Inserts rows inside the mutation's transaction. On SQLite, one prepared statement run per row on
 * the transaction's own connection (knex hands it out from `acquireConnection`): far cheaper than
 * compound SELECTs. On PostgreSQL, multi-row inserts through knex. (MikroORM's `execute` inlines
 * every value into the SQL text, which costs more than the insert itself at this size.)
 */
async function insertAll(tx: AccountContext, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const trx = tx.em.getTransactionContext<Knex.Transaction>()!;
  const columns = Object.keys(rows[0]!);
  if (tx.config.database.driver === 'sqlite') {
    const connection = (await trx.client.acquireConnection()) as SqliteConnection;
    const statement = connection.prepare(
      `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) statement.run(...columns.map((column) => row[column] ?? null));
    return;
  }
  const knex = tx.em.getKnex();
  for (const chunk of chunks(rows, CHUNK)) await knex(table).insert(chunk).transacting(trx);
}

export interface InvitationToSend {
  to: string;
  firstName: string;
  token: string;
  expiresAt: Date;
}

/**
 * Writes a plan inside the caller's transaction with batched inserts: users, memberships,
 * invitations, seats and one audit entry per updated person. Returns the invitations to mail and
 * the emails created.
 */
export async function writeImport(tx: AccountContext, plan: PlannedRow[], language: Language): Promise<{ outgoing: InvitationToSend[]; created: string[] }> {
  const accountId = tx.viewer.accountId;
  const actorId = tx.viewer.userId;
  const now = new Date();
  const at = dbDate(tx, now);
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const users: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const invitations: Record<string, unknown>[] = [];
  const seats: Record<string, unknown>[] = [];
  const seatEmails = new Map<string, string>();
  // The events one-by-one invitations and seats publish; only those an endpoint would receive (thousands of rows).
  const wanted = await wantedWebhookEvents(tx.em, accountId);
  const audits: Record<string, unknown>[] = [];
  const outgoing: InvitationToSend[] = [];
  const created: string[] = [];
  const audit = (userId: string, action: CustomerAuditAction, summary: Message, before: unknown, after: unknown) => {
    const line = summaryColumns(summary);
    audits.push({
      id: randomUUID(), created_at: at, account_id: accountId, actor_id: actorId, action, target_type: 'user', target_id: userId,
      summary: line.summary, summary_message: line.summaryMessage && JSON.stringify(line.summaryMessage),
      before: before === null ? null : JSON.stringify(before), after: JSON.stringify(after),
    });
  };

  for (const row of plan) {
    if (row.status !== ImportRowStatus.CREATE && row.status !== ImportRowStatus.UPDATE) continue;
    const person = row.person!;
    let userId = row.existing?.userId;
    if (!userId) {
      userId = randomUUID();
      users.push({
        id: userId, created_at: at, updated_at: at, email: person.email, first_name: person.firstName, last_name: person.lastName,
        sort_name: sortNameOf(person.firstName, person.lastName), language,
      });
    }
    const after = { role: row.role, teamId: row.teamId, newSeats: row.newSeats };
    // What this account typed: all it sees of the person until they accept (Membership.invitedAs).
    const seen = typedPerson(person);
    const typed = { email: seen.email, first_name: seen.firstName, last_name: seen.lastName, sort_name: seen.sortName };
    if (row.status === ImportRowStatus.CREATE) {
      if (row.existing?.membershipStatus) {
        await run(
          tx,
          sql`update memberships set status = 'INVITED', role = ${row.role}, team_id = ${row.teamId}, email = ${typed.email},
             first_name = ${typed.first_name}, last_name = ${typed.last_name}, sort_name = ${typed.sort_name},
             last_sign_in_at = null, version = version + 1 where ${inAccount(tx)} and user_id = ${userId}`,
        );
      } else {
        memberships.push({ id: randomUUID(), created_at: at, account_id: accountId, user_id: userId, role: row.role, status: MembershipStatus.INVITED, team_id: row.teamId, version: 1, ...typed });
      }
      const token = newToken();
      invitations.push({
        id: randomUUID(), created_at: at, account_id: accountId, email: person.email, first_name: person.firstName, last_name: person.lastName,
        role: row.role, team_id: row.teamId, token_hash: hashToken(token), status: 'PENDING', expires_at: dbDate(tx, expiresAt), invited_by_id: actorId,
      });
      outgoing.push({ to: person.email, firstName: person.firstName, token, expiresAt });
      // The same event as an invitation one by one (invitations.service.ts), in this transaction (the outbox).
      if (wanted(WebhookEventType.MEMBER_INVITED)) publishWebhookEvent(tx, WebhookEventType.MEMBER_INVITED, accountId, {
        userId,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        role: row.role,
        teamId: row.teamId,
        subscriptionIds: row.newSeats ?? [],
      }, now);
      // Creations are listed in the import's own audit entry; updates get one each, with the state before.
      created.push(person.email);
    } else {
      const existing = row.existing!;
      if (row.changes?.role || row.changes?.team) {
        await run(tx, sql`update memberships set role = ${row.role}, team_id = ${row.teamId}, version = version + 1 where ${inAccount(tx)} and user_id = ${userId}`);
      }
      if (row.changes?.name) {
        await run(
          tx,
          sql`update memberships set first_name = ${typed.first_name}, last_name = ${typed.last_name}, sort_name = ${typed.sort_name}
              where ${inAccount(tx)} and user_id = ${userId}`,
        );
      }
      audit(userId, 'user.import.update', msg('Updated {email} from an import', { email: person.email }), {
        role: existing.role, teamId: existing.teamId, firstName: existing.firstName, lastName: existing.lastName,
      }, { ...after, firstName: person.firstName, lastName: person.lastName });
    }
    for (const subscriptionId of row.newSeats ?? []) {
      seats.push({ id: randomUUID(), created_at: at, account_id: accountId, subscription_id: subscriptionId, user_id: userId, assigned_by_id: actorId });
      seatEmails.set(seats.at(-1)!.id as string, person.email);
    }
  }
  await insertAll(tx, 'users', users);
  await insertAll(tx, 'memberships', memberships);
  await insertAll(tx, 'invitations', invitations);
  await insertAll(tx, 'seat_assignments', seats);
  if (seats.length) {
    const ids = [...new Set(seats.map((seat) => seat.subscription_id as string))];
    const names = new Map((await tx.em.find(Subscription, { id: { $in: ids } }, { fields: ['name'] })).map((row) => [row.id, row.name]));
    const lines = seats.map((seat) => ({
      event: SeatLedgerEvent.ASSIGN,
      reason: 'IMPORT' as const,
      userId: seat.user_id as string,
      subscriptionId: seat.subscription_id as string,
      subscriptionName: names.get(seat.subscription_id as string) ?? null,
      seatId: seat.id as string,
    }));
    await insertAll(tx, 'seat_ledger', seatChangeRecords(tx, lines, now));
    // As a seat assigned one by one (subscriptions/seats.service.ts) tells webhooks.
    for (const seat of wanted(WebhookEventType.SEAT_ASSIGNED) ? seats : []) {
      publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, accountId, {
        assignmentId: seat.id,
        subscriptionId: seat.subscription_id,
        subscription: names.get(seat.subscription_id as string) ?? null,
        userId: seat.user_id,
        email: seatEmails.get(seat.id as string),
      }, now);
    }
  }
  await insertAll(tx, 'audit_entries', audits);
  return { outgoing, created };
}
