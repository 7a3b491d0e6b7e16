import { WebhookEventType } from '@seatwise/schema';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import { type CreateCustomerInput, type Customer, CustomerStatus, type Invitation, type InviteCustomerPrimaryAdminInput, Role } from '@seatwise/schema';
import { inTransaction, isUniqueViolation, run } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { parseCountry } from '../identity/profile.service.js';
import { User } from '../identity/user.entity.js';
import { publishInvitations } from '../users/invitation.events.js';
import { invitePerson, listInvitations, lockInvitees } from '../users/invitations.service.js';
import { primaryAdminEmail } from '../users/memberships.sql.js';
import { requirePerson } from '../users/person-rules.js';
import { customerNotFound, findCustomer } from './customers.service.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';
import { VendorStaffMember } from '../identity/staff/vendor-staff.entity.js';

function requireName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new InvalidInputError('name', msg('Enter the name of the customer.'));
  if (name.length > 200) throw new InvalidInputError('name', msg('The name can be at most 200 characters.'));
  return name;
}

/** The zone's canonical IANA name, or a clear error: an unknown zone would break every day count. */
function requireTimeZone(raw: string): string {
  const zone = raw.trim();
  try {
    if (zone) return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    // not a zone: the error below
  }
  throw new InvalidInputError('timeZone', msg('Choose a time zone from the list, such as Europe/Ljubljana.'));
}

function optionalExternalId(raw: string | null | undefined): string | null {
  const id = raw?.trim() ?? '';
  if (!id) return null;
  if (id.length > 100) throw new InvalidInputError('externalId', msg('The external id can be at most 100 characters.'));
  return id;
}

const externalIdTaken = (externalId: string) =>
  new AppError('EXTERNAL_ID_TAKEN', msg('Another customer already has the external id {externalId}.', { externalId }), 'externalId', { externalId });

/** A new customer account; the billing system's id is unique, also when two requests race. */
export async function createCustomer(ctx: StaffContext, input: CreateCustomerInput): Promise<Customer> {
  const name = requireName(input.name);
  const country = parseCountry(input.country);
  if (!country) throw new InvalidInputError('country', msg('Choose the country of the customer.'));
  const timeZone = requireTimeZone(input.timeZone);
  const externalId = optionalExternalId(input.externalId);
  if (externalId && (await ctx.em.count(Account, { externalId }))) throw externalIdTaken(externalId);
  const id = await inTransaction(ctx, async (tx) => {
    const account = tx.em.create(Account, { name, country, timeZone, language: input.language, externalId });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'customer.create',
      customer: account,
      summary: `Created the customer ${name}${externalId ? ` (external id ${externalId})` : ''}`,
      details: { name, country, timeZone, language: input.language, externalId },
    });
    publishWebhookEvent(tx, WebhookEventType.CUSTOMER_CREATED, account.id, { customerId: account.id, name, country, timeZone, language: input.language, externalId, status: account.status });
    await tx.em.flush();
    return account.id;
  }).catch((error: unknown) => {
    if (externalId && isUniqueViolation(error)) throw externalIdTaken(externalId);
    throw error;
  });
  return findCustomer(ctx, id);
}

/**
 * Invites the customer's primary admin through the customers' own invitation flow (mail, link,
 * first password), acting in the customer account as the staff member: the account's audit log
 * names them, and so does the vendor's.
 */
