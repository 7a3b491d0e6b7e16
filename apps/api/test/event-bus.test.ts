import { Language } from '@seatwise/schema';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/common/transaction.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { subscribeIdentityMail } from '../src/modules/identity/identity.events.js';
import { EventBus, publish } from '../src/modules/jobs/event-bus.js';
import { subscribeInvitationMail } from '../src/modules/users/invitation.events.js';
import { dataOf, drivers, startTestApp, type TestApp } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

declare module '../src/modules/jobs/event-bus.js' {
  interface EventMap {
    'test.flaky': { label: string };
  }
}

const silent = createLogger('silent');

interface DeliveryRow {
  status: string;
  attempts: number;
  error: string | null;
  run_after: string | number | Date;
  payload: string | Record<string, unknown>;
}

/** A password-reset event for `email`, as `requestPasswordReset` publishes it. */
const resetFor = (email: string) => ({
  person: { email, language: Language.EN, firstName: 'Test' },
  link: `https://seatwise.test/reset-password?token=${encodeURIComponent(email)}`,
  minutes: 30,
  firstPassword: false,
});

describe.each(drivers)('after-commit events through the outbox (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  /** A second instance: its own connection pool (or SQLite connection) on the same database. */
  let otherOrm: MikroORM;
  let other: EventBus;
  let flakyCalls: string[] = [];

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { seed: false, env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://seatwise.test' } });
    otherOrm = await openDatabase(app.config.database);
    other = new EventBus(otherOrm, silent, { instanceId: 'other-instance' });
    subscribeIdentityMail(other, app.mail, app.config);
    app.seatwise.events.subscribe('test.flaky', 'flaky', async ({ label }, { attempt }) => {
      flakyCalls.push(`${label}#${attempt}`);
      if (label === 'always' || attempt === 1) throw new Error(`relay refused ${label} (attempt ${attempt})`);
    });
    other.subscribe('test.flaky', 'flaky', async () => {
      throw new Error('not expected on the other instance');
    });
  });
  afterAll(async () => {
    await other?.stop();
    await otherOrm?.close(true);
    await app?.close();
    await peer?.close();
  });

  const tx = () => ({ em: app.em(), events: app.seatwise.events });
  const rows = (event: string) =>
    app.sql<DeliveryRow>('select status, attempts, error, run_after, payload from event_deliveries where event = ? order by created_at', [event]);

  it('sends nothing when the transaction that published rolls back', async () => {
    const email = `rolled-back-${driver}@test.example`;
    const count = async () => Number((await app.sql<{ n: number }>('select count(*) as n from event_deliveries'))[0]!.n);
    const before = await count();
    await expect(
      inTransaction(tx(), async (t) => {
        publish(t, 'identity.password-reset-requested', resetFor(email));
        await t.em.flush();
        throw new Error('the change failed after publishing');
      }),
    ).rejects.toThrow('the change failed after publishing');
    expect(await count()).toBe(before);
    await app.deliverEvents();
    await other.drain();
    // A committed mail after it arrives, so the peer has been given every chance to see the first.
    const later = `after-rollback-${driver}@test.example`;
    await inTransaction(tx(), async (t) => publish(t, 'identity.password-reset-requested', resetFor(later)));
    await app.deliverEvents();
    await peer.waitFor(sentTo(later));
    expect(peer.received.filter(sentTo(email))).toHaveLength(0);
  });

  it('sends a committed event exactly once while two instances race for it', async () => {
    const emails = Array.from({ length: 12 }, (_, index) => `raced-${index}-${driver}@test.example`);
    await inTransaction(tx(), async (t) => {
      for (const email of emails) publish(t, 'identity.password-reset-requested', resetFor(email));
    });
    // This instance's loop, its drain, and two loops of another instance on their own connections.
    await Promise.all([app.deliverEvents(), other.drain(), other.drain()]);
    await Promise.all(emails.map((email) => peer.waitFor(sentTo(email))));
    await app.deliverEvents();
    await other.drain();
    for (const email of emails) expect(peer.received.filter(sentTo(email)), email).toHaveLength(1);
    const open = await app.sql(`select id from event_deliveries where event = ? and status <> 'SUCCEEDED'`, ['identity.password-reset-requested']);
    expect(open).toHaveLength(0);
  });

  it('retries a failed delivery after a backoff, keeps the error visible, and gives up after the last attempt', async () => {
    flakyCalls = [];
    await inTransaction(tx(), async (t) => {
      publish(t, 'test.flaky', { label: 'once' });
      publish(t, 'test.flaky', { label: 'always' });
    });
    await app.deliverEvents();
    expect(flakyCalls.sort()).toEqual(['always#1', 'once#1']);
    const [once, always] = await rows('test.flaky');
    expect(once).toMatchObject({ status: 'QUEUED', attempts: 1, error: 'relay refused once (attempt 1)' });
    const due = (row: DeliveryRow) => new Date(typeof row.run_after === 'string' && /^\d+$/.test(row.run_after) ? Number(row.run_after) : row.run_after);
    expect(due(once!).getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(always).toMatchObject({ status: 'QUEUED', attempts: 1 });

    // Within the backoff nothing runs again.
    await app.deliverEvents();
    expect(flakyCalls).toHaveLength(2);

    // Later (the clock passed to the claim), the first succeeds; the second keeps failing, each wait twice the last.
    const bus = app.seatwise.events;
    let clock = Date.now();
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      clock += 10_000 * 2 ** (attempt - 1);
      while (await bus.runOnce(new Date(clock)));
    }
    expect(flakyCalls.filter((call) => call.startsWith('once'))).toEqual(['once#1', 'once#2']);
    expect(flakyCalls.filter((call) => call.startsWith('always'))).toEqual(['always#1', 'always#2', 'always#3', 'always#4', 'always#5']);
    const [delivered, failed] = await rows('test.flaky');
    expect(delivered).toMatchObject({ status: 'SUCCEEDED', attempts: 2, error: null });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 5, error: 'relay refused always (attempt 5)' });
    // Delivered, the payload (links, addresses) is not kept; given up, it stays for an operator's retry until the retention.
    const payloadOf = (row: DeliveryRow) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as unknown;
    expect(payloadOf(delivered!)).toEqual({});
    expect(payloadOf(failed!)).toEqual({ label: 'always' });
  });

  it('delays mail while the SMTP relay refuses it and delivers each exactly once when it accepts again', async () => {
    const emails = Array.from({ length: 3 }, (_, index) => `outage-${index}-${driver}@test.example`);
    peer.refusing = true;
    const refusedBefore = peer.refused;
    await inTransaction(tx(), async (t) => {
      for (const email of emails) publish(t, 'identity.password-reset-requested', resetFor(email));
    });
    await app.deliverEvents();
    // The relay said 451 to each; nothing arrived, and every delivery waits for its next attempt with the reason.
    expect(peer.refused - refusedBefore).toBe(3);
    const waiting = await app.sql<DeliveryRow>(
      `select status, attempts, error, run_after, payload from event_deliveries where event = ? and status = 'QUEUED'`,
      ['identity.password-reset-requested'],
    );
    expect(waiting).toHaveLength(3);
    for (const row of waiting) expect(row).toMatchObject({ attempts: 1, error: expect.stringContaining('451') });
    // Still down a minute later: refused again, still kept.
    await app.seatwise.events.drain(new Date(Date.now() + 60_000));
    expect(peer.refused - refusedBefore).toBe(6);
    // The relay is back: the next attempts go through, once each, and nothing is sent again afterwards.
    peer.refusing = false;
    await app.seatwise.events.drain(new Date(Date.now() + 10 * 60_000));
    await Promise.all(emails.map((email) => peer.waitFor(sentTo(email))));
    await app.seatwise.events.drain(new Date(Date.now() + 60 * 60_000));
    await other.drain(new Date(Date.now() + 60 * 60_000));
    for (const email of emails) expect(peer.received.filter(sentTo(email)), email).toHaveLength(1);
    const open = await app.sql(`select id from event_deliveries where event = ? and status <> 'SUCCEEDED'`, ['identity.password-reset-requested']);
    expect(open).toHaveLength(0);
  });
});

