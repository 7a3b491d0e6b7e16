import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { appCode } from './security-fixtures.js';
import { freePort, startDns, startIdp, type TestDns, type TestIdp } from './sso-peers.js';

const SETTINGS = `query { singleSignOnSettings { required redirectUri providers { id issuer clientId jitEnabled jitClaim groupsClaim } domains { id domain txtRecord verifiedAt } } }`;
const ADD_PROVIDER = `mutation ($input: AddSsoProviderInput!) { addSsoProvider(input: $input) { id name issuer clientId jitEnabled jitClaim groupsClaim } }`;
const CLAIM = `mutation ($providerId: UUID!, $domain: String!) { claimSsoDomain(providerId: $providerId, domain: $domain) { id domain txtRecord verifiedAt } }`;
const VERIFY = `mutation ($domainId: UUID!) { verifySsoDomain(domainId: $domainId) { id verifiedAt } }`;
const BEGIN = `mutation ($email: String!) { beginSingleSignOn(email: $email) { redirectUrl } }`;
const ROUTES = `query ($email: String!) { singleSignOnRoutes(email: $email) }`;
const REQUIRE = `mutation ($required: Boolean!) { setSingleSignOnRequired(required: $required) { required } }`;
const ME = `query { me { id email role } }`;

const DOMAIN = 'kolektor-gradnje.si';

/** A cookie jar of one origin, as a browser keeps it. */
function keep(jar: Map<string, string>, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1).trim();
    if (!value || /max-age=0/i.test(header)) jar.delete(pair.slice(0, at).trim());
    else jar.set(pair.slice(0, at).trim(), value);
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

