import { defaultBrand } from '@seatwise/schema/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';
import { signInDemoOperator, useSetupLink } from './vendor-helpers.js';

const FIELDS = 'name primaryColor accentColor logoUrl supportEmail supportUrl termsUrl privacyUrl isDefault';
const BRAND = `{ brand { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateBrandInput!) { updateBrand(input: $input) { ${FIELDS} } }`;
const LOGO = `mutation ($input: SetBrandLogoInput!) { setBrandLogo(input: $input) { logoUrl } }`;
const REMOVE_LOGO = 'mutation { removeBrandLogo { logoUrl } }';

type BrandAnswer = { brand: Record<string, unknown> & { logoUrl: string | null } };

/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const acme = {
  name: 'Acme Software',
  primaryColor: '#0B7285',
  accentColor: '#e8590c',
  supportEmail: 'help@acme.example',
  supportUrl: 'https://acme.example/support',
  termsUrl: 'https://acme.example/terms',
  privacyUrl: 'https://acme.example/privacy',
};

describe.each(drivers)("the vendor's brand (%s)", (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let operator: TestClient;
  let support: TestClient;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, MAIL_FROM: 'Seatwise <no-reply@acme.example>' } });
    operator = await signInDemoOperator(app);
    const link = await createStaffSetupLink(app.em(), app.config, 'brand-support@vendor.example', 'SUPPORT' as never);
    support = app.client();
    await useSetupLink(support, link.url, { email: 'brand-support@vendor.example' });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it("keeps today's look until a brand is set, for anyone, signed in or not", async () => {
    const anonymous = app.client();
    expect(dataOf(await anonymous.graphql<BrandAnswer>(BRAND)).brand).toEqual({
      name: 'Seatwise', primaryColor: null, accentColor: null, logoUrl: null, supportEmail: null, supportUrl: null, termsUrl: null, privacyUrl: null, isDefault: true,
    });
    // One set of defaults, the contract's, for the API, its mails and the SPA.
    expect(dataOf(await anonymous.graphql<BrandAnswer>(BRAND)).brand).toEqual({ ...defaultBrand, isDefault: true });
    // The same client reaches nothing else without signing in.
    expect(errorOf(await anonymous.graphql('{ brand { name } customers { totalCount } }')).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('names the wrong field and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'input.name'],
      [{ primaryColor: 'teal' }, 'input.primaryColor'],
      [{ accentColor: '#12345' }, 'input.accentColor'],
      [{ supportEmail: 'help-at-acme' }, 'input.supportEmail'],
      [{ supportUrl: 'javascript:alert(1)' }, 'input.supportUrl'],
      [{ termsUrl: 'ftp://acme.example/terms' }, 'input.termsUrl'],
      [{ privacyUrl: 'acme.example/privacy' }, 'input.privacyUrl'],
    ];
    for (const [change, field] of cases) {
      const error = errorOf(await operator.graphql(UPDATE, { input: { ...acme, ...change } }));
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await app.sql('select * from brand_settings')).toEqual([]);
    expect(await app.sql("select * from vendor_audit_entries where action like 'brand%'")).toEqual([]);
  });

  it('lets operators set it and Support only read it', async () => {
    expect(errorOf(await support.graphql(UPDATE, { input: acme })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const { updateBrand } = dataOf(await operator.graphql<{ updateBrand: Record<string, unknown> }>(UPDATE, { input: acme }));
    expect(updateBrand).toMatchObject({ ...acme, primaryColor: '#0b7285', isDefault: false, logoUrl: null });
    expect(dataOf(await support.graphql<BrandAnswer>(BRAND)).brand).toEqual(updateBrand);
    expect(dataOf(await app.client().graphql<BrandAnswer>(BRAND)).brand.name).toBe('Acme Software');
    const [entry] = await app.sql<{ action: string }>("select action from vendor_audit_entries where action = 'brand.update'");
    expect(entry).toBeDefined();
    // Authenticator apps list the code under the vendor's name, not Seatwise's.
    const admin = app.client();
    await admin.signIn('admin@alpine.example');
    const { startAuthenticatorSetup } = dataOf(
      await admin.graphql<{ startAuthenticatorSetup: { otpauthUri: string } }>('mutation ($password: String!) { startAuthenticatorSetup(input: { password: $password }) { otpauthUri } }', {
        password: DEMO_PASSWORD,
      }),
    );
    expect(startAuthenticatorSetup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Acme%20Software:admin%40alpine\.example\?/);
    expect(new URL(startAuthenticatorSetup.otpauthUri).searchParams.get('issuer')).toBe('Acme Software');
  });

  it('takes a PNG logo, refuses SVG, a disguised file and a large one, and serves it with caching headers', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    expect(errorOf(await operator.graphql(LOGO, { input: { contentType: 'image/svg+xml', dataBase64: svg } })).extensions).toMatchObject({ field: 'input.contentType' });
    expect(errorOf(await operator.graphql(LOGO, { input: { contentType: 'image/png', dataBase64: svg } })).extensions).toMatchObject({ field: 'input.dataBase64' });
    const large = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]).toString('base64');
    expect(errorOf(await operator.graphql(LOGO, { input: { contentType: 'image/png', dataBase64: large } })).extensions).toMatchObject({ field: 'input.dataBase64' });
    expect(errorOf(await support.graphql(LOGO, { input: { contentType: 'image/png', dataBase64: PNG.toString('base64') } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await app.client().graphql<BrandAnswer>(BRAND)).data!.brand.logoUrl).toBeNull();

    const { setBrandLogo } = dataOf(await operator.graphql<{ setBrandLogo: { logoUrl: string } }>(LOGO, { input: { contentType: 'image/png', dataBase64: PNG.toString('base64') } }));
    expect(setBrandLogo.logoUrl).toMatch(/^\/api\/brand\/logo\?v=[0-9a-f]{16}$/);
    const response = await fetch(`${app.url}${setBrandLogo.logoUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    const again = await fetch(`${app.url}/api/brand/logo`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });

  it('dresses every mail in the brand, with Seatwise only as "powered by"', async () => {
    const admin = app.client();
    await admin.signIn('admin@alpine.example');
    const { openSupportRequest } = dataOf(
      await admin.graphql<{ openSupportRequest: { id: string } }>('mutation ($input: OpenSupportRequestInput!) { openSupportRequest(input: $input) { id } }', { input: { subject: 'Brand check' } }),
    );
    dataOf(await support.graphql('mutation ($input: ReplyToSupportRequestInput!) { replyToSupportRequest(input: $input) { request { id } } }', { input: { requestId: openSupportRequest.id, body: 'Hello from Acme.' } }));
    await app.deliverEvents();
    const mail = await peer.waitFor((candidate) => sentTo('admin@alpine.example')(candidate) && candidate.subject?.includes('Brand check') === true);
    expect(mail.subject).toBe('Acme Software support replied: Brand check');
    expect(mail.from?.value).toEqual([{ name: 'Acme Software', address: 'no-reply@acme.example' }]);
    expect(mail.text).toContain('Support: help@acme.example · https://acme.example/support');
    expect(mail.text).toContain('Terms of use: https://acme.example/terms');
    expect(mail.text).toContain('Privacy policy: https://acme.example/privacy');
    expect(mail.text?.trim().endsWith('Powered by Seatwise')).toBe(true);
    expect(mail.text?.replace('Powered by Seatwise', '')).not.toContain('Seatwise');
    expect(mail.html).toContain('color:#0b7285');
    expect(mail.html).toContain('border-bottom:3px solid #e8590c');
    expect(mail.html).toContain(`src="${app.config.publicUrl}/api/brand/logo?v=`);
    expect(mail.html).toContain('<strong style="font-size:18px;color:#0b7285;vertical-align:middle">Acme Software</strong>');

    dataOf(await operator.graphql(REMOVE_LOGO));
    expect((await fetch(`${app.url}/api/brand/logo`)).status).toBe(404);
  });
});
