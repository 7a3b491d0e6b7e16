import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { discardStaleUploads } from '../src/modules/vendor/catalogue-uploads.service.js';
import { FileUploadRow } from '../src/modules/vendor/file-upload.entity.js';
import { ProductFile } from '../src/modules/downloads/product-file.entity.js';
import { ProductVersion } from '../src/modules/catalog/product-version.entity.js';
import { User } from '../src/modules/identity/user.entity.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';
import { DEMO_OPERATOR_EMAIL, signInDemoOperator, useSetupLink } from './vendor-helpers.js';
import { createVendorToken } from './vendor-token-helpers.js';

const PRODUCT = `id code name licenceTypes trialDays revision currentVersion
  versions { id version releasedOn status publishedAt revision files { id kind name platform language fileName size sha256 } uploads { id received size url } }`;
const CREATE = `mutation ($input: CreateCatalogueProductInput!) { createCatalogueProduct(input: $input) { ${PRODUCT} } }`;
const UPDATE = `mutation ($input: UpdateCatalogueProductInput!) { updateCatalogueProduct(input: $input) { ${PRODUCT} } }`;
const TRIAL = `mutation ($input: SetTrialOfferInput!) { setTrialOffer(input: $input) { ${PRODUCT} } }`;
const ADD_VERSION = `mutation ($input: AddProductVersionInput!) { addProductVersion(input: $input) { ${PRODUCT} } }`;
const SET_STATUS = `mutation ($input: SetProductVersionStatusInput!) { setProductVersionStatus(input: $input) { ${PRODUCT} } }`;
const PUBLISH = `mutation ($input: PublishProductVersionInput!) { publishProductVersion(input: $input) { ${PRODUCT} } }`;
const BEGIN = 'mutation ($input: CreateFileUploadInput!) { createFileUpload(input: $input) { id url size received } }';
const CANCEL = 'mutation ($id: UUID!) { cancelFileUpload(id: $id) }';
const LIST = `query ($search: String, $first: Int, $after: String) { catalogueProducts(filter: { search: $search }, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code name } } } }`;
const GET = `query ($id: UUID!) { catalogueProduct(id: $id) { ${PRODUCT} } }`;

interface Version {
  id: string;
  version: string;
  status: string;
  revision: number;
  files: { id: string; size: number; sha256: string; fileName: string }[];
  uploads: { id: string; received: number }[];
}
interface Product {
  id: string;
  code: string;
  revision: number;
  trialDays: number | null;
  currentVersion: string | null;
  versions: Version[];
}

const MAX_BYTES = 4_000_000;
const cookieOf = (client: TestClient) => [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

/** PATCHes bytes of an upload, as a client would. */
function patch(app: TestApp, client: TestClient, url: string, offset: number, body: Buffer, headers: Record<string, string> = {}) {
  return rest(app, client, url, {
    method: 'PATCH',
    body,
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers },
  });
}

/** Sends the first `sent` bytes of a request announcing `declared`, then drops the connection: an interrupted upload. */
function interruptedPatch(app: TestApp, client: TestClient, url: string, bytes: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const target = new URL(`${app.url}${url}`);
    const req = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'PATCH',
      headers: { cookie: cookieOf(client), 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'content-length': String(bytes.length) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(bytes.subarray(0, sent), () => setTimeout(() => req.destroy(), 200));
  });
}

