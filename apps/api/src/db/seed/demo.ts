import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { MikroORM, RequiredEntityData } from '@mikro-orm/core';
import { ChangeTiming, Language, MembershipStatus, NotificationCategory, NotificationChannel, RenewalMode, Role, SupportMessageAuthor } from '@seatwise/schema';
import { isPostgres } from '../database.js';
import { Account } from '../../modules/accounts/account.entity.js';
import { AuditEntry } from '../../modules/audit/audit-entry.entity.js';
import { Product } from '../../modules/catalog/product.entity.js';
import { NotificationPreference } from '../../modules/identity/notification-preference.entity.js';
import { hashPassword } from '../../modules/identity/password.js';
import { hashToken } from '../../modules/identity/session.service.js';
import { sortNameOf, User } from '../../modules/identity/user.entity.js';
import { SeatAssignment } from '../../modules/subscriptions/seat-assignment.entity.js';
import { LicenceType, Subscription, SubscriptionTerm } from '../../modules/subscriptions/subscription.entity.js';
import { Team } from '../../modules/teams/team.entity.js';
import { createTeam, moveSubscriptionsToTeam } from '../../modules/teams/teams.admin.service.js';
import { CloudCreditEntry, CloudCreditEntryKind } from '../../modules/usage/cloud-credit-entry.entity.js';
import { rebuildRollups } from '../../modules/usage/rollups.js';
import { UsageDay } from '../../modules/usage/usage-day.entity.js';
import { UsageEvent, UsageEventKind } from '../../modules/usage/usage-event.entity.js';
import { INVITATION_DAYS, Invitation, InvitationStatus } from '../../modules/users/invitation.entity.js';
import { createCustomer, inviteCustomerPrimaryAdmin } from '../../modules/vendor/customer-changes.service.js';
import { cancelCustomerSubscription, createCustomerContract, purchaseCustomerCredits } from '../../modules/vendor/customer-contracts.service.js';
import { localDay } from '../../common/days.js';
import { SupportMessage } from '../../modules/support/support-message.entity.js';
import { SupportCategory, SupportRequest, SupportRequestStatus } from '../../modules/support/support-request.entity.js';
import { Membership, profileOf } from '../../modules/users/membership.entity.js';
import {
  austrianFirstNames,
  austrianLastNames,
  emailPart,
  slovenianFirstNames,
  slovenianLastNames,
} from './names.js';
import { seedCatalogue } from './demo-catalogue.js';
import { seedDemoTokens } from './demo-tokens.js';
import { DEMO_OPERATOR_EMAIL, ensureDemoOperator } from './demo-operator.js';
import { type DemoServices, demoServices } from './demo-services.js';
import { seededRandom } from './random.js';
import { ensureDemoProductFiles } from './product-files.js';

/**
 * The demo seed. What the vendor and the customers' admins would do through the console and the
 * API goes through the same service functions, so the demo exercises the real path:
 *
 * - as the demo operator (a staff context, demo-services.ts): the catalogue (demo-catalogue.ts:
 *   `createCatalogueProduct`, `addProductVersion`, `publishProductVersion` on each release day),
 *   the customer accounts (`createCustomer`), their primary admins (`inviteCustomerPrimaryAdmin`,
 *   then signed up by the seed: no invitation mail), the contracts with their subscriptions,
 *   seats, terms and renewal mode (`createCustomerContract`: the customer's and the vendor's audit
 *   entries, the home page's events, the roll-up rows), the cancelled Vault Docs
 *   (`cancelCustomerSubscription`) and the cloud credits bought 160 days ago
 *   (`purchaseCustomerCredits`);
 * - as each primary admin: the teams (`createTeam`) and the subscriptions filed under a team other
 *   than their contract's (`moveSubscriptionsToTeam`).
 *
 * What stays bulk, written as rows: the people other than the primary admins (up to 50,000 for the
 * benchmarks, invitations and acceptances one by one would take minutes; the demo sign-ins need a
 * known password and a history), the installer files of each draft version (the rows and bytes the
 * upload service would write: 173 uploads through it added seconds to every seed), and history that
 * is by nature in the past: seat assignments and when they were made, usage events and their daily
 * roll-ups, credit consumption, past invitations and their audit entries, support requests and API
 * tokens. Nothing is mailed at seed time: versions are published before any customer exists and the
 * seed's event bus has no subscribers.
 */