export async function inviteCustomerPrimaryAdmin(ctx: StaffContext, input: InviteCustomerPrimaryAdminInput): Promise<Invitation> {
  const customer = await findCustomer(ctx, input.customerId, 'customerId');
  if (customer.status !== CustomerStatus.ACTIVE) {
    throw new AppError('CUSTOMER_NOT_ACTIVE', msg('Reactivate the customer before inviting its primary admin.'), 'customerId');
  }
  if (customer.primaryAdminEmail) {
    throw primaryAdminExists(customer.primaryAdminEmail);
  }
  const person = requirePerson({ email: normaliseEmail(input.email), firstName: input.firstName, lastName: input.lastName });
  const existing = await ctx.em.findOne(User, { email: person.email });
  if (existing && (await ctx.em.count(VendorStaffMember, { user: existing }))) {
    throw new InvalidInputError('email', msg('{email} is on the vendor’s staff, who belong to no customer account.', { email: person.email }));
  }
  ctx.em.setFilterParams('tenant', { accountId: customer.id });
  const asCustomer: AccountContext = {
    ...ctx,
    viewer: { userId: ctx.staff.userId, accountId: customer.id, role: Role.PRIMARY_ADMIN, sessionId: ctx.staff.sessionId, token: null },
  };
  await inTransaction(asCustomer, async (tx) => {
    await lockInvitees(tx, [person.email]);
    // The account row is locked (PostgreSQL) and checked again: two operators inviting at once
    // cannot both give it a primary admin.
    if ((await run(tx, "update accounts set status = status where id = ? and status = 'ACTIVE'", [customer.id])) !== 1) throw customerNotFound('customerId');
    const admin = await primaryAdminEmail(tx);
    if (admin) throw primaryAdminExists(admin);
    const invited = await invitePerson(tx, person, { role: Role.PRIMARY_ADMIN, team: null, subscriptionIds: [] }, customer.language);
    recordAudit(tx, {
      action: 'user.invite',
      targetType: 'user',
      targetId: invited.userId,
      summary: `The vendor invited ${person.email} as PRIMARY_ADMIN`,
      after: { ...person, role: Role.PRIMARY_ADMIN },
    });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'customer.invite-primary-admin',
      customer,
      summary: `Invited ${person.email} as the primary admin of ${customer.name}`,
      details: { email: person.email },
    });
    await publishInvitations(tx, [invited.outgoing]);
    await tx.em.flush();
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new InvalidInputError('email', msg('Someone else has just invited this person: see the pending invitations.'));
    throw error;
  });
  const [invitation] = await listInvitations(asCustomer, { emails: [person.email] });
  return invitation!;
}

const primaryAdminExists = (email: string) =>
  new AppError('PRIMARY_ADMIN_EXISTS', msg('This customer already has a primary admin ({email}).', { email }), 'customerId');

const transitions: Record<'suspend' | 'reactivate' | 'close', { from: CustomerStatus[]; to: CustomerStatus }> = {
  suspend: { from: [CustomerStatus.ACTIVE], to: CustomerStatus.SUSPENDED },
  reactivate: { from: [CustomerStatus.SUSPENDED], to: CustomerStatus.ACTIVE },
  close: { from: [CustomerStatus.ACTIVE, CustomerStatus.SUSPENDED], to: CustomerStatus.CLOSED },
};

const refusedTransition = {
  suspend: msg('Only an active customer can be suspended.'),
  reactivate: msg('Only a suspended customer can be reactivated; a closed one stays closed.'),
  close: msg('This customer is already closed.'),
};

/**
 * Suspends, reactivates or closes a customer: one conditional update, so two operators acting at
 * once cannot both change it. Nothing of the account is deleted; its sign-ins, sessions and
 * tokens are refused while it is not active (identity and token checks read the status).
 */
export async function changeCustomerStatus(ctx: StaffContext, id: string, change: keyof typeof transitions): Promise<Customer> {
  const { from, to } = transitions[change];
  const customer = await findCustomer(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const changed = await run(
      tx,
      `update accounts set status = ?, status_changed_at = ? where id = ? and status in (${from.map(() => '?').join(', ')})`,
      [to, tx.em.getPlatform().processDateProperty(new Date()), id, ...from],
    );
    if (changed !== 1) throw new AppError('CUSTOMER_STATUS', refusedTransition[change], 'id', { status: customer.status });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: `customer.${change}`,
      customer,
      summary: `${change === 'suspend' ? 'Suspended' : change === 'reactivate' ? 'Reactivated' : 'Closed'} the customer ${customer.name}`,
      details: { from: customer.status, to },
    });
    publishWebhookEvent(tx, WebhookEventType.CUSTOMER_CHANGED, id, { customerId: id, name: customer.name, externalId: customer.externalId ?? null, status: to, previousStatus: customer.status });
    await tx.em.flush();
  });
  return findCustomer(ctx, id);
}
