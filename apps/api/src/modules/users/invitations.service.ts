import { WebhookEventType } from '@seatwise/schema';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import {
  ImportRowReason,
  type Invitation as InvitationType,
  type InvitationConnection,
  InvitationStatus,
  type InviteUserInput,
  type InviteUsersInput,
  type InviteUsersResult,
  Language,
  MembershipStatus,
  Role,
} from '@seatwise/schema';
import { connectionOf, cursorValue, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { fragment, inAccount, sql } from '../../common/sql.js';
import { execute, inTransaction, isUniqueViolation, run, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, type Message, msg, NotFoundError } from '../../errors.js';
import { say } from '../../i18n/messages.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../identity/session.service.js';
import { User } from '../identity/user.entity.js';
import { grantSeats, releaseSeatsOf } from '../subscriptions/seats.service.js';
import { Team } from '../teams/team.entity.js';
import { INVITATION_DAYS, Invitation, InvitationStatus as StoredStatus } from './invitation.entity.js';
import { type InvitationToMail, publishInvitations } from './invitation.events.js';
import { Membership, typedPerson } from './membership.entity.js';
import { checkPersonFields, type PersonFields, requirePerson, type RuleError } from './person-rules.js';
import { VendorStaffMember } from '../identity/staff/vendor-staff.entity.js';
import { roleName } from './role-names.js';

const DAY_MS = 86_400_000;
const MAX_ROWS = 200;

type Outgoing = InvitationToMail;

export interface InviteOptions {
  role: Role;
  team: Team | null;
  subscriptionIds: string[];
}

async function resolveOptions(tx: AccountContext, input: { role?: Role | null; teamId?: string | null; subscriptionIds?: string[] | null }): Promise<InviteOptions> {
  const role = input.role ?? Role.USER;
  if (role === Role.PRIMARY_ADMIN) {
    throw new InvalidInputError('role', msg('There is exactly one primary admin: invite as User or Secondary admin, then hand the role over.'));
  }
  const team = input.teamId ? await tx.em.findOne(Team, { id: input.teamId }) : null;
  if (input.teamId && !team) throw new NotFoundError('Team', 'teamId');
  return { role, team, subscriptionIds: [...new Set(input.subscriptionIds ?? [])] };
}

/** Current memberships for these emails: who is already a user of, or invited to, the account. */
async function existingStatuses(tx: AccountContext, emails: string[]): Promise<Map<string, MembershipStatus>> {
  const result = new Map<string, MembershipStatus>();
  for (let start = 0; start < emails.length; start += 500) {
    const chunk = emails.slice(start, start + 500);
    const rows = await execute<{ email: string; status: MembershipStatus }>(
      tx,
      sql`select u.email, m.status from users u join memberships m on m.user_id = u.id and ${inAccount(tx, 'm')} where u.email in (${chunk})`,
    );
    for (const row of rows) result.set(row.email, row.status);
  }
  return result;
}

function alreadyThereMessage(email: string, status: MembershipStatus | undefined): Message | null {
  if (status === MembershipStatus.ACTIVE) return msg('{email} is already a user of this account.', { email });
  if (status === MembershipStatus.INVITED) return msg('{email} has already been invited: resend the pending invitation instead.', { email });
  return null;
}

/**
 * Creates (or re-activates) the person's membership as invited and a pending invitation, inside
 * the caller's transaction. A new person gets a user without a password; an existing one keeps
 * their name and password and only gains this account. Either way the membership keeps what the
 * admin typed, and that is all the account sees of the person until they accept.
 */
export async function invitePerson(tx: AccountContext, person: PersonFields, options: InviteOptions, language: Language): Promise<{ userId: string; outgoing: Outgoing }> {
  const account = tx.em.getReference(Account, tx.viewer.accountId);
  let user = await tx.em.findOne(User, { email: person.email });
  // The vendor's staff belong to no customer account.
  if (user && (await tx.em.count(VendorStaffMember, { user }))) {
    throw new InvalidInputError('email', msg('{email} is on the vendor’s staff, who belong to no customer account.', { email: person.email }));
  }
  if (!user) {
    user = tx.em.create(User, { ...person, sortName: '', language });
    user.setName(person.firstName, person.lastName);
  }
  const membership = await tx.em.findOne(Membership, { user });
  if (membership) {
    membership.status = MembershipStatus.INVITED;
    membership.role = options.role;
    membership.team = options.team;
    membership.version += 1;
    membership.invitedAs(person);
  } else {
    tx.em.create(Membership, { account, user, role: options.role, team: options.team, status: MembershipStatus.INVITED, ...typedPerson(person) });
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY_MS);
  tx.em.create(Invitation, {
    account,
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    role: options.role,
    team: options.team,
    tokenHash: hashToken(token),
    expiresAt,
    invitedBy: tx.em.getReference(User, tx.viewer.userId),
  });
  return { userId: user.id, outgoing: { to: person.email, language: user.passwordHash ? user.language : language, firstName: person.firstName, token, expiresAt } };
}

async function inviterLanguage(ctx: AccountContext): Promise<Language> {
  const [row] = await execute<{ language: Language }>(ctx, 'select language from users where id = ?', [ctx.viewer.userId]);
  return row?.language ?? Language.EN;
}

/**
 * Two admins inviting the same person at once: on PostgreSQL the second waits here, per account
 * and address, until the first commits, and then sees its invitation (under READ COMMITTED it
 * could otherwise check before that commit and write after it). SQLite runs one writing
 * transaction at a time already.
 */
export async function lockInvitees(tx: AccountContext, emails: string[]): Promise<void> {
  if (tx.config.database.driver !== 'postgresql') return;
  for (const email of [...new Set(emails)].sort()) {
    await execute(tx, 'select pg_advisory_xact_lock(hashtextextended(?, 0))', [`invite:${tx.viewer.accountId}:${email}`]);
  }
}

/** Invites and assigns everyone in one transaction; their mails go out after it commits. */
async function inviteAll(ctx: AccountContext, people: PersonFields[], input: Parameters<typeof resolveOptions>[1]): Promise<InvitationType[]> {
  const language = await inviterLanguage(ctx);
  const { emails } = await inTransaction(ctx, async (tx) => {
    await lockInvitees(tx, people.map((person) => person.email));
    // Checked again inside the transaction: an invitation committed since the caller's check counts.
    const statuses = await existingStatuses(tx, people.map((person) => person.email));
    for (const person of people) {
      const problem = alreadyThereMessage(person.email, statuses.get(person.email));
      if (problem) throw new InvalidInputError('email', problem);
    }
    const options = await resolveOptions(tx, input);
    const invited: { userId: string; outgoing: Outgoing }[] = [];
    for (const person of people) invited.push(await invitePerson(tx, person, options, language));
    await tx.em.flush();
    for (const subscriptionId of options.subscriptionIds) {
      await grantSeats(tx, subscriptionId, invited.map((entry) => entry.userId), { reason: 'INVITE' });
    }
    for (const [index, person] of people.entries()) {
      recordAudit(tx, {
        action: 'user.invite',
        targetType: 'user',
        targetId: invited[index]!.userId,
        summary: options.team
          ? msg('Invited {email} as {role} to team {team}', { email: person.email, role: roleName(options.role), team: options.team.name })
          : msg('Invited {email} as {role}', { email: person.email, role: roleName(options.role) }),
        after: { ...person, role: options.role, team: options.team?.name ?? null, subscriptionIds: options.subscriptionIds },
      });
      publishWebhookEvent(tx, WebhookEventType.MEMBER_INVITED, tx.viewer.accountId, {
        userId: invited[index]!.userId,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        role: options.role,
        teamId: options.team?.id ?? null,
        subscriptionIds: options.subscriptionIds,
      });
    }
    await tx.em.flush();
    await publishInvitations(tx, invited.map((entry) => entry.outgoing));
    return { emails: people.map((person) => person.email) };
  }).catch((error: unknown) => {
    // Another admin invited the same new person a moment earlier: their invitation stands.
    if (isUniqueViolation(error)) {
      throw new InvalidInputError('email', msg('Someone else has just invited this person: see the pending invitations.'));
    }
    throw error;
  });
  return listInvitations(ctx, { emails });
}

/** F-41 "+ Invite users". */
export async function inviteUser(ctx: AccountContext, input: InviteUserInput): Promise<InvitationType> {
  const person = requirePerson(input);
  const problem = alreadyThereMessage(person.email, (await existingStatuses(ctx, [person.email])).get(person.email));
  if (problem) throw new InvalidInputError('email', problem);
  const [invitation] = await inviteAll(ctx, [person], input);
  return invitation!;
}

/** F-42 "Invite Multiple": every row checked and reported; all valid rows invited together, or none. */
export async function inviteUsers(ctx: AccountContext, input: InviteUsersInput): Promise<InviteUsersResult> {
  if (input.rows.length === 0 || input.rows.length > MAX_ROWS) throw new InvalidInputError('rows', msg('Enter 1 to {max} people.', { max: MAX_ROWS }));
  const checked = input.rows.map((row) => checkPersonFields(row));
  const emails = checked.flatMap((entry) => ('person' in entry ? [entry.person.email] : []));
  const statuses = await existingStatuses(ctx, emails);
  const seen = new Map<string, number>();
  const rows = checked.map((entry, index) => {
    const base = { row: index + 1, email: input.rows[index]!.email };
    const refused = (field: string, reason: ImportRowReason, message: Message, detail: string | null) => {
      const problem = { field, message: say(message), reason, detail };
      return { ...base, ok: false, ...problem, problems: [problem] };
    };
    if ('errors' in entry) {
      // Every invalid field of the row at once, not only the first.
      const detailOf = (error: RuleError) => (error.field === 'email' ? base.email.trim() || null : null);
      const problems = entry.errors.map((error) => ({ field: error.field, message: say(error.message), reason: error.reason, detail: detailOf(error) }));
      return { ...base, ok: false, ...problems[0]!, detail: base.email.trim() || null, problems };
    }
    const email = entry.person.email;
    const firstRow = seen.get(email);
    if (firstRow) return refused('email', ImportRowReason.DUPLICATE_IN_FILE, msg('{email} is already on row {row}.', { email, row: firstRow }), String(firstRow));
    seen.set(email, index + 1);
    const status = statuses.get(email);
    const problem = alreadyThereMessage(email, status);
    if (problem) {
      return refused('email', status === MembershipStatus.ACTIVE ? ImportRowReason.ALREADY_MEMBER : ImportRowReason.ALREADY_INVITED, problem, email);
    }
    return { ...base, ok: true, field: null, message: null, reason: null, detail: null, problems: [] };
  });
  if (input.dryRun || rows.some((row) => !row.ok)) return { rows, invitedCount: 0 };
  await inviteAll(ctx, checked.map((entry) => (entry as { person: PersonFields }).person), input);
  return { rows, invitedCount: rows.length };
}

interface InvitationRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
  status: StoredStatus;
  expires_at: string | number | Date;
  user_id: string | null;
}