describe.each(drivers)('single sign-on with OpenID Connect (%s)', (driver) => {
  let app: TestApp;
  let idp: TestIdp;
  let dns: TestDns;
  let admin: TestClient;
  let other: TestClient;
  let providerId: string;
  let domainId: string;

  /**
   * The whole sign-in as a browser walks it: Seatwise's sign-in page starts it, the provider's
   * login form is filled in as `login`, and the provider's answer comes back to Seatwise. Returns
   * where Seatwise sent the browser then.
   */
  async function signInThroughIdp(client: TestClient, email: string, login: string, callback?: (url: string) => string | null): Promise<string> {
    const { redirectUrl } = dataOf(await client.graphql<{ beginSingleSignOn: { redirectUrl: string } }>(BEGIN, { email })).beginSingleSignOn;
    expect(redirectUrl.startsWith(`${idp.issuer}/auth?`)).toBe(true);
    const params = new URL(redirectUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    const idpJar = new Map<string, string>();
    let url = redirectUrl;
    for (let hop = 0; hop < 10; hop += 1) {
      if (url.startsWith(app.url)) break;
      const isForm = /\/interaction\/[\w-]+$/.test(new URL(url).pathname);
      if (isForm) {
        const page = await fetch(url, { headers: { cookie: cookieHeader(idpJar) } });
        expect(await page.text()).toContain('Example IdP sign-in');
      }
      const response = await fetch(url, {
        method: isForm ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: cookieHeader(idpJar), ...(isForm ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: isForm ? new URLSearchParams({ login }).toString() : undefined,
      });
      keep(idpJar, response);
      const location = response.headers.get('location');
      if (!location) throw new Error(`The provider answered ${response.status} at ${url}: ${await response.text()}`);
      url = new URL(location, url).toString();
    }
    expect(url.startsWith(`${app.url}/api/sso/callback?`)).toBe(true);
    const target = callback ? callback(url) : url;
    if (target === null) return url;
    const back = await fetch(target, { redirect: 'manual', headers: { cookie: cookieHeader(client.cookies) } });
    expect(back.status).toBe(303);
    keep(client.cookies, back);
    return back.headers.get('location') ?? '';
  }

  const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
    Number((await app.sql<{ n: number | string }>(`select count(*) as n from ${table} where ${where}`, params))[0]!.n);

  beforeAll(async () => {
    dns = await startDns();
    const port = await freePort();
    idp = await startIdp(`http://127.0.0.1:${port}/api/sso/callback`);
    app = await startTestApp(driver, { port, env: { PUBLIC_URL: `http://127.0.0.1:${port}`, SEATWISE_DNS_SERVERS: dns.server } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    idp.people.set('maja', { sub: 'idp-sub-maja', email: `maja.horvat@${DOMAIN}`, given_name: 'Maja', family_name: 'Horvat' });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await dns?.close();
  });

  it('adds a provider for the primary admin only after reading its discovery document, its secret sealed', async () => {
    const input = { name: 'Example IdP', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, jitEnabled: true, jitClaim: 'seatwise_access' };
    const unreachable = errorOf(await admin.graphql(ADD_PROVIDER, { input: { ...input, issuer: 'http://127.0.0.1:1/nothing' } }));
    expect(unreachable.extensions?.code).toBe('SSO_PROVIDER_UNREACHABLE');
    expect(await count('sso_providers')).toBe(0);

    const secondary = app.client();
    dataOf(await secondary.signIn(`maja.horvat@${DOMAIN}`));
    expect(errorOf(await secondary.graphql(ADD_PROVIDER, { input })).extensions?.code).toBe('FORBIDDEN');
    dataOf(await secondary.graphql('mutation { signOut }'));

    const provider = dataOf(await admin.graphql<{ addSsoProvider: { id: string; issuer: string; groupsClaim: string } }>(ADD_PROVIDER, { input })).addSsoProvider;
    providerId = provider.id;
    expect(provider).toMatchObject({ issuer: idp.issuer, groupsClaim: 'groups' });
    const [row] = await app.sql<{ client_secret_sealed: string }>('select client_secret_sealed from sso_providers');
    expect(row!.client_secret_sealed).not.toContain(idp.clientSecret);
    const settings = dataOf(await admin.graphql<{ singleSignOnSettings: { redirectUri: string } }>(SETTINGS)).singleSignOnSettings;
    expect(settings.redirectUri).toBe(`${app.url}/api/sso/callback`);
    // Another account's admin sees none of it.
    expect(dataOf(await other.graphql<{ singleSignOnSettings: { providers: unknown[] } }>(SETTINGS)).singleSignOnSettings.providers).toEqual([]);
  });

  it("claims a domain, refuses another account's provider, and routes sign-ins only once the TXT record is found on a real DNS server", async () => {
    const claimed = dataOf(await admin.graphql<{ claimSsoDomain: { id: string; txtRecord: string; verifiedAt: string | null } }>(CLAIM, { providerId, domain: DOMAIN.toUpperCase() })).claimSsoDomain;
    domainId = claimed.id;
    expect(claimed.txtRecord).toMatch(/^seatwise-verification=[0-9a-f]{32}$/);
    expect(claimed.verifiedAt).toBeNull();

    // Another account cannot claim a domain for this account's provider.
    const foreign = errorOf(await other.graphql(CLAIM, { providerId, domain: 'alpine.example' }));
    expect(foreign.extensions?.code).toBe('NOT_FOUND');
    expect(await count('sso_domains')).toBe(1);

    // Not verified yet: the sign-in page asks for a password, and starting SSO is refused.
    const visitor = app.client();
    expect(dataOf(await visitor.graphql<{ singleSignOnRoutes: boolean }>(ROUTES, { email: `maja.horvat@${DOMAIN}` })).singleSignOnRoutes).toBe(false);
    expect(errorOf(await visitor.graphql(BEGIN, { email: `maja.horvat@${DOMAIN}` })).extensions?.code).toBe('SSO_DOMAIN_NOT_VERIFIED');
    expect(await count('sso_sign_ins')).toBe(0);

    dns.txt.set(DOMAIN, ['v=spf1 -all', 'seatwise-verification=not-this-one']);
    const missing = errorOf(await admin.graphql(VERIFY, { domainId }));
    expect(missing.extensions?.code).toBe('SSO_DOMAIN_NOT_VERIFIED');
    expect(await count('sso_domains', 'verified_at is not null')).toBe(0);

    dns.txt.set(DOMAIN, ['v=spf1 -all', claimed.txtRecord]);
    expect(dataOf(await admin.graphql<{ verifySsoDomain: { verifiedAt: string | null } }>(VERIFY, { domainId })).verifySsoDomain.verifiedAt).not.toBeNull();
    expect(dataOf(await visitor.graphql<{ singleSignOnRoutes: boolean }>(ROUTES, { email: `Maja.Horvat@${DOMAIN.toUpperCase()}` })).singleSignOnRoutes).toBe(true);

    // The same domain verified by another account is refused: one account routes a domain.
    const theirs = dataOf(
      await other.graphql<{ addSsoProvider: { id: string } }>(ADD_PROVIDER, { input: { name: 'Theirs', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret } }),
    ).addSsoProvider;
    const theirClaim = dataOf(await other.graphql<{ claimSsoDomain: { id: string; txtRecord: string } }>(CLAIM, { providerId: theirs.id, domain: DOMAIN })).claimSsoDomain;
    dns.txt.set(DOMAIN, [claimed.txtRecord, theirClaim.txtRecord]);
    expect(errorOf(await other.graphql(VERIFY, { domainId: theirClaim.id })).extensions?.code).toBe('SSO_DOMAIN_TAKEN');
    expect(await count('sso_domains', 'verified_at is not null')).toBe(1);
  });

  it('signs an existing member in through the provider and knows them by issuer and subject from then on', async () => {
    const browser = app.client();
    expect(await signInThroughIdp(browser, `maja.horvat@${DOMAIN}`, 'maja')).toBe('/');
    const me = dataOf(await browser.graphql<{ me: { email: string; role: string } }>(ME)).me;
    expect(me).toMatchObject({ email: `maja.horvat@${DOMAIN}`, role: 'SECONDARY_ADMIN' });
    const [link] = await app.sql<{ issuer: string; subject: string }>('select issuer, subject from sso_identities');
    expect(link).toEqual({ issuer: idp.issuer, subject: 'idp-sub-maja' });
    const [entry] = await app.sql<{ actor_id: string | null; actor_kind: string }>("select actor_id, actor_kind from audit_entries where action = 'sso.user.link'");
    expect(entry).toEqual({ actor_id: null, actor_kind: 'SINGLE_SIGN_ON' });

    // The provider changed her address: the subject still says who she is.
    idp.people.set('maja', { ...idp.people.get('maja')!, email: `m.horvat@${DOMAIN}` });
    const again = app.client();
    expect(await signInThroughIdp(again, `maja.horvat@${DOMAIN}`, 'maja')).toBe('/');
    expect(dataOf(await again.graphql<{ me: { email: string } }>(ME)).me.email).toBe(`maja.horvat@${DOMAIN}`);

    // Another subject with her email is someone else: refused, no session, no link.
    idp.people.set('impostor', { sub: 'idp-sub-impostor', email: `maja.horvat@${DOMAIN}` });
    const impostor = app.client();
    expect(await signInThroughIdp(impostor, `maja.horvat@${DOMAIN}`, 'impostor')).toBe('/sign-in?sso=SSO_IDENTITY_MISMATCH');
    expect(dataOf(await impostor.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(await count('sso_identities')).toBe(1);
  });

  it('lets one of two parallel answers with the same state through, once', async () => {
    const browser = app.client();
    const callbackUrl = await signInThroughIdp(browser, `maja.horvat@${DOMAIN}`, 'maja', () => null);
    const sessionsBefore = await count('sessions');
    const answers = await Promise.all(
      [1, 2].map(() => fetch(callbackUrl, { redirect: 'manual', headers: { cookie: cookieHeader(browser.cookies) } }).then((response) => response.headers.get('location'))),
    );
    expect(answers.sort()).toEqual(['/', '/sign-in?sso=SSO_STATE_MISMATCH']);
    expect(await count('sessions')).toBe(sessionsBefore + 1);
  });

  it('makes a member just in time only with the required claim, in the team its group claim maps to', async () => {
    const token = dataOf(await admin.graphql<{ createDirectoryToken: { secret: string } }>('mutation { createDirectoryToken { secret } }')).createDirectoryToken.secret;
    const group = await fetch(`${app.url}/scim/v2/Groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Site Engineers' }),
    });
    const groupId = ((await group.json()) as { id: string }).id;
    const team = dataOf(await admin.graphql<{ createTeam: { id: string } }>('mutation { createTeam(input: { name: "Site engineering" }) { id } }')).createTeam;
    dataOf(await admin.graphql('mutation ($groupId: UUID!, $teamId: UUID) { mapDirectoryGroup(groupId: $groupId, teamId: $teamId) { id } }', { groupId, teamId: team.id }));

    const email = `nova.oseba@${DOMAIN}`;
    idp.people.set('nova', { sub: 'idp-sub-nova', email, given_name: 'Nova', family_name: 'Oseba', groups: ['Unmapped', 'site engineers'] });
    const refused = app.client();
    expect(await signInThroughIdp(refused, email, 'nova')).toBe('/sign-in?sso=SSO_JIT_CLAIM_MISSING');
    expect(await count('users', 'email = ?', [email])).toBe(0);

    idp.people.set('nova', { ...idp.people.get('nova')!, seatwise_access: true });
    const browser = app.client();
    expect(await signInThroughIdp(browser, email, 'nova')).toBe('/');
    expect(dataOf(await browser.graphql<{ me: { email: string; role: string } }>(ME)).me).toMatchObject({ email, role: 'USER' });
    const [member] = await app.sql<{ team_id: string; status: string }>('select m.team_id, m.status from memberships m join users u on u.id = m.user_id where u.email = ?', [email]);
    expect(member).toEqual({ team_id: team.id, status: 'ACTIVE' });
    const entries = await app.sql<{ action: string; actor_kind: string }>("select action, actor_kind from audit_entries where action in ('sso.user.create', 'sso.user.update') order by action");
    expect(entries).toEqual([
      { action: 'sso.user.create', actor_kind: 'SINGLE_SIGN_ON' },
      { action: 'sso.user.update', actor_kind: 'SINGLE_SIGN_ON' },
    ]);
  });

  it('refuses an ID token with a wrong audience, nonce or issuer, and a foreign state, writing nothing', async () => {
    const email = `tamper@${DOMAIN}`;
    idp.people.set('tamper', { sub: 'idp-sub-tamper', email, seatwise_access: true });
    const cases = [
      { tamper: { aud: 'someone-else' }, code: 'SSO_WRONG_AUDIENCE' },
      { tamper: { nonce: 'a-nonce-of-another-sign-in' }, code: 'SSO_WRONG_NONCE' },
      { tamper: { iss: 'https://idp.attacker.example' }, code: 'SSO_WRONG_ISSUER' },
    ];
    for (const { tamper, code } of cases) {
      const browser = app.client();
      idp.tamper = tamper;
      expect(await signInThroughIdp(browser, email, 'tamper')).toBe(`/sign-in?sso=${code}`);
      expect(idp.tamper).toBeNull();
      expect(dataOf(await browser.graphql<{ me: unknown }>(ME)).me).toBeNull();
    }
    // The provider's answer in a browser that did not start the sign-in (login CSRF).
    const stolen = app.client();
    const location = await signInThroughIdp(stolen, email, 'tamper', (url) => {
      stolen.cookies.delete('seatwise_sso_state');
      return url;
    });
    expect(location).toBe('/sign-in?sso=SSO_STATE_MISMATCH');
    expect(dataOf(await stolen.graphql<{ me: unknown }>(ME)).me).toBeNull();
    // None of the refused sign-ins wrote the person or a link; the same sign-in untouched does.
    expect(await count('users', 'email = ?', [email])).toBe(0);
    expect(await count('sso_identities', 'subject = ?', ['idp-sub-tamper'])).toBe(0);
    expect(await signInThroughIdp(app.client(), email, 'tamper')).toBe('/');
    expect(await count('users', 'email = ?', [email])).toBe(1);
  });

  it('requires single sign-on with the primary admin as break-glass: password and 2-step only, audited', async () => {
    expect(errorOf(await admin.graphql(REQUIRE, { required: true })).extensions?.code).toBe('BREAK_GLASS_NEEDS_TWO_STEP');
    const setup = dataOf(
      await admin.graphql<{ startAuthenticatorSetup: { secret: string } }>('mutation ($password: String!) { startAuthenticatorSetup(input: { password: $password }) { secret } }', { password: DEMO_PASSWORD }),
    ).startAuthenticatorSetup;
    dataOf(await admin.graphql('mutation ($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }', { code: appCode(setup.secret) }));
    expect(dataOf(await admin.graphql<{ setSingleSignOnRequired: { required: boolean } }>(REQUIRE, { required: true })).setSingleSignOnRequired.required).toBe(true);

    // A member's password no longer opens anything.
    const member = app.client();
    const refused = errorOf(await member.signIn(`maja.horvat@${DOMAIN}`));
    expect(refused.extensions?.code).toBe('SSO_REQUIRED');
    expect(await count('audit_entries', "action = 'sso.break_glass'")).toBe(0);

    // The primary admin gets in with password and 2-step, and the log says so.
    const breakGlass = app.client();
    const first = dataOf(await breakGlass.graphql<{ signIn: { viewer: unknown; secondStep: { method: string } | null } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } secondStep { method } } }',
      { input: { email: 'admin@example.com', password: DEMO_PASSWORD } },
    )).signIn;
    expect(first.viewer).toBeNull();
    expect(first.secondStep?.method).toBe('AUTHENTICATOR_APP');
    const done = dataOf(await breakGlass.graphql<{ completeSignIn: { viewer: { email: string } } }>(
      'mutation ($code: String!) { completeSignIn(input: { code: $code, kind: AUTHENTICATOR_APP }) { viewer { email } } }',
      { code: appCode(setup.secret, 1) },
    )).completeSignIn;
    expect(done.viewer.email).toBe('admin@example.com');
    const [entry] = await app.sql<{ actor_id: string | null; actor_kind: string | null }>("select actor_id, actor_kind from audit_entries where action = 'sso.break_glass'");
    expect(entry!.actor_id).not.toBeNull();
    expect(entry!.actor_kind).toBeNull();

    // Single sign-on still lets the member in.
    const sso = app.client();
    expect(await signInThroughIdp(sso, `maja.horvat@${DOMAIN}`, 'maja')).toBe('/');
    expect(dataOf(await sso.graphql<{ me: { email: string } }>(ME)).me.email).toBe(`maja.horvat@${DOMAIN}`);
  });
});