describe.each(drivers)('mail of parallel requests, delivered by two instances (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let otherOrm: MikroORM;
  let other: EventBus;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://seatwise.test' } });
    otherOrm = await openDatabase(app.config.database);
    other = new EventBus(otherOrm, silent, { instanceId: 'other-instance', pollMs: 20 });
    subscribeInvitationMail(other, app.mail);
    other.start();
  });
  afterAll(async () => {
    await other?.stop();
    await otherOrm?.close(true);
    await app?.close();
    await peer?.close();
  });

  it('mails each of six invitations made at once exactly once, and none of a refused one', async () => {
    const admin = app.client();
    dataOf(await admin.signIn('admin@alpine.example'));
    const emails = Array.from({ length: 6 }, (_, index) => `parallel-${index}-${driver}@test.example`);
    const INVITE = `mutation Invite($email: String!) { inviteUser(input: { email: $email, firstName: "Vzporedni", lastName: "Gost" }) { id } }`;
    const answers = await Promise.all([...emails, emails[0]!].map((email) => admin.graphql(INVITE, { email })));
    // The same address twice at once: one invitation stands, the other is refused and rolls back.
    expect(answers.filter((answer) => answer.errors?.length)).toHaveLength(1);
    await Promise.all(emails.map((email) => peer.waitFor(sentTo(email))));
    await app.deliverEvents();
    await other.drain();
    for (const email of emails) expect(peer.received.filter(sentTo(email)), email).toHaveLength(1);
  });
});