async function offsetOf(app: TestApp, client: TestClient, url: string): Promise<number> {
  const response = await rest(app, client, url, { method: 'HEAD' });
  expect(response.status).toBe(200);
  return Number(response.headers.get('upload-offset'));
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(drivers)("the vendor's catalogue (%s)", (driver) => {
  let app: TestApp;
  let operator: TestClient;
  let support: TestClient;
  let customer: TestClient;
  let product: Product;

  const begin = async (versionId: string, size: number, name = `Installer ${randomBytes(3).toString('hex')}`) =>
    dataOf(
      await operator.graphql<{ createFileUpload: { id: string; url: string } }>(BEGIN, {
        input: { versionId, kind: 'INSTALLER', name, platform: 'WINDOWS', language: 'en-US', fileName: `${name.replace(/\W+/g, '-')}.exe`, size },
      }),
    ).createFileUpload;
  const reload = async () => (product = dataOf(await operator.graphql<{ catalogueProduct: Product }>(GET, { id: product.id })).catalogueProduct);
  const draft = () => product.versions.find((version) => version.version === '2027')!;

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_UPLOAD_MAX_BYTES: String(MAX_BYTES), SEATWISE_JOB_WORKER: '0', LOG_LEVEL: 'error' } });
    operator = await signInDemoOperator(app);
    const link = await createStaffSetupLink(app.em(), app.config, 'support@vendor.example', 'SUPPORT' as never);
    support = app.client();
    await useSetupLink(support, link.url);
    customer = app.client();
    dataOf(await customer.signIn('maja.horvat@kolektor-gradnje.si'));
  });
  afterAll(() => app?.close());

  it('creates a product, refusing a duplicate code or bad field by name and writing nothing', async () => {
    const input = { code: 'bim-7', name: 'BIM Seven', description: 'Building models.', licenceTypes: ['SINGLE_USER', 'NETWORK'] };
    product = dataOf(await operator.graphql<{ createCatalogueProduct: Product }>(CREATE, { input })).createCatalogueProduct;
    expect(product).toMatchObject({ code: 'BIM-7', trialDays: 30, revision: 1, versions: [] });
    const before = await app.sql<{ n: number }>('select count(*) as n from products');
    for (const [change, code, field] of [
      [{ code: 'BIM-7' }, 'PRODUCT_CODE_TAKEN', 'code'],
      [{ code: 'x' }, 'BAD_USER_INPUT', 'code'],
      [{ code: 'NEW', name: ' ' }, 'BAD_USER_INPUT', 'name'],
      [{ code: 'NEW', licenceTypes: [] }, 'BAD_USER_INPUT', 'licenceTypes'],
      [{ code: 'NEW', licenceTypes: ['CLOUD'] }, 'BAD_USER_INPUT', 'licenceTypes'],
    ] as const) {
      expect(errorOf(await operator.graphql(CREATE, { input: { ...input, ...change } })).extensions).toMatchObject({ code, field });
    }
    expect(await app.sql<{ n: number }>('select count(*) as n from products')).toEqual(before);
    const [audit] = await app.sql<{ n: number }>("select count(*) as n from vendor_audit_entries where action = 'catalogue.product.create' and summary like '%BIM-7%'");
    expect(Number(audit!.n)).toBe(1);
    const listed = dataOf(await support.graphql<{ catalogueProducts: { totalCount: number; edges: { node: { code: string } }[] } }>(LIST, { search: 'bim-7' }));
    expect(listed.catalogueProducts.edges.map((edge) => edge.node.code)).toEqual(['BIM-7']);
  });

  it('pages the catalogue by name', async () => {
    const first = dataOf(await support.graphql<{ catalogueProducts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }>(LIST, { first: 2 }));
    expect(first.catalogueProducts.edges).toHaveLength(2);
    expect(first.catalogueProducts.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await support.graphql<typeof first>(LIST, { first: 100, after: first.catalogueProducts.pageInfo.endCursor }));
    expect(rest.catalogueProducts.edges).toHaveLength(first.catalogueProducts.totalCount - 2);
    expect(rest.catalogueProducts.edges.map((edge) => edge.node.id)).not.toContain(first.catalogueProducts.edges[0]!.node.id);
  });

  it('refuses a stale change, naming the record, and writes nothing', async () => {
    const changed = dataOf(await operator.graphql<{ updateCatalogueProduct: Product }>(UPDATE, { input: { id: product.id, expectedRevision: 1, name: 'BIM Seven Pro' } }));
    expect(changed.updateCatalogueProduct.revision).toBe(2);
    const stale = errorOf(await operator.graphql(UPDATE, { input: { id: product.id, expectedRevision: 1, name: 'Lost change' } }));
    expect(stale.extensions).toMatchObject({ code: 'STALE_CHANGE', field: 'expectedRevision', record: 'product', id: product.id });
    // Two operators at once on the same revision: exactly one wins.
    const answers = await Promise.all(
      ['Trial A', 'Trial B'].map((_, index) => operator.graphql(TRIAL, { input: { productId: product.id, expectedRevision: 2, days: 14 + index } })),
    );
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'STALE_CHANGE')).toHaveLength(1);
    await reload();
    expect(product).toMatchObject({ revision: 3 });
    expect([14, 15]).toContain(product.trialDays);
    expect(errorOf(await operator.graphql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', expectedRevision: 1, name: 'x' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it('adds a draft version that customers do not see', async () => {
    const drafter = dataOf(await operator.graphql<{ catalogueProducts: { edges: { node: { id: string } }[] } }>(LIST, { search: 'DRF' })).catalogueProducts.edges[0]!.node;
    expect(errorOf(await operator.graphql(ADD_VERSION, { input: { productId: drafter.id, version: '2027', releasedOn: '2026-13-01' } })).extensions).toMatchObject({ field: 'releasedOn' });
    expect(errorOf(await operator.graphql(ADD_VERSION, { input: { productId: drafter.id, version: '2026', releasedOn: '2026-12-01' } })).extensions).toMatchObject({ field: 'version' });
    expect(errorOf(await operator.graphql(ADD_VERSION, { input: { productId: '00000000-0000-4000-8000-000000000000', version: '2027', releasedOn: '2026-12-01' } })).extensions).toMatchObject({
      field: 'productId',
    });
    product = dataOf(await operator.graphql<{ addProductVersion: Product }>(ADD_VERSION, { input: { productId: drafter.id, version: '2027', releasedOn: '2026-12-01' } })).addProductVersion;
    expect(draft()).toMatchObject({ status: 'DRAFT', files: [] });
    expect(product.currentVersion).toBe('2026');
    const seen = dataOf(await customer.graphql<{ productEntitlements: { code: string; versions: { version: string }[] }[] }>('{ productEntitlements { code versions { version } } }'));
    expect(seen.productEntitlements.find((entitlement) => entitlement.code === 'DRF')!.versions.map((version) => version.version)).not.toContain('2027');
  });

  it('streams an upload through SHA-256, resumes it after an interruption, and the customer download matches', async () => {
    const bytes = randomBytes(1_500_000);
    const upload = await begin(draft().id, bytes.length, 'Drafter 2027');
    expect(upload.url).toBe(`/api/uploads/${upload.id}`);
    await interruptedPatch(app, operator, upload.url, bytes, 700_000);
    let offset = 0;
    for (let attempt = 0; attempt < 50 && offset === 0; attempt += 1) {
      offset = await offsetOf(app, operator, upload.url);
      if (!offset) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(700_000);
    // A wrong offset is refused with the right one.
    const wrong = await patch(app, operator, upload.url, 0, bytes);
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_OFFSET_MISMATCH');
    const done = await patch(app, operator, upload.url, offset, bytes.subarray(offset));
    expect(done.status).toBe(201);
    const { file } = (await done.json()) as { file: { id: string; sha256: string; size: number } };
    expect(file).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect(await app.sql('select id from file_uploads where id = ?', [upload.id])).toHaveLength(0);
    expect(existsSync(join(app.dataDir, 'uploads', `${upload.id}.part`))).toBe(false);

    await reload();
    product = dataOf(await operator.graphql<{ publishProductVersion: Product }>(PUBLISH, { input: { versionId: draft().id, expectedRevision: draft().revision } })).publishProductVersion;
    const links = dataOf(await customer.graphql<{ createDownloadLinks: { url: string; sha256: string }[] }>('mutation ($ids: [UUID!]!) { createDownloadLinks(fileIds: $ids) { url sha256 } }', { ids: [file.id] }));
    const [link] = links.createDownloadLinks;
    expect(link!.sha256).toBe(sha(bytes));
    const download = await fetch(`${app.url}${link!.url}`);
    expect(download.status).toBe(200);
    expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(bytes));
  });

  it('publishing made the version current, put it in entitled customers’ latest updates, and mailed only those who want product updates', async () => {
    expect(draft()).toMatchObject({ status: 'CURRENT' });
    expect(product.versions.find((version) => version.version === '2026')!.status).toBe('PREVIOUS');
    const home = dataOf(await customer.graphql<{ adminHome: { releases: { product: { code: string }; version: string }[] } }>('{ adminHome { releases { product { code } version } } }'));
    expect(home.adminHome.releases[0]).toMatchObject({ product: { code: 'DRF' }, version: '2027' });
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    const alpine = dataOf(await other.graphql<{ adminHome: { releases: { product: { code: string }; version: string }[] } }>('{ adminHome { releases { product { code } version } } }'));
    const [owns] = await app.sql<{ n: number }>(
      "select count(*) as n from subscription_products sp join products p on p.id = sp.product_id join subscriptions s on s.id = sp.subscription_id join accounts a on a.id = s.account_id where p.code = 'DRF' and a.name = 'Alpine Studio GmbH'",
    );
    if (Number(owns!.n) === 0) expect(alpine.adminHome.releases.map((release) => release.version)).not.toContain('2027');
    await app.deliverEvents();
    const mails = (await app.outbox.list(500)).filter((message) => message.subject?.includes('Drafter 2027'));
    const recipients = mails.map((message) => message.to);
    // Product updates go to the people who hold a seat of the product, not to every admin.
    const holders = await app.sql<{ email: string }>(
      `select distinct u.email from seat_assignments sa join subscription_products sp on sp.subscription_id = sa.subscription_id join products p on p.id = sp.product_id
       join users u on u.id = sa.user_id join memberships m on m.user_id = sa.user_id and m.account_id = sa.account_id and m.status = 'ACTIVE'
       join subscriptions s on s.id = sa.subscription_id and s.state = 'ACTIVE' and s.licence_type <> 'CLOUD' and s.ends_on >= '2026-11-25'
       where p.code = 'DRF'
         and not exists (select 1 from notification_preferences np where np.user_id = u.id and np.category = 'PRODUCT_UPDATES' and np.channel = 'NONE')`,
    );
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders) expect(recipients).toContain(holder.email);
    expect(recipients).not.toContain('maja.horvat@kolektor-gradnje.si');
    // Each ends with its one-click unsubscribe link.
    expect(mails[0]!.text).toContain('/api/unsubscribe/');
    // The demo primary admin turned product updates off.
    expect(recipients).not.toContain('admin@example.com');
    expect(new Set(recipients).size).toBe(recipients.length);
    const [audit] = await app.sql<{ summary: string }>("select summary from vendor_audit_entries where action = 'catalogue.version.publish' and summary like 'Published DRF 2027 %'");
    expect(audit!.summary).toContain(`${recipients.length} people notified`);
    // Published twice is refused; a retired version is no longer offered.
    expect(errorOf(await operator.graphql(PUBLISH, { input: { versionId: draft().id, expectedRevision: draft().revision } })).extensions).toMatchObject({ field: 'versionId' });
    const retired = product.versions.find((version) => version.version === '2025')!;
    product = dataOf(await operator.graphql<{ setProductVersionStatus: Product }>(SET_STATUS, { input: { versionId: retired.id, expectedRevision: retired.revision, status: 'RETIRED' } })).setProductVersionStatus;
    const seen = dataOf(await customer.graphql<{ productEntitlements: { code: string; versions: { version: string }[] }[] }>('{ productEntitlements { code versions { version } } }'));
    expect(seen.productEntitlements.find((entitlement) => entitlement.code === 'DRF')!.versions.map((version) => version.version)).toEqual(['2027', '2026', '2024']);
  });

  it('refuses a file over the limit, or more bytes than declared, leaving nothing on disk or in the database', async () => {
    const version = draft();
    const refused = errorOf(
      await operator.graphql(BEGIN, { input: { versionId: version.id, kind: 'UPDATE', name: 'Too big', platform: 'LINUX', language: 'sl-SI', fileName: 'big.bin', size: MAX_BYTES + 1 } }),
    );
    expect(refused.extensions).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'size' });
    expect(await app.sql("select id from file_uploads where name = 'Too big'")).toHaveLength(0);
    expect(errorOf(await operator.graphql(BEGIN, { input: { versionId: version.id, kind: 'UPDATE', name: 'x', platform: 'LINUX', language: 'slovenian', fileName: 'a.bin', size: 1 } })).extensions).toMatchObject({
      field: 'language',
    });
    expect(errorOf(await operator.graphql(BEGIN, { input: { versionId: version.id, kind: 'UPDATE', name: 'x', platform: 'LINUX', language: 'sl-SI', fileName: '../a.bin', size: 1 } })).extensions).toMatchObject({
      field: 'fileName',
    });

    const upload = await begin(version.id, 1000);
    const tooMany = await patch(app, operator, upload.url, 0, randomBytes(1001));
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'size' });
    expect(await app.sql('select id from file_uploads where id = ?', [upload.id])).toHaveLength(0);
    expect(existsSync(join(app.dataDir, 'uploads', `${upload.id}.part`))).toBe(false);
    // Without Content-Length (chunked), the excess is found while streaming.
    const chunked = await begin(version.id, 1000);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(randomBytes(600));
        controller.enqueue(randomBytes(600));
        controller.close();
      },
    });
    const answer = await fetch(`${app.url}${chunked.url}`, {
      method: 'PATCH',
      body: stream,
      duplex: 'half',
      headers: { cookie: cookieOf(operator), 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    } as RequestInit).catch(() => null);
    if (answer) expect(answer.status).toBe(413);
    expect(await app.sql('select id from file_uploads where id = ?', [chunked.id])).toHaveLength(0);
    expect(existsSync(join(app.dataDir, 'uploads', `${chunked.id}.part`))).toBe(false);
  });

  it('cancels an upload and discards stale ones, bytes and all', async () => {
    const upload = await begin(draft().id, 5000);
    expect((await patch(app, operator, upload.url, 0, randomBytes(2000))).status).toBe(204);
    expect(await offsetOf(app, operator, upload.url)).toBe(2000);
    expect(existsSync(join(app.dataDir, 'uploads', `${upload.id}.part`))).toBe(true);
    expect(dataOf(await operator.graphql(CANCEL, { id: upload.id }))).toEqual({ cancelFileUpload: true });
    expect(existsSync(join(app.dataDir, 'uploads', `${upload.id}.part`))).toBe(false);
    expect(errorOf(await operator.graphql(CANCEL, { id: upload.id })).extensions).toMatchObject({ code: 'NOT_FOUND' });

    const left = await begin(draft().id, 5000);
    expect((await patch(app, operator, left.url, 0, randomBytes(10))).status).toBe(204);
    expect(await discardStaleUploads(app.em(), { ...app.config, now: () => TODAY })).toBe(0);
    expect(await discardStaleUploads(app.em(), { ...app.config, now: () => new Date(TODAY.getTime() + 25 * 3_600_000) })).toBe(1);
    expect(await app.sql('select id from file_uploads')).toHaveLength(0);
    expect(readdirSync(join(app.dataDir, 'uploads'))).toEqual([]);
  });

  it('refuses bytes and a cancel while a request on any instance holds the upload (the claim is in the database), and takes them once it runs out', async () => {
    const upload = await begin(draft().id, 3000);
    expect((await patch(app, operator, upload.url, 0, randomBytes(1000))).status).toBe(204);
    const claim = (until: Date) => app.sql('update file_uploads set receiving_by = ?, receiving_until = ? where id = ?', ['other-instance', app.em().getPlatform().processDateProperty(until), upload.id]);
    // Another instance is receiving this upload's bytes right now.
    await claim(new Date(Date.now() + 60_000));
    const busy = await patch(app, operator, upload.url, 1000, randomBytes(1000));
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_BUSY');
    expect(errorOf(await operator.graphql(CANCEL, { id: upload.id })).extensions).toMatchObject({ code: 'UPLOAD_BUSY' });
    expect(await offsetOf(app, operator, upload.url)).toBe(1000);
    // That instance died mid-request: its claim runs out and the upload continues here.
    await claim(new Date(Date.now() - 1000));
    expect((await patch(app, operator, upload.url, 1000, randomBytes(1000))).status).toBe(204);
    // A finished request leaves no claim behind.
    expect((await app.sql<{ receiving_by: string | null }>('select receiving_by from file_uploads where id = ?', [upload.id]))[0]!.receiving_by).toBeNull();
    expect(dataOf(await operator.graphql(CANCEL, { id: upload.id }))).toEqual({ cancelFileUpload: true });
  });

  it('takes parallel uploads, each with its own checksum', async () => {
    const files = [randomBytes(300_000), randomBytes(500_000), randomBytes(200_000), randomBytes(400_000)];
    const uploads = await Promise.all(files.map((bytes, index) => begin(draft().id, bytes.length, `Parallel ${index}`)));
    const answers = await Promise.all(uploads.map((upload, index) => patch(app, operator, upload.url, 0, files[index]!)));
    const sums = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { file: { sha256: string } }).file?.sha256 ?? JSON.stringify(answer.status)));
    expect(sums).toEqual(files.map(sha));
  });

  it("the trial offer decides the customers' trials", async () => {
    const OFFERS = '{ trialOffers { productName days } }';
    const drafter = dataOf(await operator.graphql<{ catalogueProducts: { edges: { node: { id: string } }[] } }>(LIST, { search: 'DRF' })).catalogueProducts.edges[0]!.node;
    const before = dataOf(await customer.graphql<{ trialOffers: { productName: string; days: number }[] }>(OFFERS)).trialOffers;
    expect(before.find((offer) => offer.productName === 'Drafter')?.days).toBe(30);
    // A product without an offered version is not offered for a trial, whatever its offer says.
    expect(before.map((offer) => offer.productName)).not.toContain('BIM Seven Pro');
    const current = dataOf(await operator.graphql<{ catalogueProduct: Product }>(GET, { id: drafter.id })).catalogueProduct;
    dataOf(await operator.graphql(TRIAL, { input: { productId: drafter.id, expectedRevision: current.revision, days: null } }));
    const after = dataOf(await customer.graphql<{ trialOffers: { productName: string }[] }>(OFFERS)).trialOffers;
    expect(after.map((offer) => offer.productName)).not.toContain('Drafter');
    const refused = errorOf(await customer.graphql('mutation ($id: UUID!) { startTrial(productId: $id) { id } }', { id: drafter.id }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productId' });
    expect(errorOf(await operator.graphql(TRIAL, { input: { productId: drafter.id, expectedRevision: current.revision + 1, days: 0 } })).extensions).toMatchObject({ field: 'days' });
  });

  it('takes the bytes from a vendor service token with the catalogue write scope, naming the token in the audit log', async () => {
    const writer = await createVendorToken(operator, 'Release pipeline', ['VENDOR_CATALOGUE_WRITE']);
    const reader = await createVendorToken(operator, 'Catalogue reader', ['VENDOR_CATALOGUE_READ']);
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const { createApiToken } = dataOf(
      await admin.graphql<{ createApiToken: { secret: string } }>('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', {
        input: { kind: 'SERVICE', name: 'Customer reports', scopes: ['READ_PRODUCTS'] },
      }),
    );
    const bytes = randomBytes(2_000);
    const upload = await begin(draft().id, bytes.length, 'Pipeline build');
    const send = (token: string, body: Buffer, offset = 0) =>
      fetch(`${app.url}${upload.url}`, {
        method: 'PATCH',
        body,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
      });
    const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error });

    // Other tokens are refused with 403 and say what is needed; a token that is no token with 401.
    expect(await refusal(await send(reader, bytes))).toMatchObject({ status: 403, code: 'INSUFFICIENT_SCOPE', message: expect.stringContaining('vendor:catalogue:write') });
    expect(await refusal(await send(createApiToken.secret, bytes))).toMatchObject({ status: 403, code: 'VENDOR_STAFF_ONLY', message: expect.stringContaining('sw_vnd_') });
    expect((await send('sw_vnd_not-a-real-token', bytes)).status).toBe(401);
    // A bearer with a staff cookie beside it is judged by the bearer.
    expect((await rest(app, operator, upload.url, { method: 'HEAD', headers: { authorization: `Bearer ${reader}` } })).status).toBe(403);

    const head = await fetch(`${app.url}${upload.url}`, { method: 'HEAD', headers: { authorization: `Bearer ${writer}` } });
    expect(head.headers.get('upload-offset')).toBe('0');
    expect((await send(writer, bytes.subarray(0, 500))).status).toBe(204);
    const done = await send(writer, bytes.subarray(500), 500);
    expect(done.status).toBe(201);
    const { file } = (await done.json()) as { file: { id: string; sha256: string; size: number } };
    expect(file).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    const [audit] = await app.sql<{ token_name: string | null; email: string }>(
      `select e.token_name, u.email from vendor_audit_entries e join users u on u.id = e.actor_id
       where e.action = 'catalogue.file.add' and e.summary like ?`,
      ['%Pipeline-build.exe%'],
    );
    expect(audit).toEqual({ token_name: 'Release pipeline', email: DEMO_OPERATOR_EMAIL });
  });

  it('keeps a file of 5,000,000,000 bytes, over 32 bits, as a number, on the file and on its upload', async () => {
    const SIZE = 5_000_000_000;
    const em = app.em();
    const [operatorRow] = await app.sql<{ id: string }>('select id from users where email = ?', [DEMO_OPERATOR_EMAIL]);
    const file = em.create(ProductFile, {
      version: em.getReference(ProductVersion, draft().id),
      kind: 'INSTALLER' as never,
      name: 'Drafter 2027 full DVD',
      platform: 'WINDOWS' as never,
      language: 'en-US',
      fileName: 'drafter-2027-dvd.iso',
      storageKey: 'files/none/drafter-2027-dvd.iso',
      size: SIZE,
      sha256: 'a'.repeat(64),
      releasedAt: '2026-12-01',
    });
    const upload = em.create(FileUploadRow, {
      version: em.getReference(ProductVersion, draft().id),
      kind: 'INSTALLER' as never,
      name: 'Drafter 2027 full DVD (Linux)',
      platform: 'LINUX' as never,
      language: 'en-US',
      fileName: 'drafter-2027-dvd-linux.iso',
      size: SIZE,
      received: SIZE - 1,
      createdBy: em.getReference(User, operatorRow!.id),
    });
    await em.flush();
    try {
      const again = app.em();
      const [stored, storedUpload] = [await again.findOneOrFail(ProductFile, file.id), await again.findOneOrFail(FileUploadRow, upload.id)];
      expect([stored.size, storedUpload.size, storedUpload.received]).toEqual([SIZE, SIZE, SIZE - 1]);
      expect(typeof stored.size).toBe('number');
      await reload();
      expect(draft().files.find((row) => row.id === file.id)!.size).toBe(SIZE);
      const head = await rest(app, operator, `/api/uploads/${upload.id}`, { method: 'HEAD' });
      expect([head.headers.get('upload-length'), head.headers.get('upload-offset')]).toEqual(['5000000000', '4999999999']);
    } finally {
      await app.sql('delete from product_files where id = ?', [file.id]);
      await app.sql('delete from file_uploads where id = ?', [upload.id]);
    }
  });

  it('lets Support read but not write, and refuses customers, also on the upload route', async () => {
    expect(errorOf(await support.graphql(CREATE, { input: { code: 'SUP', name: 'x', licenceTypes: ['SINGLE_USER'] } })).extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await support.graphql<{ catalogueProduct: Product }>(GET, { id: product.id })).catalogueProduct.id).toBe(product.id);
    const upload = await begin(draft().id, 10);
    expect((await patch(app, support, upload.url, 0, randomBytes(10))).status).toBe(403);
    const asCustomer = await patch(app, customer, upload.url, 0, randomBytes(10));
    expect(asCustomer.status).toBe(403);
    expect(((await asCustomer.json()) as { error: { code: string } }).error.code).toBe('VENDOR_STAFF_ONLY');
    expect((await patch(app, app.client(), upload.url, 0, randomBytes(10))).status).toBe(401);
    // A body a cross-site form could send (no preflight) is refused.
    expect((await patch(app, operator, upload.url, 0, randomBytes(10), { 'content-type': 'text/plain' })).status).toBe(415);
    expect(await offsetOf(app, operator, upload.url)).toBe(0);
  });
});
