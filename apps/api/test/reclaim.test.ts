import type { EntityManager } from '@mikro-orm/knex';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_ADMIN_EMAIL, DEMO_USER_EMAIL } from '../src/db/seed/demo.js';
import { runReclaimPolicies } from '../src/modules/reclaim/reclaim-job.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { postEvents } from './rest.js';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const DAY = 86_400_000;
/** 10:00 UTC: the same day in Ljubljana, the demo customers' zone. */
const START = new Date('2026-11-25T10:00:00Z');
const origin = 'https://seatwise.test';

const POLICY_FIELDS = 'id name enabled version signal thresholdDays graceDays subscriptionId pendingNotices exclusions { userIds teamIds roles }';
const CREATE = `mutation ($input: CreateReclaimPolicyInput!) { createReclaimPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const SWITCH = `mutation ($input: SetReclaimPolicyEnabledInput!) { setReclaimPolicyEnabled(input: $input) { ${POLICY_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateReclaimPolicyInput!) { updateReclaimPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const ONE = `query ($id: UUID!) { reclaimPolicy(id: $id) { ${POLICY_FIELDS} } }`;
const LIST = `{ reclaimPolicies(first: 10) { totalCount edges { node { id name } } } }`;
const DRY_RUN = `query ($id: UUID!) { reclaimDryRun(id: $id) { policyId version totalCount excludedCount candidates { seatId userId email subscriptionName lastUsedOn idleDays reason reclaimOn } } }`;
const MONTHS = `{ reclaimedSeatsByMonth(months: 3) { month reclaimed restored net } }`;
const LEDGER = `query ($filter: SeatLedgerFilter) { seatLedger(first: 20, filter: $filter) { edges { node { id event reason actorKind policyId seatId subscriptionName undoableUntil } } } }`;
const UNDO = `mutation ($input: UndoSeatChangeInput!) { undoSeatChange(input: $input) { restored { event reason seatId } } }`;

interface Policy {
  id: string;
  name: string;
  enabled: boolean;
  version: number;
  pendingNotices: number;
}
interface DryRun {
  totalCount: number;
  excludedCount: number;
  version: number;
  candidates: { seatId: string; userId: string; email: string; idleDays: number; reason: string; reclaimOn: string }[];
}
interface Person {
  user_id: string;
  email: string;
  seat_id: string;
}

describe.each(drivers)('reclaim policies (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let admin: TestClient;
  let accountId: string;
  let subscription: { id: string; name: string };
  let holder: Person;
  let spared: Person;
  let teamId: string;
  let others: string[];
  let adminEmails: string[];
  let policy: Policy;
  let now = START;

  const setNow = (instant: Date) => {
    now = instant;
    app.setNow(instant);
  };
  const mailsTo = (email: string) =>
    peer.received.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((value) => value.address === email)));
  /** The scheduled job, through the worker's schedules (forced: every schedule runs now), twice, then every mail delivered. */
  const runJob = async () => {
    await app.seatwise.worker.runPeriodic(true);
    await app.seatwise.worker.runPeriodic(true);
    await app.deliverEvents();
  };
  const keepLink = (mail: ParsedMail) => {
    const url = /https:\/\/seatwise\.test\/api\/keep-seat\/[A-Za-z0-9_.-]+/.exec(mail.text ?? '')?.[0];
    expect(url, mail.text).toBeTruthy();
    return url!.replace(origin, app.url);
  };
  const form = (reason: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ reason }).toString() });
  const notices = () => app.sql<{ state: string; keep_reason: string | null }>('select state, keep_reason from reclaim_notices where policy_id = ? order by created_at, id', [policy.id]);

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: origin }, now: START });
    setNow(START);
    [{ id: accountId }] = (await app.sql<{ id: string }>("select id from accounts where name = 'Kolektor Gradnje d.o.o.'")) as [{ id: string }];
    // A subscription of seats with at least three holders who are plain users.
    const [chosen] = await app.sql<{ id: string; name: string }>(
      `select s.id, s.name from subscriptions s join seat_assignments sa on sa.subscription_id = s.id join memberships m on m.account_id = s.account_id and m.user_id = sa.user_id
       where s.account_id = ? and s.licence_type <> 'CLOUD' and m.role = 'USER' and m.status = 'ACTIVE' group by s.id, s.name having count(*) >= 3 order by s.name limit 1`,
      [accountId],
    );
    subscription = chosen!;
    // It runs through the whole test, however far the clock moves.
    await app.sql("update subscriptions set ends_on = '2029-12-31' where id = ?", [subscription.id]);
    const holders = await app.sql<Person>(
      `select sa.user_id, m.email, sa.id as seat_id from seat_assignments sa join memberships m on m.account_id = sa.account_id and m.user_id = sa.user_id
       where sa.account_id = ? and sa.subscription_id = ? order by m.email`,
      [accountId, subscription.id],
    );
    const users = await app.sql<{ user_id: string }>("select user_id from memberships where account_id = ? and role = 'USER' and status = 'ACTIVE'", [accountId]);
    const plain = holders.filter((person) => users.some((user) => user.user_id === person.user_id));
    [holder, spared] = plain as [Person, Person];
    others = holders.filter((person) => person !== holder && person !== spared).map((person) => person.user_id);
    // Both were given their seats 200 days ago and have not used its products since: idle for 200 days.
    await app.sql('update seat_assignments set created_at = ? where id in (?, ?)', [driver === 'sqlite' ? START.getTime() - 200 * DAY : new Date(START.getTime() - 200 * DAY), holder.seat_id, spared.seat_id]);
    await app.sql('delete from usage_last where account_id = ? and user_id in (?, ?)', [accountId, holder.user_id, spared.user_id]);
    // The one reclaimed from reads Slovenian; the spared one is in a team the policy leaves alone.
    await app.sql("update users set language = 'SL' where id = ?", [holder.user_id]);
    [{ id: teamId }] = (await app.sql<{ id: string }>('select id from teams where account_id = ? order by name limit 1', [accountId])) as [{ id: string }];
    await app.sql('update memberships set team_id = ? where account_id = ? and user_id = ?', [teamId, accountId, spared.user_id]);
    await app.sql('update memberships set team_id = null where account_id = ? and user_id = ?', [accountId, holder.user_id]);
    adminEmails = (
      await app.sql<{ email: string }>("select email from memberships where account_id = ? and status = 'ACTIVE' and role in ('PRIMARY_ADMIN', 'SECONDARY_ADMIN') order by email", [accountId])
    ).map((row) => row.email);
    admin = app.client();
    dataOf(await admin.signIn(adminEmails[0]!));
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('lives its whole life: dry run, notice, keep my seat, second notice, use cancels, reclaim, undo', async () => {
    policy = dataOf(
      await admin.graphql<{ createReclaimPolicy: Policy }>(CREATE, {
        input: {
          name: 'Idle 30 days',
          subscriptionId: subscription.id,
          signal: 'LAST_USE',
          thresholdDays: 30,
          graceDays: 7,
          exclusions: { userIds: others, teamIds: [teamId], roles: ['PRIMARY_ADMIN'] },
        },
      }),
    ).createReclaimPolicy;
    expect(policy.enabled).toBe(false);

    // The dry run lists who would lose which seat and why; exclusions (the team) respected.
    const dry = dataOf(await admin.graphql<{ reclaimDryRun: DryRun }>(DRY_RUN, { id: policy.id })).reclaimDryRun;
    expect(dry.candidates.map((seat) => seat.email)).toEqual([holder.email]);
    expect(dry.totalCount).toBe(1);
    expect(dry.excludedCount).toBeGreaterThanOrEqual(1);
    expect(dry.candidates[0]).toMatchObject({ seatId: holder.seat_id, idleDays: 200, reason: 'Not used for 200 days', reclaimOn: '2026-12-02' });
    const inSlovenian = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: JSON.stringify({ query: DRY_RUN, variables: { id: policy.id } }),
    });
    expect(((await inSlovenian.json()) as { data: { reclaimDryRun: DryRun } }).data.reclaimDryRun.candidates[0]!.reason).toBe('Ni bila uporabljena 200 dni');

    // Off: the job announces nothing.
    await runJob();
    expect(mailsTo(holder.email)).toHaveLength(0);

    // Switched on: one notice however often the job runs, in the holder's language.
    policy = dataOf(await admin.graphql<{ setReclaimPolicyEnabled: Policy }>(SWITCH, { input: { id: policy.id, version: dry.version, enabled: true } })).setReclaimPolicyEnabled;
    await runJob();
    await runReclaimPolicies({ em: app.orm.em.fork() as EntityManager, events: app.seatwise.events, config: app.config }, now);
    await app.deliverEvents();
    const first = mailsTo(holder.email);
    expect(first.map((mail) => mail.subject)).toEqual([`Vaša licenca naročnine ${subscription.name} bo odvzeta 2. 12. 2026`]);
    expect(first[0]!.text).toContain('niste uporabili že 200 dni');
    expect(mailsTo(spared.email)).toHaveLength(0);
    expect(dataOf(await admin.graphql<{ reclaimPolicy: Policy }>(ONE, { id: policy.id })).reclaimPolicy.pendingNotices).toBe(1);

    // Keep my seat: the page asks, a GET changes nothing; a tampered link is refused; two clicks at once keep it once.
    setNow(new Date(START.getTime() + 2 * DAY));
    const link = keepLink(first[0]!);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Zakaj jo še potrebujete?');
    expect((await fetch(link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')), form('x'))).status).toBe(400);
    expect((await fetch(link, form('   '))).status).toBe(400);
    const clicks = await Promise.all([fetch(link, form('Projekt Tivoli se začne januarja')), fetch(link, form('Projekt Tivoli se začne januarja'))]);
    expect(clicks.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await notices()).toEqual([{ state: 'KEPT', keep_reason: 'Projekt Tivoli se začne januarja' }]);

    // The clock restarted on the day of the keep: nothing until 30 days after it, then a second notice.
    setNow(new Date(START.getTime() + 31 * DAY));
    await runJob();
    expect(mailsTo(holder.email)).toHaveLength(1);
    setNow(new Date(START.getTime() + 32 * DAY));
    await runJob();
    expect(mailsTo(holder.email)).toHaveLength(2);

    // Using the product cancels the notice.
    const used = await postEvents(app, admin, [
      { id: `reclaim-use-${driver}`, type: 'PRODUCT_SESSION', occurredAt: new Date(now.getTime() - 3_600_000).toISOString(), user: holder.email, product: (await productOf(subscription.id)), minutes: 30 },
    ]);
    expect(used.status).toBe(200);
    await app.deliverEvents();
    await runJob();
    expect((await notices()).map((notice) => notice.state)).toEqual(['KEPT', 'USED']);

    // 30 idle days after that use, a third notice; its grace period over, the seat is taken back.
    setNow(new Date(now.getTime() + 30 * DAY));
    await runJob();
    expect(mailsTo(holder.email)).toHaveLength(3);
    setNow(new Date(now.getTime() + 7 * DAY + 3_600_000));
    await runJob();
    expect((await notices()).map((notice) => notice.state)).toEqual(['KEPT', 'USED', 'RECLAIMED']);
    expect(await app.sql('select id from seat_assignments where id = ?', [holder.seat_id])).toHaveLength(0);
    expect(mailsTo(holder.email).at(-1)!.subject).toBe(`Vaša licenca naročnine ${subscription.name} je bila odvzeta`);
    for (const email of adminEmails) {
      expect(mailsTo(email).filter((mail) => mail.subject === `A seat of ${subscription.name} was reclaimed from ${holder.email}` || mail.subject === `Uporabniku ${holder.email} je bila odvzeta licenca naročnine ${subscription.name}`), email).toHaveLength(1);
    }
    // Again: nothing more.
    const sent = peer.received.length;
    await runJob();
    expect(peer.received.length).toBe(sent);
    expect(mailsTo(holder.email)).toHaveLength(4);

    // The ledger names the policy; the admin undoes it within 14 days and gets the same seat back.
    type Entry = { id: string; event: string; reason: string; actorKind: string; policyId: string | null; seatId: string; undoableUntil: string | null };
    const ledger = dataOf(await admin.graphql<{ seatLedger: { edges: { node: Entry }[] } }>(LEDGER, { filter: { userId: holder.user_id } })).seatLedger.edges.map((edge) => edge.node);
    const reclaimed = ledger.find((entry) => entry.reason === 'RECLAIM')!;
    expect(reclaimed).toMatchObject({ event: 'UNASSIGN', actorKind: 'POLICY', policyId: policy.id, seatId: holder.seat_id });
    expect(reclaimed.undoableUntil).not.toBeNull();
    const undone = dataOf(await admin.graphql<{ undoSeatChange: { restored: { event: string; seatId: string }[] } }>(UNDO, { input: { entryId: reclaimed.id } })).undoSeatChange;
    expect(undone.restored).toEqual([{ event: 'RESTORE', reason: 'UNDO', seatId: holder.seat_id }]);
    expect(await app.sql('select id from seat_assignments where id = ?', [holder.seat_id])).toHaveLength(1);

    // Seats reclaimed and restored this month, net of restores.
    const months = dataOf(await admin.graphql<{ reclaimedSeatsByMonth: { month: string; reclaimed: number; restored: number; net: number }[] }>(MONTHS)).reclaimedSeatsByMonth;
    expect(months).toHaveLength(3);
    expect(months.at(-1)).toEqual({ month: new Date(now).toISOString().slice(0, 7), reclaimed: 1, restored: 1, net: 0 });
  });

  const productOf = async (subscriptionId: string) => {
    const [row] = await app.sql<{ code: string }>('select p.code from subscription_products sp join products p on p.id = sp.product_id where sp.subscription_id = ? order by p.code limit 1', [subscriptionId]);
    return row!.code;
  };

  it('refuses bad input with a clear code, a stale switch, users and other accounts', async () => {
    const bad = await admin.graphql(CREATE, { input: { name: 'x', signal: 'LAST_USE', thresholdDays: 30, graceDays: 0 } });
    expect(errorOf(bad)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'graceDays' } });
    const current = dataOf(await admin.graphql<{ reclaimPolicy: Policy }>(ONE, { id: policy.id })).reclaimPolicy;
    // Two changes on one version at once: one lands, the other is STALE_CHANGE.
    const both = await Promise.all([
      admin.graphql(UPDATE, { input: { id: policy.id, version: current.version, graceDays: 10 } }),
      admin.graphql(UPDATE, { input: { id: policy.id, version: current.version, graceDays: 12 } }),
    ]);
    expect(both.filter((response) => response.errors?.[0]?.extensions?.code === 'STALE_CHANGE')).toHaveLength(1);

    // A person of another account sees none of it and can touch none of it.
    const stranger = app.client();
    dataOf(await stranger.signIn(DEMO_OTHER_ADMIN_EMAIL));
    expect(dataOf(await stranger.graphql<{ reclaimPolicies: { totalCount: number } }>(LIST)).reclaimPolicies.totalCount).toBe(0);
    expect(errorOf(await stranger.graphql(ONE, { id: policy.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await stranger.graphql(DRY_RUN, { id: policy.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await stranger.graphql(SWITCH, { input: { id: policy.id, version: 99, enabled: false } })).extensions?.code).toBe('NOT_FOUND');
    // A plain user of the account: FORBIDDEN.
    const user = app.client();
    dataOf(await user.signIn(DEMO_USER_EMAIL));
    expect(errorOf(await user.graphql(LIST)).extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await admin.graphql<{ reclaimPolicies: { totalCount: number } }>(LIST)).reclaimPolicies.totalCount).toBe(1);
  });

  it('switched off, closes its pending notices and announces nothing more', async () => {
    const current = dataOf(await admin.graphql<{ reclaimPolicy: Policy }>(ONE, { id: policy.id })).reclaimPolicy;
    dataOf(await admin.graphql(SWITCH, { input: { id: policy.id, version: current.version, enabled: false } }));
    const reclaimMails = () => peer.received.filter((mail) => /odvzet|reclaimed/.test(mail.subject ?? '')).length;
    const sent = reclaimMails();
    setNow(new Date(now.getTime() + 60 * DAY));
    await runJob();
    expect(reclaimMails()).toBe(sent);
    expect((await notices()).some((notice) => notice.state === 'PENDING')).toBe(false);
  });
});
