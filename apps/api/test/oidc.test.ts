import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedKeys } from '../src/modules/oidc/signing-keys.service.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { DEMO_USER_EMAIL } from '../src/db/seed/demo.js';
import { browserOf, decodeJwt, DEVICE_GRANT, loopbackListener, oidcPost, pkcePair, registerClient } from './oidc-helpers.js';

const DEVICE = 'query ($code: String!) { deviceAuthorization(userCode: $code) { clientName scopes expiresAt } }';
const APPROVE = 'mutation ($code: String!, $allow: Boolean!) { approveDeviceAuthorization(userCode: $code, allow: $allow) }';
const CONNECTED = '{ myConnectedApps { totalCount edges { node { id name accountName scopes connectedAt expiresAt } } } }';
const DISCONNECT = 'mutation ($id: String!) { disconnectApp(id: $id) }';

interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_in: number;
}

describe.each(drivers)('Seatwise as the OpenID provider of the products (%s)', (driver) => {
  let app: TestApp;
  let clientId: string;
  let person: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    clientId = await registerClient(app);
    person = app.client();
    dataOf(await person.signIn(DEMO_USER_EMAIL));
  });
  afterAll(() => app?.close());

  const startDevice = async () => {
    const { status, body } = await oidcPost(app, '/device/auth', { client_id: clientId, scope: 'openid profile email offline_access' });
    expect(status).toBe(200);
    return body as { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_in: number; interval?: number };
  };
  const poll = (deviceCode: string) => oidcPost(app, '/token', { client_id: clientId, grant_type: DEVICE_GRANT, device_code: deviceCode });
  const userinfo = (accessToken: string) => fetch(`${app.url}/oidc/me`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('runs the device flow over HTTP: code, approval by the signed-in person, tokens, claims', async () => {
    const device = await startDevice();
    expect(device.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(device.verification_uri).toBe(`${app.url}/oidc/device`);
    expect(device.expires_in).toBe(600);
    // The verification page is the SPA's.
    const page = await fetch(device.verification_uri_complete, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/device?code=${encodeURIComponent(device.user_code)}`);

    expect((await poll(device.device_code)).body.error).toBe('authorization_pending');

    const waiting = dataOf(await person.graphql<{ deviceAuthorization: { clientName: string; scopes: string[] } }>(DEVICE, { code: device.user_code.toLowerCase() }));
    expect(waiting.deviceAuthorization).toMatchObject({ clientName: 'Seatwise Studio', scopes: ['openid', 'profile', 'email', 'offline_access'] });
    expect(dataOf(await person.graphql(APPROVE, { code: device.user_code, allow: true }))).toEqual({ approveDeviceAuthorization: true });

    const { status, body } = await poll(device.device_code);
    expect(status).toBe(200);
    const tokens = body as unknown as Tokens;
    expect(tokens.refresh_token).toBeTruthy();
    const idToken = decodeJwt(tokens.id_token);
    const me = dataOf(await person.graphql<{ me: { id: string; account: { id: string } } }>('{ me { id account { id } } }')).me;
    expect(idToken).toMatchObject({ iss: `${app.config.publicUrl}/oidc`, aud: clientId, sub: `${me.id}:${me.account.id}`, person_id: me.id, account_id: me.account.id });

    const info = await userinfo(tokens.access_token);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ sub: `${me.id}:${me.account.id}`, email: DEMO_USER_EMAIL, account_id: me.account.id, person_id: me.id });

    // A device code works once.
    expect((await poll(device.device_code)).body.error).toBe('invalid_grant');
  });

  it('rotates refresh tokens: the new one works, replaying the old one ends the grant', async () => {
    const device = await startDevice();
    dataOf(await person.graphql(APPROVE, { code: device.user_code, allow: true }));
    const first = (await poll(device.device_code)).body as unknown as Tokens;
    const refreshed = await oidcPost(app, '/token', { client_id: clientId, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = refreshed.body as unknown as Tokens;
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await userinfo(second.access_token)).status).toBe(200);

    const replay = await oidcPost(app, '/token', { client_id: clientId, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(replay.body.error).toBe('invalid_grant');
    // A replayed refresh token is taken as stolen: the grant and all its tokens end.
    expect((await oidcPost(app, '/token', { client_id: clientId, grant_type: 'refresh_token', refresh_token: second.refresh_token })).body.error).toBe('invalid_grant');
  });

  it('lists connected apps on the sessions page and signs one out: its tokens stop at once', async () => {
    const device = await startDevice();
    dataOf(await person.graphql(APPROVE, { code: device.user_code, allow: true }));
    const tokens = (await poll(device.device_code)).body as unknown as Tokens;
    const listed = dataOf(await person.graphql<{ myConnectedApps: { totalCount: number; edges: { node: { id: string; name: string; accountName: string; scopes: string[] } }[] } }>(CONNECTED));
    expect(listed.myConnectedApps.totalCount).toBeGreaterThan(0);
    const grantId = decodeJwt(tokens.id_token).sid ?? null;
    expect(grantId).toBeNull();
    const newest = listed.myConnectedApps.edges[0]!.node;
    expect(newest).toMatchObject({ name: 'Seatwise Studio', scopes: expect.arrayContaining(['openid', 'offline_access']) });
    expect(newest.accountName).toBeTruthy();

    // Someone else cannot end it.
    const other = app.client();
    dataOf(await other.signIn('admin@example.com'));
    expect(errorOf(await other.graphql(DISCONNECT, { id: newest.id })).extensions?.code).toBe('NOT_FOUND');

    expect(dataOf(await person.graphql(DISCONNECT, { id: newest.id }))).toEqual({ disconnectApp: true });
    expect((await userinfo(tokens.access_token)).status).toBe(401);
    expect((await oidcPost(app, '/token', { client_id: clientId, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error).toBe('invalid_grant');
    const after = dataOf(await person.graphql<{ myConnectedApps: { edges: { node: { id: string } }[] } }>(CONNECTED));
    expect(after.myConnectedApps.edges.map((edge) => edge.node.id)).not.toContain(newest.id);
  });

  it('refuses a denied device, an expired code and wrong codes, and limits the tries', async () => {
    const denied = await startDevice();
    expect(dataOf(await person.graphql(APPROVE, { code: denied.user_code, allow: false }))).toEqual({ approveDeviceAuthorization: false });
    expect((await poll(denied.device_code)).body.error).toBe('access_denied');

    const late = await startDevice();
    // The code's time runs out (the provider reads `exp` from the stored payload).
    const [row] = await app.sql<{ key: string; payload: string }>("select key, payload from oidc_models where model = 'DeviceCode' and user_code = ?", [late.user_code.replace('-', '')]);
    const payload = JSON.parse(row!.payload) as { exp: number };
    payload.exp = Math.floor(Date.now() / 1000) - 1;
    await app.sql('update oidc_models set payload = ? where key = ?', [JSON.stringify(payload), row!.key]);
    expect(errorOf(await person.graphql(APPROVE, { code: late.user_code, allow: true })).extensions?.code).toBe('INVALID_USER_CODE');
    expect((await poll(late.device_code)).body.error).toBe('expired_token');

    const guesser = app.client();
    dataOf(await guesser.signIn('admin@example.com'));
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(errorOf(await guesser.graphql(DEVICE, { code: 'BCDF-GHJK' })).extensions?.code ?? '');
    expect(new Set(codes)).toEqual(new Set(['INVALID_USER_CODE']));
    const limited = errorOf(await guesser.graphql(DEVICE, { code: 'BCDF-GHJK' }));
    expect(limited.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    // In the request's language.
    const sl = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...guesser.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
      body: JSON.stringify({ query: DEVICE, variables: { code: 'BCDF-GHJK' } }),
    });
    const slBody = (await sl.json()) as { errors: { message: string }[] };
    expect(slBody.errors[0]!.message).toMatch(/Poskusili/);
  });

  it('runs the authorization code flow with PKCE on a real loopback redirect', async () => {
    const listener = await loopbackListener();
    try {
      const redirectUri = `http://127.0.0.1:${listener.port}/callback`;
      const { verifier, challenge } = pkcePair();
      const browser = browserOf(app, person);
      const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile email', code_challenge: challenge, code_challenge_method: 'S256', state: 'st4te' });
      const start = await browser.get(`/oidc/auth?${query}`);
      expect(start.status).toBe(303);
      const interaction = start.headers.get('location')!;
      expect(interaction).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
      const uid = interaction.split('/').pop()!;
      const toSpa = await browser.get(interaction);
      expect(toSpa.headers.get('location')).toBe(`/connect/${uid}`);
      const shown = dataOf(await person.graphql<{ oidcInteraction: { clientName: string; scopes: string[] } }>('query ($uid: String!) { oidcInteraction(uid: $uid) { clientName scopes } }', { uid }));
      expect(shown.oidcInteraction).toEqual({ clientName: 'Seatwise Studio', scopes: ['openid', 'profile', 'email'] });

      // Without the Seatwise session nobody can answer it.
      const anonymous = await fetch(`${app.url}/oidc/interaction/${uid}/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"allow":true}' });
      expect(anonymous.status).toBe(401);
      const confirmed = await browser.postJson(`/oidc/interaction/${uid}/confirm`, { allow: true });
      expect(confirmed.status).toBe(200);
      const { redirectTo } = (await confirmed.json()) as { redirectTo: string };
      let next = await browser.get(redirectTo);
      while (next.status === 303 && !next.headers.get('location')!.startsWith(redirectUri)) next = await browser.get(next.headers.get('location')!);
      const callback = next.headers.get('location')!;
      expect(callback.startsWith(`${redirectUri}?`)).toBe(true);
      // The browser lands on the product's own listener.
      expect((await fetch(callback)).status).toBe(200);
      const landed = listener.received[0]!;
      expect(landed.searchParams.get('state')).toBe('st4te');
      const code = landed.searchParams.get('code')!;

      // The code without its verifier is refused; with it, tokens.
      const exchange = (extra: Record<string, string>) => oidcPost(app, '/token', { client_id: clientId, grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...extra });
      expect((await exchange({ code_verifier: pkcePair().verifier })).body.error).toBe('invalid_grant');
      // Native clients are asked again every time (their redirect could be another app's): the person allows it once more.
      let hop = await browser.get(`/oidc/auth?${new URLSearchParams({ ...Object.fromEntries(query), state: 'two' })}`);
      while (hop.status === 303 && !hop.headers.get('location')!.startsWith('/connect/')) hop = await browser.get(hop.headers.get('location')!);
      const secondUid = hop.headers.get('location')!.split('/').pop()!;
      const secondConfirm = (await (await browser.postJson(`/oidc/interaction/${secondUid}/confirm`, { allow: true })).json()) as { redirectTo: string };
      hop = await browser.get(secondConfirm.redirectTo);
      while (hop.status === 303 && !hop.headers.get('location')!.startsWith(redirectUri)) hop = await browser.get(hop.headers.get('location')!);
      const second = new URL(hop.headers.get('location')!);
      expect(second.searchParams.get('state')).toBe('two');
      const tokens = await oidcPost(app, '/token', { client_id: clientId, grant_type: 'authorization_code', code: second.searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: verifier });
      expect(tokens.status).toBe(200);
      expect(tokens.body.refresh_token).toBeTruthy();
      expect(decodeJwt(tokens.body.id_token as string).account_id).toBeTruthy();
    } finally {
      await listener.close();
    }
  });

  it('requires PKCE and a registered loopback redirect', async () => {
    const noPkce = await fetch(`${app.url}/oidc/auth?${new URLSearchParams({ client_id: clientId, redirect_uri: 'http://127.0.0.1:5555/callback', response_type: 'code', scope: 'openid' })}`, { redirect: 'manual' });
    expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    const elsewhere = await fetch(`${app.url}/oidc/auth?${new URLSearchParams({ client_id: clientId, redirect_uri: 'https://evil.example/callback', response_type: 'code', scope: 'openid', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' })}`, { redirect: 'manual' });
    expect(elsewhere.status).toBe(400);

    const operator = await (await import('./vendor-helpers.js')).signInDemoOperator(app);
    const refused = errorOf(await operator.graphql('mutation ($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { clientId } }', { input: { name: 'Bad', redirectUris: ['https://app.example/cb'] } }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectUris' });
    const listed = dataOf(await operator.graphql<{ oauthClients: { totalCount: number; edges: { node: { clientId: string; redirectUris: string[] } }[] } }>('{ oauthClients { totalCount edges { node { clientId redirectUris } } } }'));
    expect(listed.oauthClients.edges.map((edge) => edge.node)).toContainEqual({ clientId, redirectUris: ['http://127.0.0.1/callback'] });
    // A customer's person cannot reach it.
    expect(errorOf(await person.graphql('{ oauthClients { totalCount } }')).extensions?.code).toBe('VENDOR_STAFF_ONLY');
  });

  it('keeps its signing keys sealed in the database, generated once', async () => {
    const rows = await app.sql<{ purpose: string; sealed: string }>("select purpose, sealed from signing_keys where purpose = 'oidc'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed.startsWith('v1.')).toBe(true);
    const keys = await storedKeys<{ jwks: { keys: { kid: string }[] } }>(app.orm, app.config, 'oidc', () => Promise.reject(new Error('generated again')));
    const published = (await (await fetch(`${app.url}/oidc/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(published.keys.map((key) => key.kid)).toEqual(keys.jwks.keys.map((key) => key.kid));
    expect(published.keys.every((key) => key.d === undefined)).toBe(true);
  });
});