function toInvitation(row: InvitationRow): InvitationType {
  const expiresAt = toDate(row.expires_at);
  const status = row.status === StoredStatus.PENDING && expiresAt.getTime() < Date.now() ? InvitationStatus.EXPIRED : (row.status as unknown as InvitationStatus);
  return {
    id: row.id,
    userId: row.user_id ?? '',
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    status,
    // Every send sets a fresh expiry, so the send time follows from it.
    sentAt: new Date(expiresAt.getTime() - INVITATION_DAYS * DAY_MS),
    expiresAt,
  };
}

const INVITATION_COLUMNS = `select i.id, i.email, i.first_name, i.last_name, i.role, i.team_id, t.name as team_name, i.status, i.expires_at,
       (select m.user_id from memberships m where m.account_id = i.account_id and m.email = i.email limit 1) as user_id
     from invitations i left join teams t on t.id = i.team_id`;

/** Invitations of given emails (pending) or ids, the latest to expire first. */
export async function listInvitations(ctx: AccountContext, where: { emails: string[] } | { ids: string[] }): Promise<InvitationType[]> {
  const condition = 'emails' in where ? sql`i.status = 'PENDING' and i.email in (${where.emails})` : sql`i.id in (${where.ids})`;
  // The person is the account's member invited at the address (their membership keeps it while
  // they are pending), not whoever signs in with it now.
  const rows = await execute<InvitationRow>(
    ctx,
    sql`${fragment(INVITATION_COLUMNS)} where ${inAccount(ctx, 'i')} and ${condition} order by i.expires_at desc, i.id desc`,
  );
  return rows.map(toInvitation);
}

