import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import { DEMO_USER_EMAIL } from '../src/db/seed/demo.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { deviceTokens, registerClient } from './oidc-helpers.js';

const ENTITLEMENTS = '{ me { id } productEntitlements { code licences { subscriptionId holdsSeat active licenceType } versions { version } } }';
const DEVICES = '{ myDevices { totalCount edges { node { id name platform productName lastVersion } } } }';

describe.each(drivers)('named-user checkout (%s)', (driver) => {
  let app: TestApp;
  let clientId: string;
  let person: TestClient;
  let accessToken: string;
  let product: { code: string; version: string; subscriptionId: string; userId: string };

  beforeAll(async () => {
    app = await startTestApp(driver);
    clientId = await registerClient(app);
    person = app.client();
    dataOf(await person.signIn(DEMO_USER_EMAIL));
    accessToken = (await deviceTokens(app, clientId, person)).access_token;
    const data = dataOf(
      await person.graphql<{ me: { id: string }; productEntitlements: { code: string; licences: { subscriptionId: string; holdsSeat: boolean; active: boolean; licenceType: string }[]; versions: { version: string }[] }[] }>(ENTITLEMENTS),
    );
    const entitled = data.productEntitlements.find((entry) => entry.versions.length > 0 && entry.licences.some((licence) => licence.holdsSeat && licence.active && licence.licenceType === 'SINGLE_USER'))!;
    const licence = entitled.licences.find((candidate) => candidate.holdsSeat && candidate.active)!;
    product = { code: entitled.code, version: entitled.versions[0]!.version, subscriptionId: licence.subscriptionId, userId: data.me.id };
  });
  afterAll(() => app?.close());

  const checkout = (body: Record<string, unknown>, token = accessToken, language = 'en') =>
    fetch(`${app.url}/api/licences/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': language },
      body: JSON.stringify(body),
    });
  const machine = (fingerprint: string) => ({ fingerprint, name: `PC ${fingerprint}`, platform: 'windows' });
  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error });

  it('answers a lease signed with EdDSA, checkable offline against /.well-known/jwks.json', async () => {
    const response = await checkout({ product: product.code, version: product.version, machine: machine('fp-1') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { lease: string; expiresAt: string; graceUntil: string };
    const remote = await jwtVerify(body.lease, createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`)), { issuer: app.config.publicUrl, audience: clientId });
    expect(remote.protectedHeader.alg).toBe('EdDSA');
    expect(remote.payload).toMatchObject({ product: product.code, version: product.version, machine: 'fp-1', person_id: product.userId, subscription_id: product.subscriptionId, licence_type: 'SINGLE_USER' });
    expect(new Date(body.graceUntil).getTime() - new Date(body.expiresAt).getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    // Offline: the keys fetched once, no call to the server.
    const jwks = (await (await fetch(`${app.url}/.well-known/jwks.json`)).json()) as Parameters<typeof createLocalJWKSet>[0];
    expect(jwks.keys.every((key) => !('d' in key))).toBe(true);
    await expect(jwtVerify(body.lease, createLocalJWKSet(jwks), { audience: clientId })).resolves.toBeTruthy();
    await expect(jwtVerify(body.lease.slice(0, -3) + 'AAA', createLocalJWKSet(jwks))).rejects.toThrow();
  });

  it('records the product in use in the usage data: one session per machine and day, however often it checks out (also in parallel)', async () => {
    const sessions = async () =>
      (await app.sql<{ event_id: string; kind: string; subscription_id: string }>("select event_id, kind, subscription_id from usage_events where event_id like 'seatwise:device:%'")).map((row) => ({ ...row }));
    const [before] = await app.sql<{ total: number | string }>('select coalesce(sum(d.sessions), 0) as total from usage_days d join products p on p.id = d.product_id where d.user_id = ? and p.code = ?', [product.userId, product.code]);
    await Promise.all([1, 2].map(() => checkout({ product: product.code, version: product.version, machine: machine('fp-1') })));
    const recorded = await sessions();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'PRODUCT_SESSION', subscription_id: product.subscriptionId });
    expect(recorded[0]!.event_id).toMatch(new RegExp(`^seatwise:device:[0-9a-f-]{36}:${TODAY.toISOString().slice(0, 10)}$`));
    const [after] = await app.sql<{ total: number | string }>('select coalesce(sum(d.sessions), 0) as total from usage_days d join products p on p.id = d.product_id where d.user_id = ? and p.code = ?', [product.userId, product.code]);
    // The first test's checkout on this machine recorded today's session; two more add nothing.
    expect(Number(after!.total)).toBe(Number(before!.total));
    const [last] = await app.sql<{ last_day: number | string }>('select l.last_day from usage_last l join products p on p.id = l.product_id where l.user_id = ? and p.code = ?', [product.userId, product.code]);
    expect(Number(last!.last_day)).toBe(Math.floor(TODAY.getTime() / 86_400_000));
  });

  it('refuses with a code and a sentence in the request language', async () => {
    expect(await refusal(await checkout({ product: product.code, version: '1999', machine: machine('fp-1') }))).toMatchObject({ status: 403, code: 'VERSION_NOT_COVERED' });
    expect(await refusal(await checkout({ product: 'NOPE', version: product.version, machine: machine('fp-1') }))).toMatchObject({ status: 403, code: 'PRODUCT_NOT_FOUND' });
    expect(await refusal(await checkout({ product: product.code, version: product.version }))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    const sl = await refusal(await checkout({ product: product.code, version: '1999', machine: machine('fp-1') }, accessToken, 'sl'));
    expect(sl.message).toBe('Vaša naročnina ne pokriva te različice izdelka.');
    expect((await refusal(await checkout({ product: product.code, version: product.version, machine: machine('fp-1') }, 'not-a-token'))).status).toBe(401);
  });

  it('allows three machines on a single-user seat; the person sees and releases them', async () => {
    for (const fingerprint of ['fp-2', 'fp-3']) expect((await checkout({ product: product.code, version: product.version, machine: machine(fingerprint) })).status).toBe(200);
    expect(await refusal(await checkout({ product: product.code, version: product.version, machine: machine('fp-4') }))).toMatchObject({ status: 403, code: 'TOO_MANY_MACHINES' });
    // A machine already counted checks out again.
    expect((await checkout({ product: product.code, version: product.version, machine: machine('fp-2') })).status).toBe(200);
    const devices = dataOf(await person.graphql<{ myDevices: { totalCount: number; edges: { node: { id: string; name: string } }[] } }>(DEVICES)).myDevices;
    expect(devices.totalCount).toBe(3);
    const first = devices.edges.find((edge) => edge.node.name === 'PC fp-1')!.node;
    // Nobody else's.
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    expect(errorOf(await admin.graphql('mutation ($id: UUID!) { releaseDevice(id: $id) }', { id: first.id })).extensions?.code).toBe('NOT_FOUND');
    expect(dataOf(await person.graphql('mutation ($id: UUID!) { releaseDevice(id: $id) }', { id: first.id }))).toEqual({ releaseDevice: true });
    expect((await checkout({ product: product.code, version: product.version, machine: machine('fp-4') })).status).toBe(200);
  });

  it('holds the machine limit under parallel checkouts on new machines, and tells webhooks of each machine taken and released', async () => {
    // An account endpoint for the licence events: its deliveries are what the events became (the
    // earlier tests' events are fanned out first, before it exists).
    await app.deliverEvents();
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    dataOf(
      await admin.graphql('mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', {
        input: { url: 'http://127.0.0.1:9/licences', description: 'Licence events', events: ['LICENCE_CHECKED_OUT', 'LICENCE_RELEASED'] },
      }),
    );
    const deliveries = async (type: string) => {
      await app.deliverEvents();
      const [row] = await app.sql<{ total: number | string }>('select count(*) as total from webhook_deliveries where event_type = ?', [type]);
      return Number(row!.total);
    };
    const devices = dataOf(await person.graphql<{ myDevices: { edges: { node: { id: string } }[] } }>(DEVICES)).myDevices.edges;
    expect(devices).toHaveLength(3);
    for (const { node } of devices) dataOf(await person.graphql('mutation ($id: UUID!) { releaseDevice(id: $id) }', { id: node.id }));
    expect(await deliveries('LICENCE_RELEASED')).toBe(3);

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => checkout({ product: product.code, version: product.version, machine: machine(`race-${index}`) })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 403, 403, 403, 403, 403]);
    const [live] = await app.sql<{ total: number | string }>('select count(*) as total from licence_devices where user_id = ? and released_at is null', [product.userId]);
    expect(Number(live!.total)).toBe(3);
    // One event per machine that took the licence; renewing the lease of a counted machine is none.
    expect(await deliveries('LICENCE_CHECKED_OUT')).toBe(3);
    const taken = answers.findIndex((answer) => answer.status === 200);
    expect((await checkout({ product: product.code, version: product.version, machine: machine(`race-${taken}`) })).status).toBe(200);
    expect(await deliveries('LICENCE_CHECKED_OUT')).toBe(3);
  });

  it("lets admins see a person's devices and revoke one (audited); not the person, not another account", async () => {
    const USER_DEVICES = 'query ($userId: UUID!) { userDevices(userId: $userId) { totalCount edges { node { id name productName } } } }';
    const REVOKE = 'mutation ($id: UUID!) { revokeDevice(id: $id) }';
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const listed = dataOf(await admin.graphql<{ userDevices: { totalCount: number; edges: { node: { id: string; name: string } }[] } }>(USER_DEVICES, { userId: product.userId })).userDevices;
    expect(listed.totalCount).toBe(3);
    const target = listed.edges[0]!.node;
    expect(errorOf(await person.graphql(USER_DEVICES, { userId: product.userId })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await person.graphql(REVOKE, { id: target.id })).extensions?.code).toBe('FORBIDDEN');
    const stranger = app.client();
    dataOf(await stranger.signIn('admin@alpine.example'));
    expect(errorOf(await stranger.graphql(USER_DEVICES, { userId: product.userId })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    expect(errorOf(await stranger.graphql(REVOKE, { id: target.id })).extensions?.code).toBe('NOT_FOUND');

    expect(dataOf(await admin.graphql(REVOKE, { id: target.id }))).toEqual({ revokeDevice: true });
    expect(errorOf(await admin.graphql(REVOKE, { id: target.id })).extensions?.code).toBe('NOT_FOUND');
    expect(dataOf(await person.graphql<{ myDevices: { totalCount: number } }>(DEVICES)).myDevices.totalCount).toBe(2);
    const [entry] = await app.sql<{ action: string; summary: string }>("select action, summary from audit_entries where target_id = ? and action = 'licence.device.revoke'", [target.id]);
    expect(entry!.summary).toContain(target.name);
    // The freed slot takes a new machine.
    expect((await checkout({ product: product.code, version: product.version, machine: machine('after-revoke') })).status).toBe(200);
  });

  it('refuses once the subscription has ended, and once the seat is unassigned', async () => {
    app.setNow(new Date(TODAY.getTime() + 6 * 365 * 24 * 60 * 60 * 1000));
    try {
      expect(await refusal(await checkout({ product: product.code, version: product.version, machine: machine('fp-2') }))).toMatchObject({ status: 403, code: 'SUBSCRIPTION_EXPIRED' });
    } finally {
      app.setNow(TODAY);
    }
    await app.sql('delete from seat_assignments where user_id = ?', [product.userId]);
    expect(await refusal(await checkout({ product: product.code, version: product.version, machine: machine('fp-2') }))).toMatchObject({ status: 403, code: 'NO_SEAT' });
  });
});
