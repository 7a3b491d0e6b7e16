import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEMO_USER_EMAIL } from '../src/db/seed/demo.js';
import { sweepExpiredLeases } from '../src/modules/licensing/network-leases.service.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { deviceTokens, registerClient } from './oidc-helpers.js';

const SEATS = `query ($id: UUID!) { networkSeats(subscriptionId: $id) { subscriptionId seats inLicenceFiles free heartbeatSeconds
  leases { id userId personName email productName version machineName platform checkedOutAt lastHeartbeatAt expiresAt } } }`;
const RELEASE = 'mutation ($id: UUID!) { releaseNetworkLease(id: $id) }';
const IDLE = `query ($range: DateRangeInput!, $filter: SeatUsageFilter) { seatUsageByUser(range: $range, filter: $filter, first: 500) { rows { user { email } subscription { name } lastUsedOn daysUsed } } }`;

interface Seats {
  seats: number;
  inLicenceFiles: number;
  free: number;
  heartbeatSeconds: number;
  leases: { id: string; userId: string; email: string; machineName: string; platform: string; version: string; expiresAt: string; lastHeartbeatAt: string }[];
}
interface Grant {
  leaseId: string;
  lease: string;
  expiresAt: string;
  heartbeatSeconds: number;
  subscriptionId: string;
  renewed: boolean;
}
interface Refusal {
  status: number;
  code: string;
  message: string;
  field?: string;
  seats?: number;
  leases?: number;
  inLicenceFiles?: number;
  freeAgainAt?: string | null;
}

