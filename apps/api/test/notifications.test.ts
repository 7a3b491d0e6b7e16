import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { EventBus } from '../src/modules/jobs/event-bus.js';
import { JobWorker } from '../src/modules/jobs/job-worker.js';
import { renewalNoticeFor, sendDueNotifications } from '../src/modules/notifications/due-notifications.js';
import { subscribeNotificationMail } from '../src/modules/notifications/notification-mails.js';
import { claimNotification } from '../src/modules/notifications/notifications.service.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { postEvents } from './rest.js';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const silent = createLogger('silent');

/** 23:30 UTC on 30 November is already 1 December in Ljubljana, the demo customer's zone: its "today". */
const NOW = new Date('2026-11-30T23:30:00Z');

const ALERTS = '{ cloudCreditAlerts { threshold warnings { subscription { id name } remaining level } } }';
const SET_ALERT = 'mutation ($input: SetCloudCreditAlertInput!) { setCloudCreditAlert(input: $input) { threshold warnings { subscription { name } remaining level } } }';

interface Admin {
  user_id: string;
  email: string;
}

describe('renewal notices', () => {
  it('go out at 90, 60, 30 and 7 days before the last day, a missed day still sending the notice it was due', () => {
    expect([120, 91, 90, 61, 60, 45, 31, 30, 8, 7, 1, 0, -1].map(renewalNoticeFor)).toEqual([null, null, 90, 90, 60, 60, 60, 30, 30, 7, 7, 7, null]);
  });
});