export const DEMO_PASSWORD = 'Seatwise-demo-1';
export const DEMO_ADMIN_EMAIL = 'admin@example.com';
export const DEMO_USER_EMAIL = 'user@example.com';
export const DEMO_OTHER_ADMIN_EMAIL = 'admin@alpine.example';

export interface SeedOptions {
  /** Users in the main account (demo: 60; benchmarks: 50,000). */
  users?: number;
  /** Seed again even when accounts exist (tests and benchmarks on a fresh database). */
  force?: boolean;
  /** Days of usage history to generate. */
  usageDays?: number;
  /** "Today" for the generated dates; tests pin it. */
  today?: Date;
  /** Data folder to write the demo installer files into; rows only when omitted. */
  dataDir?: string;
}

const day = 24 * 60 * 60 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Realistic demo data: a Slovenian engineering company (the main account) and an Austrian studio
 * (to show tenant isolation). Deterministic, and a no-op when accounts already exist.
 */
export async function seedDemo(orm: MikroORM, options: SeedOptions = {}): Promise<string> {
  const em = orm.em.fork() as EntityManager;
  em.setFilterParams('tenant', { accountId: '' });
  const existing = await em.count(Account, {}, { filters: false });
  if (existing > 0 && !options.force) {
    await ensureDemoProductFiles(em, options.dataDir ?? null);
    await ensureDemoOperator(em, await hashPassword(DEMO_PASSWORD));
    return 'demo data already present: nothing seeded';
  }

  const random = seededRandom(20261125);
  const today = options.today ?? new Date();
  const daysFromToday = (days: number) => isoDate(new Date(today.getTime() + days * day));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userCount = Math.max(options.users ?? 60, 3);

  // The operator first: everything on the vendor's side below is what they do in the console.
  await ensureDemoOperator(em, passwordHash);
  const operator = await em.findOneOrFail(User, { email: DEMO_OPERATOR_EMAIL });
  const services = demoServices(orm, operator.id, today, options.dataDir ?? null);
  const productIds = await seedCatalogue(services, em, options.dataDir ?? null);
  const product = (code: string) => em.getReference(Product, productIds.get(code)!);

  const mainCustomer = await createCustomer(services.staff(), { name: 'Kolektor Gradnje d.o.o.', timeZone: 'Europe/Ljubljana', country: 'SI', language: Language.SL, externalId: 'CRM-1001' });
  const otherCustomer = await createCustomer(services.staff(), { name: 'Alpine Studio GmbH', timeZone: 'Europe/Vienna', country: 'AT', language: Language.EN, externalId: 'CRM-1002' });
  const main = await em.findOneOrFail(Account, { id: mainCustomer.id }, { filters: false });
  const other = await em.findOneOrFail(Account, { id: otherCustomer.id }, { filters: false });
  const admin = await signUpPrimaryAdmin(em, services, main, { email: DEMO_ADMIN_EMAIL, firstName: 'Ana', lastName: 'Novak' }, passwordHash, today);
  const otherAdmin = await signUpPrimaryAdmin(em, services, other, { email: DEMO_OTHER_ADMIN_EMAIL, firstName: 'Lukas', lastName: 'Gruber' }, passwordHash, today);
  // The teams, as each primary admin makes them.
  const teamsOf = async (account: Account, owner: User, names: string[]) => {
    const made: Team[] = [];
    for (const name of names) made.push(em.getReference(Team, (await createTeam(services.asAdmin(account.id, owner.id), { name })).id));
    return made;
  };
  const teams = await teamsOf(main, admin, ['Arhitektura', 'Gradbeništvo', 'Strojništvo', 'Uprava']);
  const [otherTeam] = (await teamsOf(other, otherAdmin, ['Design'])) as [Team];
  await joinTeam(em, main, admin, teams[3]!);
  await joinTeam(em, other, otherAdmin, otherTeam);
  // People of the main account: the demo sign-ins are entities, the generated colleagues are bulk
  // inserted (50,000 of them for benchmarks would swamp the unit of work).
  const people: { user: User; status: MembershipStatus }[] = [];
  const addPerson = (account: Account, email: string, first: string, last: string, role: Role, team: Team) => {
    const user = em.create(User, {
      email,
      firstName: first,
      lastName: last,
      sortName: sortNameOf(first, last),
      passwordHash,
      language: Language.EN,
      company: account.name,
      country: account === main ? 'SI' : 'AT',
      createdAt: new Date(today.getTime() - 400 * day),
      lastSignInAt: new Date(today.getTime() - day),
    });
    em.create(Membership, { account, user, role, team, createdAt: user.createdAt, lastSignInAt: user.lastSignInAt, ...profileOf(user) });
    if (account === main) people.push({ user, status: MembershipStatus.ACTIVE });
    return user;
  };
  people.push({ user: admin, status: MembershipStatus.ACTIVE });
  admin.phone = '+38641555123';
  // The demo admin reads about product updates elsewhere: one preference that is not the default.
  em.create(NotificationPreference, { user: admin, category: NotificationCategory.PRODUCT_UPDATES, channel: NotificationChannel.NONE });
  addPerson(main, DEMO_USER_EMAIL, 'Jure', 'Kovač', Role.USER, teams[0]!);
  addPerson(main, 'maja.horvat@kolektor-gradnje.si', 'Maja', 'Horvat', Role.SECONDARY_ADMIN, teams[1]!);
  await em.flush();

  // name.surname@company, with a number only where the name is taken (as a mail server would).
  const taken = new Set<string>(['maja.horvat@kolektor-gradnje.si']);
  const uniqueEmail = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${local}${suffix}@${domain}`;
    taken.add(candidate);
    return candidate;
  };
  const invitees: { email: string; first: string; last: string; role: Role; team: Team | null; joined: Date }[] = [];
  const generated = [
    ...Array.from({ length: userCount - 3 }, (_, offset) => {
      const index = offset + 3;
      const first = random.pick(slovenianFirstNames);
      const last = random.pick(slovenianLastNames);
      const status =
        index % 29 === 0 ? MembershipStatus.INACTIVE : index % 13 === 0 ? MembershipStatus.INVITED : MembershipStatus.ACTIVE;
      return {
        account: main, first, last, status,
        email: uniqueEmail(`${emailPart(first)}.${emailPart(last)}`, 'kolektor-gradnje.si'),
        team: index % 11 === 0 ? null : teams[index % teams.length]!,
        role: index % 23 === 0 ? Role.SECONDARY_ADMIN : Role.USER,
      };
    }),
    ...austrianFirstNames.map((first, index) => {
      const last = austrianLastNames[(index * 3) % austrianLastNames.length]!;
      return {
        account: other, first, last, status: MembershipStatus.ACTIVE,
        email: `${emailPart(first)}.${emailPart(last)}@alpine.example`,
        team: otherTeam, role: Role.USER,
      };
    }),
  ];
  for (let from = 0; from < generated.length; from += 2000) {
    const chunk = generated.slice(from, from + 2000).map((person) => {
      const joined = new Date(today.getTime() - random.int(100, 700) * day);
      const user = {
        id: randomUUID(),
        email: person.email,
        firstName: person.first,
        lastName: person.last,
        sortName: sortNameOf(person.first, person.last),
        language: person.account === main && random.chance(0.5) ? Language.SL : Language.EN,
        company: person.account.name,
        country: person.account === main ? 'SI' : 'AT',
        createdAt: joined,
        updatedAt: joined,
        lastSignInAt:
          person.status === MembershipStatus.ACTIVE ? new Date(today.getTime() - random.int(0, 40) * day) : null,
      };
      const membership = {
        id: randomUUID(),
        account: person.account.id,
        user: user.id,
        role: person.role,
        status: person.status,
        team: person.team?.id ?? null,
        createdAt: joined,
        lastSignInAt: user.lastSignInAt,
        // What the account sees: the names the admin typed when inviting them, which are their own.
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        sortName: user.sortName,
      };
      if (person.account === main) people.push({ user: em.getReference(User, user.id), status: person.status });
      if (person.account === main && person.status === MembershipStatus.INVITED) invitees.push({ ...person, joined });
      return { user, membership };
    });
    await em.insertMany(User, chunk.map((row) => row.user));
    await em.insertMany(Membership, chunk.map((row) => row.membership));
  }
  // Contracts and subscriptions of every licence type, with renewals at 30/60/90 days and one
  // expired, as the operator enters them; each customer's admin then files them under teams.
  const contractSpecs = [
    { account: main, number: '110004567891', starts: -700, ends: 55, team: teams[0]! },
    { account: main, number: '110004567892', starts: -300, ends: 430, team: teams[1]! },
    { account: main, number: '110004567893', starts: -400, ends: -20, team: teams[2]! },
    { account: other, number: '220009876541', starts: -100, ends: 265, team: null },
  ];
  const subscriptionSpecs = [
    { contract: 0, name: 'Drafter', type: LicenceType.SINGLE_USER, term: SubscriptionTerm.ANNUAL, seats: 20, ends: 25, team: 0, codes: ['DRF'] },
    { contract: 0, name: 'Design & Engineering Collection', type: LicenceType.SINGLE_USER, term: SubscriptionTerm.THREE_YEAR, seats: 12, ends: 55, team: 0, codes: ['DRF', 'STR', 'CIV', 'PLT'] },
    { contract: 1, name: 'Structa BIM', type: LicenceType.MULTI_USER, term: SubscriptionTerm.ANNUAL, seats: 8, ends: 85, team: 1, codes: ['STR'] },
    { contract: 1, name: 'Formwork 3D', type: LicenceType.NETWORK, term: SubscriptionTerm.ANNUAL, seats: 5, ends: 430, team: 2, codes: ['FRM'] },
    { contract: 1, name: 'Motion Studio', type: LicenceType.SINGLE_USER, term: SubscriptionTerm.MONTHLY, seats: 3, ends: 12, team: 3, codes: ['MOT'] },
    { contract: 1, name: 'Cloud Credits 5000', type: LicenceType.CLOUD, term: SubscriptionTerm.ANNUAL, seats: 10, ends: 200, team: null, codes: ['RND', 'GEN'] },
    { contract: 1, name: 'Vault Docs', type: LicenceType.MULTI_USER, term: SubscriptionTerm.ANNUAL, seats: 15, ends: 150, team: null, codes: ['VLT'], cancelled: true },
    { contract: 2, name: 'Sheet Metal Pro', type: LicenceType.SINGLE_USER, term: SubscriptionTerm.ANNUAL, seats: 4, ends: -20, team: 2, codes: ['SMP'] },
    { contract: 3, name: 'Motion Studio', type: LicenceType.SINGLE_USER, term: SubscriptionTerm.ANNUAL, seats: 5, ends: 265, team: null, codes: ['MOT'] },
  ];
  const written = new Map<(typeof subscriptionSpecs)[number], { id: string; version: number }>();
  for (const [index, contract] of contractSpecs.entries()) {
    const lines = subscriptionSpecs.filter((spec) => spec.contract === index);
    const made = await createCustomerContract(services.staff(), {
      customerId: contract.account.id,
      number: contract.number,
      startsOn: daysFromToday(contract.starts),
      endsOn: daysFromToday(contract.ends),
      teamId: contract.team?.id ?? null,
      subscriptions: lines.map((spec) => ({
        name: spec.name,
        productIds: spec.codes.map((code) => productIds.get(code)!),
        licenceType: spec.type,
        term: spec.term,
        seats: spec.seats,
        startsOn: daysFromToday(contract.starts),
        endsOn: daysFromToday(spec.ends),
        renewal: RenewalMode.MANUAL,
      })),
    });
    for (const spec of lines) written.set(spec, made.subscriptions.find((subscription) => subscription.name === spec.name)!);
  }
  // A subscription belongs to its contract's team until the admin moves it to another (or none).
  const mainSpecs = subscriptionSpecs.filter((spec) => spec.contract < 3);
  for (const [index, team] of [...teams, null].entries()) {
    const moving = mainSpecs.filter((spec) => (spec.team === null ? teams.length : spec.team) === index && contractSpecs[spec.contract]!.team !== team);
    if (moving.length) await moveSubscriptionsToTeam(services.asAdmin(main.id, admin.id), { subscriptionIds: moving.map((spec) => written.get(spec)!.id), teamId: team?.id ?? null });
  }
  for (const spec of mainSpecs.filter((candidate) => candidate.cancelled)) {
    const { id, version } = written.get(spec)!;
    await cancelCustomerSubscription(services.staff(), { customerId: main.id, subscriptionId: id, expectedVersion: version, when: ChangeTiming.NOW });
  }
  const subscriptions = mainSpecs.map((spec) => ({ subscription: em.getReference(Subscription, written.get(spec)!.id), spec }));
  // Seats: most subscriptions partly assigned to active people.
  const active = people.filter((person) => person.status === MembershipStatus.ACTIVE);
  const assignments: { user: User; subscription: Subscription; products: string[] }[] = [];
  for (const { subscription, spec } of subscriptions) {
    const fill = spec.type === LicenceType.CLOUD ? 6 : Math.ceil(spec.seats * (0.55 + random.next() * 0.35));
    const holders = new Set<User>();
    if (spec.name === 'Drafter') holders.add(admin);
    while (holders.size < Math.min(fill, active.length)) holders.add(random.pick(active).user);
    for (const user of [...holders].slice(0, spec.seats)) {
      em.create(SeatAssignment, { account: main, subscription, user, assignedBy: admin, createdAt: new Date(today.getTime() - random.int(30, 200) * day) });
      assignments.push({ user, subscription, products: spec.codes });
    }
  }
  await em.flush();

  // Usage history: product sessions on working days, cloud credits for the cloud subscription.
  const usageDays = options.usageDays ?? 90;
  const cloud = subscriptions.find(({ spec }) => spec.type === LicenceType.CLOUD)!.subscription;
  // The credits bought 160 days ago, through the console (the clock moved to that day).
  await purchaseCustomerCredits(services.staff(new Date(today.getTime() - 160 * day)), { customerId: main.id, subscriptionId: cloud.id, credits: 5000 });
  // The daily roll-up that ingestion maintains, built the same way for the generated history.
  const rollup = new Map<string, { user: string; product: string; day: number; sessions: number; minutes: number; credits: number }>();
  const roll = (user: User, productId: string, occurredAt: Date, minutes: number, creditsUsed: number) => {
    const localDate = localDay(occurredAt, main.timeZone);
    const key = `${user.id}/${productId}/${localDate}`;
    const entry = rollup.get(key) ?? { user: user.id, product: productId, day: localDate, sessions: 0, minutes: 0, credits: 0 };
    if (!creditsUsed) entry.sessions += 1;
    entry.minutes += minutes;
    entry.credits += creditsUsed;
    rollup.set(key, entry);
    return localDate;
  };
  let eventNumber = 0;
  const events: RequiredEntityData<UsageEvent>[] = [];
  const credits: (RequiredEntityData<CloudCreditEntry> & { occurredAt: Date })[] = [];
  for (const assignment of assignments) {
    const diligence = 0.3 + random.next() * 0.6;
    const neglected = random.chance(0.12);
    for (let back = usageDays; back >= 1; back -= 1) {
      const date = new Date(today.getTime() - back * day);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || (neglected && back < 45) || !random.chance(diligence)) continue;
      const occurredAt = new Date(date.getTime() + random.int(7, 15) * 3600_000 + random.int(0, 59) * 60_000);
      const code = random.pick(assignment.products);
      eventNumber += 1;
      if (assignment.subscription === cloud) {
        const amount = random.int(5, 60);
        const localDate = roll(assignment.user, product(code).id, occurredAt, 0, amount);
        events.push({ account: main, eventId: `demo-${eventNumber}`, kind: UsageEventKind.CLOUD_CREDITS, product: product(code), user: assignment.user, subscription: cloud, service: code === 'RND' ? 'rendering' : 'generative-design', occurredAt, receivedAt: occurredAt, credits: amount });
        credits.push({ account: main, subscription: cloud, kind: CloudCreditEntryKind.CONSUMPTION, amount: -amount, service: code === 'RND' ? 'rendering' : 'generative-design', user: assignment.user, occurredAt, day: localDate });
      } else {
        const minutes = random.int(20, 480);
        roll(assignment.user, product(code).id, occurredAt, minutes, 0);
        events.push({ account: main, eventId: `demo-${eventNumber}`, kind: UsageEventKind.PRODUCT_SESSION, product: product(code), user: assignment.user, subscription: assignment.subscription, occurredAt, receivedAt: occurredAt, minutes });
      }
    }
  }
  await em.insertMany(UsageEvent, events);
  for (let from = 0; from < rollup.size; from += 2000) {
    const chunk = [...rollup.values()].slice(from, from + 2000);
    await em.insertMany(UsageDay, chunk.map((entry) => ({ account: main.id, user: entry.user, product: entry.product, day: entry.day, sessions: entry.sessions, minutes: entry.minutes, credits: entry.credits })));
  }
  await rebuildRollups(em, main.id);
  if (credits.length) await em.insertMany(CloudCreditEntry, credits.map((entry) => ({ ...entry, id: randomUUID(), createdAt: entry.occurredAt })));

  seedDemoTokens(em, main, admin, today);
  // Pending invitations of the invited people: most open, every fifth expired (F-41).
  invitees.forEach((person, index) => {
    const sentDaysAgo = index % 5 === 4 ? 20 : index % 10;
    em.create(Invitation, {
      account: main, email: person.email, firstName: person.first, lastName: person.last, role: person.role, team: person.team,
      tokenHash: hashToken(randomUUID()), invitedBy: admin, createdAt: new Date(today.getTime() - sentDaysAgo * day),
      expiresAt: new Date(today.getTime() + (INVITATION_DAYS - sentDaysAgo) * day),
    });
    em.create(AuditEntry, {
      account: main, actor: admin, action: 'user.invite', targetType: 'user', summary: `Invited ${person.email} as ${person.role}`,
      after: { email: person.email, role: person.role, team: person.team?.name ?? null }, createdAt: new Date(today.getTime() - sentDaysAgo * day),
    });
  });
  const daysAgo = (days: number) => new Date(today.getTime() - days * day);
  const licenceServer = em.create(SupportRequest, { account: main, subject: 'Licence server does not hand out Formwork 3D seats', category: SupportCategory.LICENSING, openedBy: admin, createdAt: daysAgo(2), lastActivityAt: daysAgo(2) });
  em.create(SupportMessage, {
    account: main, request: licenceServer, author: SupportMessageAuthor.CUSTOMER, writtenBy: admin, createdAt: daysAgo(2),
    body: 'Since Monday the licence server on our network answers, but Formwork 3D says no seat is free although 3 of 10 are in use.',
  });
  em.create(SupportRequest, { account: main, subject: 'Invoice for the Structa BIM renewal', category: SupportCategory.BILLING, openedBy: admin, createdAt: daysAgo(9), lastActivityAt: daysAgo(9) });
  em.create(SupportRequest, { account: main, subject: 'Move seats between teams', category: SupportCategory.ACCOUNT, status: SupportRequestStatus.CLOSED, openedBy: admin, createdAt: daysAgo(40), lastActivityAt: daysAgo(38), closedAt: daysAgo(38) });
  em.create(AuditEntry, { account: main, actor: admin, action: 'account.seed', targetType: 'Account', targetId: main.id, summary: 'Demo data loaded' });
  em.create(AuditEntry, { account: other, actor: otherAdmin, action: 'account.seed', targetType: 'Account', targetId: other.id, summary: 'Demo data loaded' });
  await em.flush();
  // Fresh planner statistics: after a bulk load PostgreSQL's planner would guess until autovacuum
  // runs. (Not on SQLite: its sqlite_stat1 table breaks MikroORM 6's schema introspection.)
  if (isPostgres(em)) await em.getConnection().execute('vacuum analyze');
  return `seeded 2 accounts, ${userCount} users in ${main.name}, ${subscriptions.length + 1} subscriptions, ${events.length} usage events`;
}

/**
 * A customer's primary admin, invited by the operator through the Vendor console (the account's
 * and the vendor's audit entries, the invitation) and then signed up as the invited person would
 * by the link: the seed marks the invitation accepted and sets the demo password itself, so no
 * invitation mail is sent. The person's own history (joined long ago, signed in yesterday, reads in
 * English) is the demo's.
 */
async function signUpPrimaryAdmin(
  em: EntityManager,
  services: DemoServices,
  account: Account,
  person: { email: string; firstName: string; lastName: string },
  passwordHash: string,
  today: Date,
): Promise<User> {
  await inviteCustomerPrimaryAdmin(services.staff(), { customerId: account.id, ...person });
  const user = await em.findOneOrFail(User, { email: person.email });
  const joined = new Date(today.getTime() - 400 * day);
  Object.assign(user, {
    passwordHash,
    language: Language.EN,
    company: account.name,
    country: account.country,
    createdAt: joined,
    lastSignInAt: new Date(today.getTime() - day),
  });
  const invitation = await em.findOneOrFail(Invitation, { account, email: person.email }, { filters: false });
  invitation.status = InvitationStatus.ACCEPTED;
  invitation.acceptedAt = joined;
  const membership = await em.findOneOrFail(Membership, { account, user }, { filters: false });
  membership.status = MembershipStatus.ACTIVE;
  membership.accepted(user);
  Object.assign(membership, { createdAt: joined, lastSignInAt: user.lastSignInAt });
  await em.flush();
  return user;
}

/** The primary admin's own team (the invitation of a primary admin names none). */
async function joinTeam(em: EntityManager, account: Account, user: User, team: Team): Promise<void> {
  await em.nativeUpdate(Membership, { account, user }, { team }, { filters: false });
}