/** `invitations(first, after)`: a page of pending and expired invitations, the latest to expire first. */
export async function invitationsPage(ctx: AccountContext, args: { first?: number | null; after?: string | null }): Promise<InvitationConnection> {
  const limit = pageSize(args.first);
  const account = inAccount(ctx, 'i');
  const params: unknown[] = [...account.values];
  let after = '';
  if (args.after) {
    const cursor = decodeCursor(args.after);
    after = 'and (i.expires_at, i.id) < (?, ?)';
    params.push(cursor.sortValue, cursor.id);
  }
  const [rows, counts] = await Promise.all([
    execute<InvitationRow>(
      ctx,
      `${INVITATION_COLUMNS} where ${account.text} and i.status = 'PENDING' ${after} order by i.expires_at desc, i.id desc limit ${limit + 1}`,
      params,
    ),
    execute<{ total: number | string }>(ctx, sql`select count(*) as total from invitations i where ${account} and i.status = 'PENDING'`),
  ]);
  return connectionOf(
    rows,
    { limit, after: args.after, totalCount: Number(counts[0]?.total ?? 0) },
    (row) => encodeCursor(cursorValue(row.expires_at), row.id),
    toInvitation,
  );
}

async function openInvitation(tx: AccountContext, id: string): Promise<Invitation> {
  const invitation = await tx.em.findOne(Invitation, { id });
  if (!invitation) throw new NotFoundError('Invitation', 'id');
  if (invitation.status !== StoredStatus.PENDING) {
    throw new AppError(
      'INVITATION_CLOSED',
      invitation.status === StoredStatus.ACCEPTED
        ? msg('This invitation was already accepted.')
        : invitation.status === StoredStatus.REVOKED
          ? msg('This invitation was already revoked.')
          : msg('This invitation was already expired.'),
      'id',
    );
  }
  return invitation;
}