describe.each(drivers)('notifications Settings offers (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let otherOrm: MikroORM;
  let other: EventBus;
  let otherWorker: JobWorker;
  let admin: TestClient;
  let accountId: string;
  let admins: Admin[];
  const origin = 'https://seatwise.test';

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: origin } });
    app.setNow(NOW);
    // A second instance: its own bus and worker with the same daily schedule, on its own connections
    // on PostgreSQL. SQLite serves one instance (two in one process would block each other's
    // synchronous writes), so there the second worker shares the app's connection.
    otherOrm = driver === 'postgresql' ? await openDatabase(app.config.database) : app.orm;
    other = new EventBus(otherOrm, silent, { instanceId: 'other-instance' });
    subscribeNotificationMail(other, app.mail, app.config);
    otherWorker = new JobWorker(otherOrm, silent, {}, {
      schedules: [{ name: 'notifications.daily', cron: '0 6 * * *', run: (em, now) => sendDueNotifications({ em, events: other }, now) }],
      now: () => NOW,
      scheduleCheckMs: 0,
    });
    [{ id: accountId }] = (await app.sql<{ id: string }>("select id from accounts where name = 'Kolektor Gradnje d.o.o.'")) as [{ id: string }];
    admins = await app.sql<Admin>(
      "select m.user_id, u.email from memberships m join users u on u.id = m.user_id where m.account_id = ? and m.status = 'ACTIVE' and m.role in ('PRIMARY_ADMIN', 'SECONDARY_ADMIN') order by u.email",
      [accountId],
    );
    expect(admins.length).toBeGreaterThanOrEqual(2);
    // Every admin hears of everything, one in Slovenian, the others in English.
    await app.sql('delete from notification_preferences where user_id in (select user_id from memberships where account_id = ?)', [accountId]);
    await app.sql("update users set language = 'EN' where id in (select user_id from memberships where account_id = ?)", [accountId]);
    await app.sql("update users set language = 'SL' where id = ?", [admins[0]!.user_id]);
    admin = app.client();
    dataOf(await admin.signIn(admins[0]!.email));
  });
  afterAll(async () => {
    await otherWorker?.stop();
    await other?.stop();
    if (otherOrm !== app?.orm) await otherOrm?.close(true);
    await app?.close();
    await peer?.close();
  });

  const setSubscription = (name: string, changes: string, params: unknown[] = []) =>
    app.sql(`update subscriptions set ${changes} where account_id = ? and name = ?`, [...params, accountId, name]);
  const subjectsTo = (email: string) =>
    peer.received.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((value) => value.address === email))).map((mail) => mail.subject ?? '');
  const about = (text: string) => peer.received.filter((mail) => mail.subject?.includes(text));
  /** The daily schedule fired twice on this instance, and at once on both instances, then every mail delivered. */
  const runDaily = async () => {
    await app.seatwise.worker.runPeriodic(true);
    await app.seatwise.worker.runPeriodic(true);
    await Promise.all([app.seatwise.worker.runPeriodic(true), otherWorker.runPeriodic(true), sendDueNotifications({ em: otherOrm.em.fork() as EntityManager, events: other }, NOW)]);
    await app.deliverEvents();
  };
  /** A header as it arrived (mailparser folds List-* headers into its own structure). */
  const headerOf = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
  const unsubscribeLink = (mail: ParsedMail) => {
    const header = headerOf(mail, 'list-unsubscribe');
    const url = /^<(https:\/\/seatwise\.test\/api\/unsubscribe\/[^>]+)>$/.exec(header)?.[1];
    expect(url, header).toBeTruthy();
    return url!.replace(origin, app.url);
  };

  it('tells each admin once of a renewal due, in their language and on the account’s day, however often and on however many instances the job runs', async () => {
    // On the account's day (1 December) the 8th is 7 days away (UTC's 30 November would make it 8: the 30-day notice).
    await setSubscription('Structa BIM', 'ends_on = ?', ['2026-12-08']);
    await setSubscription('Design & Engineering Collection', 'ends_on = ?', ['2026-12-02']);
    await runDaily();
    for (const { email } of admins) {
      const subjects = subjectsTo(email);
      const english = email !== admins[0]!.email;
      const sevenDays = english ? 'Structa BIM: renewal due in 7 days' : 'Structa BIM: podaljšanje čez 7 dni';
      const oneDay = english ? 'Design & Engineering Collection: renewal due in 1 day' : 'Design & Engineering Collection: podaljšanje čez 1 dan';
      expect(subjects.filter((subject) => subject === sevenDays), `${email}: ${subjects.join(' | ')}`).toHaveLength(1);
      expect(subjects.filter((subject) => subject === oneDay)).toHaveLength(1);
    }
    const slovenian = about('Structa BIM: podaljšanje').find(() => true)!;
    expect(slovenian.text).toContain('se izteče 8. 12. 2026, čez 7 dni.');
    expect(about('Structa BIM: renewal due in 7 days')[0]!.text).toContain('ends on 8 December 2026, in 7 days.');
    // Nothing more on a further run; one row per admin and notice.
    const before = peer.received.length;
    await runDaily();
    expect(peer.received.length).toBe(before);
    const claims = await app.sql<{ n: number | string }>(
      "select count(*) as n from notifications_sent n join subscriptions s on n.subject = s.id || '@' || s.ends_on where n.kind = 'renewal.7' and s.account_id = ? and s.name in ('Structa BIM', 'Design & Engineering Collection')",
      [accountId],
    );
    expect(Number(claims[0]!.n)).toBe(admins.length * 2);
  });

  it('claims a notification once when two instances claim it at the same moment', async () => {
    const key = { kind: 'test.race', subject: `race-${driver}`, userId: admins[0]!.user_id };
    const results = await Promise.all([
      otherOrm.em.fork().transactional((em) => claimNotification(em as EntityManager, key)),
      app.orm.em.fork().transactional((em) => claimNotification(em as EntityManager, key)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimNotification(app.em(), key)).toBe(false);
  });

  it('says when a subscription expired, once', async () => {
    await setSubscription('Motion Studio', "ends_on = ?, renewal = 'MANUAL', expired_at = null", ['2026-11-29']);
    await runDaily();
    const expired = about('Naročnina Motion Studio je potekla');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.text).toContain('se je iztekla 29. 11. 2026');
    expect(about('Motion Studio has expired')).toHaveLength(admins.length - 1);
  });

  it('carries RFC 8058 one-click unsubscribe headers; a GET only asks, a POST with no sign-in turns the category off', async () => {
    const mail = about('Structa BIM: renewal due in 7 days')[0]!;
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('To stop these messages, open this link (one click, no sign-in):');
    const link = unsubscribeLink(mail);
    const email = (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0]!.address!;
    const person = admins.find((candidate) => candidate.email === email)!;
    const channel = async () =>
      (await app.sql<{ channel: string }>("select channel from notification_preferences where user_id = ? and category = 'SUBSCRIPTION_RENEWALS'", [person.user_id]))[0]?.channel ?? 'EMAIL';

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain(email);
    expect(await channel()).toBe('EMAIL');

    const tampered = await fetch(link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(tampered.status).toBe(400);
    expect(await channel()).toBe('EMAIL');

    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('are now off');
    expect(await channel()).toBe('NONE');

    // The next notice goes to the others, not to whoever unsubscribed.
    await setSubscription('Drafter', 'ends_on = ?', ['2026-12-05']);
    await runDaily();
    expect(subjectsTo(email).filter((subject) => subject === 'Drafter: renewal due in 4 days')).toEqual([]);
    const told = admins.filter((candidate) => candidate.email !== email && candidate.email !== admins[0]!.email);
    for (const { email: address } of told) expect(subjectsTo(address).filter((subject) => subject === 'Drafter: renewal due in 4 days')).toHaveLength(1);
    expect(subjectsTo(admins[0]!.email).filter((subject) => subject === 'Drafter: podaljšanje čez 4 dni')).toHaveLength(1);
  });

  it('alerts once when the credits left cross the threshold the admin set, and again after they went back above and crossed again', async () => {
    expect(errorOf(await admin.graphql(SET_ALERT, { input: { threshold: -1 } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threshold' });
    expect(errorOf(await admin.graphql(SET_ALERT, { input: { threshold: 100_000_001 } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threshold' });
    const start = dataOf(await admin.graphql<{ cloudCreditAlerts: { threshold: number | null; warnings: unknown[] } }>(ALERTS)).cloudCreditAlerts;
    expect(start.threshold).toBeNull();

    const [cloud] = await app.sql<{ id: string; remaining: number | string }>(
      "select s.id, sum(e.amount) as remaining from subscriptions s join cloud_credit_entries e on e.subscription_id = s.id where s.account_id = ? and s.name = 'Cloud Credits 5000' group by s.id",
      [accountId],
    );
    const remaining = Number(cloud!.remaining);
    const threshold = Math.max(remaining, 0) + 100;
    const set = dataOf(await admin.graphql<{ setCloudCreditAlert: { threshold: number; warnings: { subscription: { name: string }; remaining: number; level: string }[] } }>(SET_ALERT, { input: { threshold } }));
    expect(set.setCloudCreditAlert.threshold).toBe(threshold);
    expect(set.setCloudCreditAlert.warnings).toContainEqual({ subscription: { name: 'Cloud Credits 5000' }, remaining, level: remaining < 0 ? 'NEGATIVE' : 'LOW' });
    const [audit] = await app.sql<{ summary: string }>("select summary from audit_entries where action = 'cloud-credits.alert.change' and account_id = ?", [accountId]);
    expect(audit!.summary).toContain(`fewer than ${threshold}`);

    const credits = () => about('cloud credit');
    await runDaily();
    expect(credits()).toHaveLength(admins.length - 1);
    expect(about('kredit')).toHaveLength(1);
    await runDaily();
    expect(credits()).toHaveLength(admins.length - 1);

    // Back above the threshold (a purchase), then below again: a new event.
    const entry = (amount: number, kind: string) =>
      app.sql("insert into cloud_credit_entries (id, created_at, account_id, subscription_id, kind, amount, occurred_at, day) values (?, ?, ?, ?, ?, ?, ?, 0)", [
        crypto.randomUUID(),
        app.em().getPlatform().processDateProperty(NOW),
        accountId,
        cloud!.id,
        kind,
        amount,
        app.em().getPlatform().processDateProperty(NOW),
      ]);
    await entry(threshold - remaining + 50, 'PURCHASE');
    await runDaily();
    expect(credits()).toHaveLength(admins.length - 1);
    await entry(-(threshold + 550), 'CONSUMPTION');
    await runDaily();
    expect(credits()).toHaveLength(2 * (admins.length - 1));
    // Now below zero: the page and the home say so.
    const now = dataOf(await admin.graphql<{ cloudCreditAlerts: { warnings: { subscription: { name: string }; remaining: number; level: string }[] } }>(ALERTS)).cloudCreditAlerts;
    expect(now.warnings).toContainEqual({ subscription: expect.objectContaining({ name: 'Cloud Credits 5000' }), remaining: -500, level: 'NEGATIVE' });
    expect(about('kredit')[1]!.subject).toMatch(/^Cloud Credits 5000: ostalo je še [-−]500 kreditov v oblaku$/);
    const alert = credits()[0]!;
    expect(alert.text).toContain('below the alert threshold of');
    expect(unsubscribeLink(alert)).toContain('/api/unsubscribe/');

    // Turned off: no warning level changes for a balance below zero, and no more mail is claimed.
    expect(dataOf(await admin.graphql<{ setCloudCreditAlert: { threshold: null } }>(SET_ALERT, { input: { threshold: null } })).setCloudCreditAlert.threshold).toBeNull();
  });

  it('alerts at once when ingested usage takes the credits below the threshold, not again at the daily run', async () => {
    const [cloud] = await app.sql<{ id: string; remaining: number | string }>(
      "select s.id, sum(e.amount) as remaining from subscriptions s join cloud_credit_entries e on e.subscription_id = s.id where s.account_id = ? and s.name = 'Cloud Credits 5000' group by s.id",
      [accountId],
    );
    const platform = app.em().getPlatform();
    await app.sql("insert into cloud_credit_entries (id, created_at, account_id, subscription_id, kind, amount, occurred_at, day) values (?, ?, ?, ?, 'PURCHASE', ?, ?, 0)", [
      crypto.randomUUID(),
      platform.processDateProperty(NOW),
      accountId,
      cloud!.id,
      10_000 - Number(cloud!.remaining),
      platform.processDateProperty(NOW),
    ]);
    dataOf(await admin.graphql(SET_ALERT, { input: { threshold: 9_500 } }));
    // Above the threshold: the daily run re-arms the alert.
    await runDaily();
    const before = about('cloud credit').length;
    const response = await postEvents(app, admin, [
      { id: `credits-${driver}`, type: 'CLOUD_CREDITS', occurredAt: '2026-11-30T20:00:00Z', user: admins[0]!.email, product: 'RND', credits: 600, service: 'rendering' },
    ]);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(1);
    await app.deliverEvents();
    await app.deliverEvents();
    const alerts = about('Cloud Credits 5000: 9400 cloud credits left');
    expect(alerts).toHaveLength(admins.length - 1);
    expect(about('cloud credit').length).toBe(before + admins.length - 1);
    await runDaily();
    expect(about('cloud credit').length).toBe(before + admins.length - 1);
    dataOf(await admin.graphql(SET_ALERT, { input: { threshold: null } }));
  });

  it('alerts once when every seat of a subscription is assigned', async () => {
    const [structa] = await app.sql<{ used: number | string }>(
      "select count(*) as used from seat_assignments sa join subscriptions s on s.id = sa.subscription_id where s.account_id = ? and s.name = 'Formwork 3D'",
      [accountId],
    );
    const used = Number(structa!.used);
    expect(used).toBeGreaterThan(0);
    await setSubscription('Formwork 3D', 'seats = ?', [used]);
    await runDaily();
    await runDaily();
    expect(about('Formwork 3D: every seat is assigned')).toHaveLength(admins.length - 1);
    expect(about('Formwork 3D: vse licence so dodeljene')).toHaveLength(1);
    expect(about('Formwork 3D: every seat is assigned')[0]!.text).toContain(`(${used} of ${used})`);
  });

  it('refuses the threshold to a person who is not an admin, and keeps it to the own account', async () => {
    const person = app.client();
    dataOf(await person.signIn('user@example.com'));
    expect(errorOf(await person.graphql(SET_ALERT, { input: { threshold: 5 } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
    expect(dataOf(await alpine.graphql<{ setCloudCreditAlert: { threshold: number } }>(SET_ALERT, { input: { threshold: 7 } })).setCloudCreditAlert.threshold).toBe(7);
    const thresholds = await app.sql<{ name: string; credit_alert_threshold: number | null }>('select name, credit_alert_threshold from accounts order by name');
    expect(thresholds.find((row) => row.name === 'Kolektor Gradnje d.o.o.')!.credit_alert_threshold).toBeNull();
    expect(thresholds.find((row) => row.name === 'Alpine Studio GmbH')!.credit_alert_threshold).toBe(7);
  });
});