/** Issue 17, items 3 and 4: network seats as concurrent leases served by Seatwise, over real HTTP. */
describe.each(drivers)('network leases (%s)', (driver) => {
  let app: TestApp;
  let clientId: string;
  let person: TestClient;
  let admin: TestClient;
  let token: string;
  let network: { id: string; productId: string; product: string; version: string; userId: string };
  const HEARTBEAT_MS = 300_000;
  let now = TODAY.getTime();
  const at = (ms: number) => {
    now = ms;
    app.setNow(new Date(ms));
  };

  beforeAll(async () => {
    app = await startTestApp(driver);
    clientId = await registerClient(app);
    person = app.client();
    dataOf(await person.signIn(DEMO_USER_EMAIL));
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    token = (await deviceTokens(app, clientId, person)).access_token;
    const [row] = await app.sql<{ id: string; product_id: string; code: string }>(
      `select s.id, p.id as product_id, p.code from subscriptions s join subscription_products sp on sp.subscription_id = s.id join products p on p.id = sp.product_id
       where s.licence_type = 'NETWORK' and s.name = 'Formwork 3D'`,
    );
    const [version] = await app.sql<{ version: string }>("select version from product_versions where product_id = ? and status = 'CURRENT'", [row!.product_id]);
    const [me] = await app.sql<{ id: string }>('select id from users where email = ?', [DEMO_USER_EMAIL]);
    network = { id: row!.id, productId: row!.product_id, product: row!.code, version: version!.version, userId: me!.id };
    // No licence files hold seats at the start; three seats for the leases.
    await app.sql("update licence_requests set revoked_at = created_at where kind = 'NETWORK'");
    await app.sql('update subscriptions set seats = 3 where id = ?', [network.id]);
  });
  afterAll(() => app?.close());

  const post = (path: string, body: unknown, options: { token?: string; language?: string } = {}) =>
    fetch(`${app.url}/api/licences/network/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token ?? token}`, 'accept-language': options.language ?? 'en' },
      body: JSON.stringify(body),
    });
  const machine = (fingerprint: string) => ({ fingerprint, name: `WS ${fingerprint}`, platform: 'windows' });
  const checkout = (fingerprint: string, options?: { token?: string; language?: string }) =>
    post('checkout', { product: network.product, version: network.version, machine: machine(fingerprint) }, options);
  const granted = async (response: Response): Promise<Grant> => {
    const body = (await response.json()) as Grant;
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const refusal = async (response: Response): Promise<Refusal> => ({ status: response.status, ...((await response.json()) as { error: Omit<Refusal, 'status'> }).error });
  const seats = async () => dataOf(await admin.graphql<{ networkSeats: Seats }>(SEATS, { id: network.id })).networkSeats;
  const liveInDatabase = async () =>
    Number((await app.sql<{ total: number | string }>('select count(*) as total from network_leases where subscription_id = ? and ended_at is null and expires_at > ?', [network.id, driver === 'sqlite' ? now : new Date(now).toISOString()]))[0]!.total);
  const checkInAll = async () => {
    for (const lease of (await seats()).leases) dataOf(await admin.graphql(RELEASE, { id: lease.id }));
  };

  it('checks a seat out as a signed lease, extends it with heartbeats and frees it at checkin', async () => {
    const first = await granted(await checkout('ws-1'));
    expect(first).toMatchObject({ heartbeatSeconds: 300, subscriptionId: network.id, renewed: false });
    expect(new Date(first.expiresAt).getTime()).toBe(now + 2 * HEARTBEAT_MS);
    const verified = await jwtVerify(first.lease, createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`)), {
      issuer: app.config.publicUrl,
      audience: clientId,
      // The server's clock in this test is the seeded day.
      currentDate: new Date(now),
    });
    expect(verified.payload).toMatchObject({ lease_id: first.leaseId, licence_type: 'NETWORK', product: network.product, machine: 'ws-1', person_id: network.userId, subscription_id: network.id });
    expect(verified.payload.exp).toBe(Math.floor((now + 2 * HEARTBEAT_MS) / 1000));

    // The same machine again is the same lease, no second seat.
    expect(await granted(await checkout('ws-1'))).toMatchObject({ leaseId: first.leaseId, renewed: true });
    const held = await seats();
    expect(held).toMatchObject({ seats: 3, inLicenceFiles: 0, free: 2, heartbeatSeconds: 300 });
    expect(held.leases).toHaveLength(1);
    expect(held.leases[0]).toMatchObject({ id: first.leaseId, userId: network.userId, email: DEMO_USER_EMAIL, machineName: 'WS ws-1', platform: 'windows', version: network.version });

    at(now + HEARTBEAT_MS);
    const beat = await granted(await post('heartbeat', { leaseId: first.leaseId }));
    expect(beat).toMatchObject({ leaseId: first.leaseId, renewed: true });
    expect(new Date(beat.expiresAt).getTime()).toBe(now + 2 * HEARTBEAT_MS);
    expect((await seats()).leases[0]!.lastHeartbeatAt).toBe(new Date(now).toISOString());

    const checkin = (await (await post('checkin', { leaseId: first.leaseId })).json()) as { leaseId: string; endedAt: string };
    expect(checkin).toEqual({ leaseId: first.leaseId, endedAt: new Date(now).toISOString() });
    // Checking in again answers the same; the lease is over for heartbeats.
    expect((await post('checkin', { leaseId: first.leaseId })).status).toBe(200);
    expect(await seats()).toMatchObject({ free: 3, leases: [] });
    expect(await refusal(await post('heartbeat', { leaseId: first.leaseId }))).toMatchObject({ status: 410, code: 'LEASE_RELEASED', field: 'leaseId' });
  });

  it('refuses clearly: unknown lease, bad body, no token, no network licence, version, in the request language', async () => {
    expect(await refusal(await post('heartbeat', { leaseId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ status: 404, code: 'LEASE_NOT_FOUND' });
    expect(await refusal(await post('heartbeat', { leaseId: 'not-a-lease' }))).toMatchObject({ status: 404, code: 'LEASE_NOT_FOUND' });
    expect(await refusal(await post('checkin', {}))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'leaseId' });
    expect(await refusal(await post('checkout', { product: network.product }))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'machine' });
    expect(await refusal(await checkout('ws-x', { token: 'not-a-token' }))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refusal(await post('checkout', { product: 'DRF', version: network.version, machine: machine('ws-x') }))).toMatchObject({ status: 403, code: 'NO_NETWORK_LICENCE' });
    expect(await refusal(await post('checkout', { product: network.product, version: '1999', machine: machine('ws-x') }))).toMatchObject({ status: 403, code: 'VERSION_NOT_COVERED' });
    expect((await refusal(await post('heartbeat', { leaseId: '00000000-0000-4000-8000-000000000000' }, { language: 'sl' }))).message).toBe('Takega mrežnega zakupa nimate. Licenco prevzemite znova.');
    // Another person's lease is unknown to this one.
    const other = (await deviceTokens(app, clientId, admin)).access_token;
    const theirs = await granted(await checkout('admin-pc', { token: other }));
    expect(await refusal(await post('heartbeat', { leaseId: theirs.leaseId }))).toMatchObject({ status: 404, code: 'LEASE_NOT_FOUND' });
    expect(await refusal(await post('checkin', { leaseId: theirs.leaseId }))).toMatchObject({ status: 404, code: 'LEASE_NOT_FOUND' });
    expect((await post('checkin', { leaseId: theirs.leaseId }, { token: other })).status).toBe(200);
  });

  it('says what is held when every seat is taken, and frees a lease with no heartbeat for two intervals at once', async () => {
    const a = await granted(await checkout('ws-a'));
    const b = await granted(await checkout('ws-b'));
    const c = await granted(await checkout('ws-c'));
    const full = await refusal(await checkout('ws-d'));
    expect(full).toMatchObject({ status: 409, code: 'NO_FREE_SEAT', seats: 3, leases: 3, inLicenceFiles: 0, freeAgainAt: a.expiresAt });
    expect(full.message).toContain('3 held by running products');
    expect((await refusal(await checkout('ws-d', { language: 'sl' }))).message).toContain('Vse mrežne licence tega izdelka so zasedene');

    // b and c keep beating; a goes silent. One interval later it still holds its seat.
    at(now + HEARTBEAT_MS);
    for (const lease of [b, c]) await granted(await post('heartbeat', { leaseId: lease.leaseId }));
    expect((await refusal(await checkout('ws-d'))).code).toBe('NO_FREE_SEAT');
    // Two intervals after a's last heartbeat its seat is free for the very next checkout: no sweep ran.
    at(new Date(a.expiresAt).getTime());
    expect((await seats()).leases.map((lease) => lease.id).sort()).toEqual([b.leaseId, c.leaseId].sort());
    const d = await granted(await checkout('ws-d'));
    expect(await refusal(await post('heartbeat', { leaseId: a.leaseId }))).toMatchObject({ status: 410, code: 'LEASE_EXPIRED' });
    expect(await liveInDatabase()).toBe(3);

    // The sweep ends what has expired since and tells webhooks; it is not needed for the count.
    at(now + 2 * HEARTBEAT_MS);
    expect(await sweepExpiredLeases({ em: app.em(), events: app.seatwise.events }, new Date(now))).toBe(3);
    expect(await refusal(await post('heartbeat', { leaseId: d.leaseId }))).toMatchObject({ status: 410, code: 'LEASE_EXPIRED' });
    const [ended] = await app.sql<{ total: number | string }>("select count(*) as total from network_leases where end_reason = 'EXPIRED' and ended_at = expires_at");
    expect(Number(ended!.total)).toBe(4);
    expect(await seats()).toMatchObject({ free: 3, leases: [] });
  });

  it('never holds more leases than seats under parallel checkouts, and counts licence files against the same seats', async () => {
    await app.sql('update subscriptions set seats = 5 where id = ?', [network.id]);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => checkout(`race-${index}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(35);
    expect(await liveInDatabase()).toBe(5);
    expect(new Set(await Promise.all(answers.filter((answer) => answer.status === 409).map(async (answer) => (await refusal(answer)).code)))).toEqual(new Set(['NO_FREE_SEAT']));

    // A licence file for an on-premises server cannot take the seats the leases hold.
    const [version] = await app.sql<{ id: string }>("select id from product_versions where product_id = ? and status = 'CURRENT'", [network.productId]);
    const file = await admin.graphql('mutation ($input: NetworkLicenceInput!) { requestNetworkLicence(input: $input) { id } }', {
      input: { subscriptionId: network.id, versionId: version!.id, serverHostName: 'lic.example.com', hostId: '0050569A1B2C', seats: 1 },
    });
    expect(errorOf(file).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seats' });
    await checkInAll();
    dataOf(await admin.graphql('mutation ($input: NetworkLicenceInput!) { requestNetworkLicence(input: $input) { id } }', {
      input: { subscriptionId: network.id, versionId: version!.id, serverHostName: 'lic.example.com', hostId: '0050569A1B2C', seats: 4 },
    }));
    expect(await seats()).toMatchObject({ seats: 5, inLicenceFiles: 4, free: 1 });
    await granted(await checkout('after-file'));
    expect(await refusal(await checkout('after-file-2'))).toMatchObject({ status: 409, code: 'NO_FREE_SEAT', leases: 1, inLicenceFiles: 4 });
    await app.sql("update licence_requests set revoked_at = created_at where kind = 'NETWORK'");
    await checkInAll();
  });

  it('lets admins see who holds a seat and release one (audited); people and other accounts cannot', async () => {
    const lease = await granted(await checkout('ws-admin'));
    expect(errorOf(await person.graphql(SEATS, { id: network.id })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await person.graphql(RELEASE, { id: lease.leaseId })).extensions?.code).toBe('FORBIDDEN');
    // Not a network subscription: a clear refusal on the field.
    const [single] = await app.sql<{ id: string }>("select id from subscriptions where licence_type = 'SINGLE_USER' limit 1");
    expect(errorOf(await admin.graphql(SEATS, { id: single!.id })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptionId' });
    // An admin of another account sees neither the subscription nor the lease.
    const stranger = app.client();
    dataOf(await stranger.signIn('admin@alpine.example'));
    expect(errorOf(await stranger.graphql(SEATS, { id: network.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await stranger.graphql(RELEASE, { id: lease.leaseId })).extensions?.code).toBe('NOT_FOUND');

    expect(dataOf(await admin.graphql(RELEASE, { id: lease.leaseId }))).toEqual({ releaseNetworkLease: true });
    expect(errorOf(await admin.graphql(RELEASE, { id: lease.leaseId })).extensions?.code).toBe('NOT_FOUND');
    expect(await refusal(await post('heartbeat', { leaseId: lease.leaseId }))).toMatchObject({ status: 410, code: 'LEASE_RELEASED' });
    const [entry] = await app.sql<{ action: string; target_id: string; summary: string }>("select action, target_id, summary from audit_entries where action = 'licence.lease.release' and target_id = ?", [lease.leaseId]);
    expect(entry).toMatchObject({ action: 'licence.lease.release', target_id: lease.leaseId });
    expect(entry!.summary).toContain('WS ws-admin');
  });

  it('records product sessions from checkouts and heartbeats in the usage data, once per lease and day, so Seat Usage shows the use', async () => {
    // The person holds a seat of the network subscription, idle (no use recorded) until now.
    dataOf(await admin.graphql('mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }', { input: { subscriptionId: network.id, userId: network.userId } }));
    await app.sql('delete from usage_days where user_id = ? and product_id = ?', [network.userId, network.productId]);
    await app.sql('delete from usage_last where user_id = ? and product_id = ?', [network.userId, network.productId]);
    await app.sql('delete from seat_months where user_id = ? and subscription_id = ?', [network.userId, network.id]);
    const day = new Date(now).toISOString().slice(0, 10);
    const range = { from: day, to: day };
    const row = async () =>
      dataOf(await admin.graphql<{ seatUsageByUser: { rows: { user: { email: string }; subscription: { name: string }; lastUsedOn: string | null; daysUsed: number }[] } }>(IDLE, { range }))
        .seatUsageByUser.rows.find((candidate) => candidate.user.email === DEMO_USER_EMAIL && candidate.subscription.name === 'Formwork 3D');
    expect(await row()).toMatchObject({ lastUsedOn: null, daysUsed: 0 });

    const usage = async () => {
      const [found] = await app.sql<{ sessions: number | string }>('select sessions from usage_days where user_id = ? and product_id = ?', [network.userId, network.productId]);
      return Number(found?.sessions ?? 0);
    };
    const lease = await granted(await checkout('ws-usage'));
    expect(await usage()).toBe(1);
    // Checked out again, two heartbeats, the same day: still one session.
    await granted(await checkout('ws-usage'));
    at(now + 60_000);
    await granted(await post('heartbeat', { leaseId: lease.leaseId }));
    await Promise.all([post('heartbeat', { leaseId: lease.leaseId }), post('heartbeat', { leaseId: lease.leaseId })]);
    expect(await usage()).toBe(1);
    const events = await app.sql<{ event_id: string; kind: string; subscription_id: string }>("select event_id, kind, subscription_id from usage_events where event_id like ?", [`seatwise:lease:${lease.leaseId}:%`]);
    expect(events).toEqual([{ event_id: `seatwise:lease:${lease.leaseId}:${day}`, kind: 'PRODUCT_SESSION', subscription_id: network.id }]);
    expect(await row()).toMatchObject({ lastUsedOn: day, daysUsed: 1 });
    await checkInAll();
  });
});