/** A new link and a new expiry, mailed again; the old link stops working. */
export async function resendInvitation(ctx: AccountContext, id: string): Promise<InvitationType> {
  await inTransaction(ctx, async (tx) => {
    const invitation = await openInvitation(tx, id);
    const token = newToken();
    invitation.tokenHash = hashToken(token);
    invitation.expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY_MS);
    const user = await tx.em.findOne(User, { email: invitation.email });
    recordAudit(tx, { action: 'invitation.resend', targetType: 'user', targetId: user?.id ?? null, summary: msg('Resent the invitation to {email}', { email: invitation.email }) });
    await tx.em.flush();
    const language = user?.passwordHash ? user.language : await inviterLanguage(tx);
    await publishInvitations(tx, [{ to: invitation.email, language, firstName: invitation.firstName, token, expiresAt: invitation.expiresAt }]);
  });
  return (await listInvitations(ctx, { ids: [id] }))[0]!;
}

/** The link stops working; a person who never accepted leaves the list and their seats are freed. */
export async function revokeInvitation(ctx: AccountContext, id: string): Promise<InvitationType> {
  await inTransaction(ctx, async (tx) => {
    const invitation = await openInvitation(tx, id);
    invitation.status = StoredStatus.REVOKED;
    const user = await tx.em.findOne(User, { email: invitation.email });
    let seats: string[] = [];
    if (user) {
      const stillInvited = await run(tx, sql`update memberships set status = 'INACTIVE', version = version + 1 where ${inAccount(tx)} and user_id = ${user.id} and status = 'INVITED'`);
      if (stillInvited) seats = (await releaseSeatsOf(tx, user.id, 'INVITATION_REVOKE')).map((seat) => seat.name);
    }
    recordAudit(tx, {
      action: 'invitation.revoke',
      targetType: 'user',
      targetId: user?.id ?? null,
      summary: msg('Revoked the invitation to {email}', { email: invitation.email }),
      before: { status: 'PENDING', seats },
      after: { status: 'REVOKED', seats: [] },
    });
    publishWebhookEvent(tx, WebhookEventType.MEMBER_REMOVED, tx.viewer.accountId, { userId: user?.id ?? null, email: invitation.email, reason: 'invitation-revoked' });
    await tx.em.flush();
  });
  return (await listInvitations(ctx, { ids: [id] }))[0]!;
}
