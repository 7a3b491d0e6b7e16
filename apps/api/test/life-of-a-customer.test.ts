import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { announceFirstRun } from '../src/modules/vendor/first-run.js';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient } from './harness.js';
import { postEvents, rest } from './rest.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';
import { COMPLETE_SIGN_IN, SIGN_IN, totpCode, useSetupLink, VENDOR_VIEWER } from './vendor-helpers.js';

/**
 * Issue 16's "life of a customer": from an empty production-mode database (demo off), only
 * through the public API (GraphQL, the upload and download routes, links in real mail), a vendor
 * goes live with one customer, whose subscription is used, renewed and ends by the clock.
 */

const MAX_BYTES = 3_000_000;
const FILE_BYTES = 1_200_000;
const OPERATOR = { email: 'olga@vendor.example', password: 'Vendor-console-7' };
const ADMIN = { email: 'petra@gradbinec.example', password: 'Gradbinec-admin-1' };
const USER = { email: 'urban@gradbinec.example', password: 'Gradbinec-user-1' };
const ZONE = 'Asia/Tokyo';

const PRODUCT = 'id code revision versions { id version status revision files { id name fileName size sha256 } uploads { id } }';
const CREATE_PRODUCT = `mutation ($input: CreateCatalogueProductInput!) { createCatalogueProduct(input: $input) { ${PRODUCT} } }`;
const ADD_VERSION = `mutation ($input: AddProductVersionInput!) { addProductVersion(input: $input) { ${PRODUCT} } }`;
const PUBLISH = `mutation ($input: PublishProductVersionInput!) { publishProductVersion(input: $input) { ${PRODUCT} } }`;
const GET_PRODUCT = `query ($id: UUID!) { catalogueProduct(id: $id) { ${PRODUCT} } }`;
const BEGIN_UPLOAD = 'mutation ($input: CreateFileUploadInput!) { createFileUpload(input: $input) { id url size received } }';
const CREATE_CUSTOMER = 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id name timeZone status userCount seatCount primaryAdminEmail } }';
const CUSTOMERS = 'query ($search: String) { customers(filter: { search: $search }) { totalCount edges { node { id name status userCount seatCount primaryAdminEmail } } } }';
const SUB = 'id name status seatsTotal seatsUsed startsOn endsOn version products { product { code } }';
const CREATE_CONTRACT = `mutation ($input: CreateContractInput!) { createCustomerContract(input: $input) { id number startsOn endsOn subscriptions { ${SUB} } } }`;
const VENDOR_CONTRACTS = `query ($customerId: UUID!) { customerContracts(customerId: $customerId) { totalCount edges { node { number subscriptions { ${SUB} } } } } }`;
const SEATS = `mutation ($input: ChangeSeatsInput!) { changeSubscriptionSeats(input: $input) { ${SUB} } }`;
const RENEW = `mutation ($input: RenewSubscriptionInput!) { renewSubscription(input: $input) { ${SUB} } }`;
const INVITE_PRIMARY = 'mutation ($input: InviteCustomerPrimaryAdminInput!) { inviteCustomerPrimaryAdmin(input: $input) { email role status } }';
const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { userId email role status } }';
const ACCEPT = 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id email role account { name } } } }';
const ASSIGN = 'mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }';
const ASSIGNABLE = '{ assignableSubscriptions { id seats assigned available } }';
const ENTITLEMENTS = '{ productEntitlements { code versions { id version } } }';
const DOWNLOADS = 'query ($versionId: UUID!) { productDownloads(versionId: $versionId) { version platforms installers { id fileName size sha256 } } }';
const LINKS = 'mutation ($ids: [UUID!]!) { createDownloadLinks(fileIds: $ids) { url fileName size sha256 } }';
const HOME_USE = 'mutation ($input: HomeUseLicenceInput!) { requestHomeUseLicence(input: $input) { id kind productName version } }';
const SUBSCRIPTION = 'query ($id: UUID!) { subscription(id: $id) { status seatsTotal seatsUsed endsOn } }';
const SUBSCRIPTIONS = 'query ($statuses: [SubscriptionStatus!]) { subscriptions(filter: { statuses: $statuses }) { totalCount edges { node { id status seatsTotal seatsUsed } } } }';
const SEAT_USAGE = `query ($range: DateRangeInput!) {
  seatUsage(range: $range) { unassignedSeats products { product { code } seatsTotal seatsAssigned seatsUnassigned activeUsers daysUsed minutes } }
  seatUsageByUser(range: $range, first: 100) { totalCount rows { user { id } subscription { id } daysUsed minutes } }
}`;
const HOME = '{ adminHome { subscriptionEvents { kind subscriptionName effectiveOn } } }';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ids = <T extends { id: string }>(rows: T[]) => rows.map((row) => row.id);

interface Version {
  id: string;
  version: string;
  status: string;
  revision: number;
  files: { id: string; fileName: string; size: number; sha256: string }[];
  uploads: { id: string }[];
}
interface Product {
  id: string;
  code: string;
  revision: number;
  versions: Version[];
}
interface Sub {
  id: string;
  name: string;
  status: string;
  seatsTotal: number;
  seatsUsed: number;
  startsOn: string;
  endsOn: string;
  version: number;
}

describe.each(drivers)('the life of a customer, from an empty production install (%s)', (driver) => {
  let app: TestApp;
  let peer: SmtpPeer;
  let operator: TestClient;
  let admin: TestClient;
  let user: TestClient;
  let product: Product;
  let customerId: string;
  let subscription: Sub;
  let adminId: string;
  let userId: string;
  let sentSha: string;
  let fileId: string;
  let oldLink: string;

  /** Row counts of the tables a refused change must leave alone. */
  const counts = async (...tables: string[]) => {
    const result: Record<string, number> = {};
    for (const table of tables) result[table] = Number((await app.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n);
    return result;
  };
  const CONTRACT_TABLES = ['contracts', 'subscriptions', 'subscription_products', 'subscription_events', 'audit_entries', 'vendor_audit_entries', 'seat_assignments'];

  /** The first link of a kind in the newest real mail (through SMTP) to this address. */
  async function linkInMail(to: string, pattern: RegExp): Promise<string> {
    await app.deliverEvents();
    const mail = await peer.waitFor((candidate) => sentTo(to)(candidate) && pattern.test(candidate.text ?? ''), 10_000);
    return decodeURIComponent(pattern.exec(mail.text!)![1]!);
  }

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, {
      seed: false,
      now: new Date('2026-11-25T10:00:00Z'),
      env: { NODE_ENV: 'production', SEATWISE_DEMO: '0', SMTP_URL: peer.url, MAIL_FROM: 'Vendor licences <licences@vendor.example>', PUBLIC_URL: 'https://licences.vendor.example', SEATWISE_UPLOAD_MAX_BYTES: String(MAX_BYTES), SEATWISE_JOB_WORKER: '0' },
    });
    operator = app.client();
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('starts empty in production: the first-run link makes the operator, with a password and an authenticator app', async () => {
    expect(app.config).toMatchObject({ production: true, demo: false });
    expect(await counts('accounts', 'users', 'products', 'vendor_staff')).toEqual({ accounts: 0, users: 0, products: 0, vendor_staff: 0 });
    const printed: string[] = [];
    const url = await announceFirstRun(app.orm, app.config, createLogger('silent'), (text) => printed.push(text));
    expect(url).toMatch(/^https:\/\/licences\.vendor\.example\/setup\/[\w-]{43}$/);
    expect(printed.join('\n')).toContain(url!);

    const made = await useSetupLink(operator, url!, { email: OPERATOR.email, firstName: 'Olga', lastName: 'Novak', password: OPERATOR.password });
    expect(made.staff).toMatchObject({ email: OPERATOR.email, role: 'OPERATOR' });
    expect(dataOf(await operator.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: { email: OPERATOR.email, role: 'OPERATOR' }, me: null });
    // The link is used up, and a restart prints nothing.
    const again: string[] = [];
    expect(await announceFirstRun(app.orm, app.config, createLogger('silent'), (text) => again.push(text))).toBeNull();
    expect(again).toEqual([]);

    // A sign-in of its own: the password alone is not enough, the app's code finishes it.
    const fresh = app.client();
    const first = dataOf(await fresh.graphql<{ signIn: { secondStep: { method: string } | null; staff: unknown } }>(SIGN_IN, { input: OPERATOR }));
    expect(first.signIn).toMatchObject({ secondStep: { method: 'AUTHENTICATOR_APP' }, staff: null });
    expect(dataOf(await fresh.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: null, me: null });
    const done = dataOf(await fresh.graphql<{ completeSignIn: { staff: { role: string } } }>(COMPLETE_SIGN_IN, { code: totpCode(made.secret, 1), kind: 'AUTHENTICATOR_APP' }));
    expect(done.completeSignIn.staff.role).toBe('OPERATOR');
    operator = fresh;
  });

  it('builds the catalogue: a product, a version and a file streamed with its checksum computed while sending; a file over the limit is refused', async () => {
    product = dataOf(
      await operator.graphql<{ createCatalogueProduct: Product }>(CREATE_PRODUCT, {
        input: { code: 'bridge', name: 'Bridge Designer', description: 'Bridges, beam by beam.', licenceTypes: ['SINGLE_USER'] },
      }),
    ).createCatalogueProduct;
    expect(product).toMatchObject({ code: 'BRIDGE', versions: [] });
    product = dataOf(await operator.graphql<{ addProductVersion: Product }>(ADD_VERSION, { input: { productId: product.id, version: '2027', releasedOn: '2026-11-20' } })).addProductVersion;
    const version = product.versions[0]!;
    expect(version).toMatchObject({ version: '2027', status: 'DRAFT', files: [] });

    const fileInput = { versionId: version.id, kind: 'INSTALLER', name: 'Bridge Designer 2027', platform: 'WINDOWS', language: 'en-US', fileName: 'bridge-2027.exe' };
    // Over the configured limit: refused before a byte is sent, naming the size, nothing kept.
    const before = await counts('file_uploads', 'product_files');
    expect(errorOf(await operator.graphql(BEGIN_UPLOAD, { input: { ...fileInput, size: MAX_BYTES + 1 } })).extensions).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'size' });
    expect(await counts('file_uploads', 'product_files')).toEqual(before);

    const upload = dataOf(await operator.graphql<{ createFileUpload: { id: string; url: string; size: number; received: number } }>(BEGIN_UPLOAD, { input: { ...fileInput, size: FILE_BYTES } })).createFileUpload;
    expect(upload).toMatchObject({ size: FILE_BYTES, received: 0 });
    // The body is made and hashed chunk by chunk as it goes out; the whole file is never held.
    const hash = createHash('sha256');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= FILE_BYTES) return controller.close();
        const chunk = randomBytes(Math.min(64 * 1024, FILE_BYTES - sent));
        hash.update(chunk);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const answer = await rest(app, operator, upload.url, {
      method: 'PATCH',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    } as RequestInit);
    sentSha = hash.digest('hex');
    expect(answer.status).toBe(201);
    const { file } = (await answer.json()) as { file: { id: string; sha256: string; size: number } };
    expect(file).toMatchObject({ sha256: sentSha, size: FILE_BYTES });
    fileId = file.id;

    product = dataOf(await operator.graphql<{ catalogueProduct: Product }>(GET_PRODUCT, { id: product.id })).catalogueProduct;
    expect(product.versions[0]).toMatchObject({ uploads: [], files: [{ id: fileId, fileName: 'bridge-2027.exe', size: FILE_BYTES, sha256: sentSha }] });
    product = dataOf(await operator.graphql<{ publishProductVersion: Product }>(PUBLISH, { input: { versionId: version.id, expectedRevision: product.versions[0]!.revision } })).publishProductVersion;
    expect(product.versions[0]!.status).toBe('CURRENT');
  });

  it('creates the customer and a contract with a subscription of the product; bad input names the field and writes nothing', async () => {
    const customer = dataOf(
      await operator.graphql<{ createCustomer: { id: string; timeZone: string; status: string; userCount: number; seatCount: number } }>(CREATE_CUSTOMER, {
        input: { name: 'Gradbinec d.d.', country: 'SI', timeZone: ZONE, language: 'EN', externalId: 'CRM-LIFE-1' },
      }),
    ).createCustomer;
    expect(customer).toMatchObject({ timeZone: ZONE, status: 'ACTIVE', userCount: 0, seatCount: 0 });
    customerId = customer.id;

    const line = (change: Record<string, unknown> = {}) => ({
      productIds: [product.id],
      licenceType: 'SINGLE_USER',
      term: 'ANNUAL',
      seats: 3,
      startsOn: '2026-11-01',
      endsOn: '2027-10-31',
      renewal: 'MANUAL',
      ...change,
    });
    const input = (change: Record<string, unknown> = {}) => ({ customerId, number: 'GB-2026-001', startsOn: '2026-11-01', endsOn: '2027-10-31', subscriptions: [line()], ...change });
    const before = await counts(...CONTRACT_TABLES);
    const bad = async (change: Record<string, unknown>) => errorOf(await operator.graphql(CREATE_CONTRACT, { input: input(change) })).extensions;
    expect(await bad({ subscriptions: [line({ productIds: ['00000000-0000-4000-8000-000000000000'] })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.productIds' });
    expect(await bad({ endsOn: '2026-10-31' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(await bad({ subscriptions: [line({ endsOn: '2026-10-01' })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.endsOn' });
    expect(await bad({ subscriptions: [line({ seats: -2 })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.seats' });
    expect(await counts(...CONTRACT_TABLES)).toEqual(before);

    const contract = dataOf(await operator.graphql<{ createCustomerContract: { number: string; subscriptions: Sub[] } }>(CREATE_CONTRACT, { input: input() })).createCustomerContract;
    expect(contract.subscriptions).toHaveLength(1);
    subscription = contract.subscriptions[0]!;
    expect(subscription).toMatchObject({ name: 'Bridge Designer', status: 'ACTIVE', seatsTotal: 3, seatsUsed: 0, startsOn: '2026-11-01', endsOn: '2027-10-31' });

    // The same contract number again is refused by name, and writes nothing.
    const made = await counts(...CONTRACT_TABLES);
    expect(await bad({})).toMatchObject({ code: 'CONTRACT_NUMBER_TAKEN', field: 'number' });
    expect(await counts(...CONTRACT_TABLES)).toEqual(made);
    const listed = dataOf(await operator.graphql<{ customers: Page<{ seatCount: number; userCount: number }> }>(CUSTOMERS, { search: 'CRM-LIFE-1' })).customers;
    expect(nodesOf(listed)).toMatchObject([{ seatCount: 3, userCount: 0 }]);
  });

  it('invites the primary admin by real mail; they accept, invite a user who accepts, and hand out seats to both', async () => {
    expect(dataOf(await operator.graphql(INVITE_PRIMARY, { input: { customerId, email: ADMIN.email, firstName: 'Petra', lastName: 'Gradnik' } }))).toEqual({
      inviteCustomerPrimaryAdmin: { email: ADMIN.email, role: 'PRIMARY_ADMIN', status: 'PENDING' },
    });
    const adminToken = await linkInMail(ADMIN.email, /https:\/\/licences\.vendor\.example\/invitation\?token=(\S+)/);
    admin = app.client();
    const accepted = dataOf(await admin.graphql<{ acceptInvitation: { viewer: { id: string; role: string; account: { name: string } } } }>(ACCEPT, { input: { token: adminToken, password: ADMIN.password } }));
    expect(accepted.acceptInvitation.viewer).toMatchObject({ email: ADMIN.email, role: 'PRIMARY_ADMIN', account: { name: 'Gradbinec d.d.' } });
    adminId = accepted.acceptInvitation.viewer.id;

    const invited = dataOf(await admin.graphql<{ inviteUser: { userId: string; status: string } }>(INVITE, { input: { email: USER.email, firstName: 'Urban', lastName: 'Zidar', role: 'USER' } })).inviteUser;
    expect(invited).toMatchObject({ status: 'PENDING' });
    const userToken = await linkInMail(USER.email, /https:\/\/licences\.vendor\.example\/invitation\?token=(\S+)/);
    user = app.client();
    const joined = dataOf(await user.graphql<{ acceptInvitation: { viewer: { id: string; role: string } } }>(ACCEPT, { input: { token: userToken, password: USER.password } }));
    expect(joined.acceptInvitation.viewer).toMatchObject({ id: invited.userId, role: 'USER' });
    userId = invited.userId;

    // Before a seat, the user is entitled to nothing.
    expect(dataOf(await user.graphql<{ productEntitlements: unknown[] }>(ENTITLEMENTS)).productEntitlements).toEqual([]);
    for (const person of [adminId, userId]) dataOf(await admin.graphql(ASSIGN, { input: { userId: person, subscriptionId: subscription.id } }));
    expect(dataOf(await admin.graphql<{ assignableSubscriptions: unknown[] }>(ASSIGNABLE)).assignableSubscriptions).toEqual([{ id: subscription.id, seats: 3, assigned: 2, available: 1 }]);
    expect(errorOf(await admin.graphql(ASSIGN, { input: { userId, subscriptionId: subscription.id } })).extensions?.code).toBe('SEAT_ALREADY_ASSIGNED');
    const listed = dataOf(await operator.graphql<{ customers: Page<{ userCount: number; seatCount: number; primaryAdminEmail: string }> }>(CUSTOMERS, { search: 'CRM-LIFE-1' })).customers;
    expect(nodesOf(listed)).toMatchObject([{ userCount: 2, seatCount: 3, primaryAdminEmail: ADMIN.email }]);
  });

  it('the user downloads the file through the customer download path, and its SHA-256 matches', async () => {
    const entitled = dataOf(await user.graphql<{ productEntitlements: { code: string; versions: { id: string; version: string }[] }[] }>(ENTITLEMENTS)).productEntitlements;
    expect(entitled).toEqual([{ code: 'BRIDGE', versions: [{ id: product.versions[0]!.id, version: '2027' }] }]);
    const offered = dataOf(await user.graphql<{ productDownloads: { version: string; platforms: string[]; installers: { id: string; sha256: string }[] } }>(DOWNLOADS, { versionId: product.versions[0]!.id })).productDownloads;
    expect(offered).toEqual({ version: '2027', platforms: ['WINDOWS'], installers: [{ id: fileId, fileName: 'bridge-2027.exe', size: FILE_BYTES, sha256: sentSha }] });
    const [link] = dataOf(await user.graphql<{ createDownloadLinks: { url: string; sha256: string; size: number }[] }>(LINKS, { ids: [fileId] })).createDownloadLinks;
    expect(link).toMatchObject({ sha256: sentSha, size: FILE_BYTES });
    oldLink = link!.url;
    const download = await fetch(`${app.url}${link!.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sentSha, 'hex').toString('base64')}:`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(FILE_BYTES);
    expect(sha(bytes)).toBe(sentSha);

    // The installed product reports a session of the user (in Tokyo), through the usage API.
    const usage = await postEvents(app, admin, [{ id: 'life-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T09:00:00+09:00', user: USER.email, product: 'BRIDGE', minutes: 45 }]);
    expect(usage.status).toBe(200);
    expect(await usage.json()).toMatchObject({ accepted: 1, duplicates: 0 });

    // The seat also gives a home-use licence while it runs.
    const homeUse = dataOf(await user.graphql<{ requestHomeUseLicence: { kind: string; productName: string; version: string } }>(HOME_USE, { input: { productId: product.id, versionId: product.versions[0]!.id } }));
    expect(homeUse.requestHomeUseLicence).toMatchObject({ kind: 'HOME_USE', productName: 'Bridge Designer', version: '2027' });
  });

  it('refuses a decrease below the seats assigned with the number, and a stale change, writing nothing; then renews', async () => {
    const before = await counts(...CONTRACT_TABLES);
    const refused = errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: subscription.id, expectedVersion: subscription.version, seats: 1 } }));
    expect(refused.extensions).toMatchObject({ code: 'SEATS_ASSIGNED', field: 'seats', assigned: 2, unassignFirst: 1 });
    expect(refused.message).toMatch(/^1 seats? (is|are) assigned above the new number/);
    expect(errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: subscription.id, expectedVersion: subscription.version, seats: -1 } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'seats',
    });
    expect(await counts(...CONTRACT_TABLES)).toEqual(before);
    expect(dataOf(await admin.graphql<{ subscription: { seatsTotal: number } }>(SUBSCRIPTION, { id: subscription.id })).subscription.seatsTotal).toBe(3);

    // Down to the assigned two is allowed; the old version is then stale.
    const down = dataOf(await operator.graphql<{ changeSubscriptionSeats: Sub }>(SEATS, { input: { customerId, subscriptionId: subscription.id, expectedVersion: subscription.version, seats: 2 } })).changeSubscriptionSeats;
    expect(down).toMatchObject({ seatsTotal: 2, seatsUsed: 2 });
    expect(down.version).toBeGreaterThan(subscription.version);
    const changed = await counts(...CONTRACT_TABLES);
    const stale = errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: subscription.id, expectedVersion: subscription.version, seats: 5 } }));
    expect(stale.extensions).toMatchObject({ code: 'STALE_CHANGE', field: 'expectedVersion' });
    expect(await counts(...CONTRACT_TABLES)).toEqual(changed);

    subscription = dataOf(await operator.graphql<{ renewSubscription: Sub }>(RENEW, { input: { customerId, subscriptionId: subscription.id, expectedVersion: down.version } })).renewSubscription;
    // A new term, from the day after the old one ended.
    expect(subscription).toMatchObject({ status: 'ACTIVE', startsOn: '2027-11-01', endsOn: '2028-10-31', seatsTotal: 2, seatsUsed: 2 });
    expect(dataOf(await admin.graphql<{ subscription: { endsOn: string } }>(SUBSCRIPTION, { id: subscription.id })).subscription.endsOn).toBe('2028-10-31');

    // Seat Usage sees the running seats and both holders at once.
    const report = dataOf(
      await admin.graphql<{ seatUsage: { unassignedSeats: number; products: unknown[] }; seatUsageByUser: { totalCount: number; rows: { user: { id: string }; subscription: { id: string }; daysUsed: number; minutes: number }[] } }>(SEAT_USAGE, {
        range: { from: '2026-11-01', to: '2026-11-25' },
      }),
    );
    expect(report.seatUsage).toEqual({ unassignedSeats: 0, products: [{ product: { code: 'BRIDGE' }, seatsTotal: 2, seatsAssigned: 2, seatsUnassigned: 0, activeUsers: 1, daysUsed: 1, minutes: 45 }] });
    expect(report.seatUsageByUser.rows.map((row) => [row.user.id, row.subscription.id, row.daysUsed, row.minutes]).sort()).toEqual(
      [[adminId, subscription.id, 0, 0], [userId, subscription.id, 1, 45]].sort(),
    );
  });

  it("expires by the clock at the end of the last day in the customer's time zone: seats unusable, assignments kept, reports right", async () => {
    const status = async () => dataOf(await admin.graphql<{ subscription: { status: string } }>(SUBSCRIPTION, { id: subscription.id })).subscription.status;
    // 23:59 of 31 October 2028 in Tokyo (UTC+9): still running, and the term-end task leaves it.
    app.setNow(new Date('2028-10-31T14:59:00Z'));
    await app.seatwise.worker.runPeriodic(true);
    expect(await status()).toBe('EXPIRING');
    const stillEntitled = dataOf(await user.graphql<{ productEntitlements: { versions: unknown[] }[] }>(ENTITLEMENTS)).productEntitlements;
    expect(stillEntitled[0]!.versions).toHaveLength(1);

    // Just past midnight in Tokyo, while it is still 31 October in UTC.
    app.setNow(new Date('2028-10-31T15:00:30Z'));
    await app.seatwise.worker.runPeriodic(true);
    expect(await status()).toBe('EXPIRED');
    const vendorView = dataOf(await operator.graphql<{ customerContracts: Page<{ subscriptions: Sub[] }> }>(VENDOR_CONTRACTS, { customerId })).customerContracts;
    expect(nodesOf(vendorView)[0]!.subscriptions[0]).toMatchObject({ id: subscription.id, status: 'EXPIRED', seatsUsed: 2 });
    const log = dataOf(await admin.graphql<{ auditLog: Page<{ action: string; targetId: string }> }>('{ auditLog(first: 100) { edges { node { action targetId } } } }')).auditLog;
    expect(nodesOf(log).filter((entry) => entry.targetId === subscription.id).map((entry) => entry.action)).toContain('subscription.expire');
    const [{ n: expiries }] = (await app.sql<{ n: number | string }>("select count(*) as n from audit_entries where target_id = ? and action = 'subscription.expire'", [subscription.id])) as [{ n: number | string }];
    expect(Number(expiries)).toBe(1);

    // The seat can no longer be used: no entitlement, no new link, the link already given refused, no licence.
    const entitled = dataOf(await user.graphql<{ productEntitlements: { versions: unknown[] }[] }>(ENTITLEMENTS)).productEntitlements;
    expect(entitled.flatMap((entitlement) => entitlement.versions)).toEqual([]);
    expect(errorOf(await user.graphql(LINKS, { ids: [fileId] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileIds[0]' });
    const late = await fetch(`${app.url}${oldLink}`);
    expect(late.status).toBe(403);
    expect(await late.text()).toBe('You are no longer entitled to this download.');
    const licence = errorOf(await user.graphql(HOME_USE, { input: { productId: product.id, versionId: product.versions[0]!.id } }));
    expect(licence.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'versionId' });
    expect(await counts('licence_requests')).toEqual({ licence_requests: 1 });
    expect(dataOf(await admin.graphql<{ assignableSubscriptions: unknown[] }>(ASSIGNABLE)).assignableSubscriptions).toEqual([]);

    // Assignments are kept for history: both seats still count as used on the expired subscription.
    const expired = dataOf(await admin.graphql<{ subscriptions: Page<{ id: string; status: string; seatsTotal: number; seatsUsed: number }> }>(SUBSCRIPTIONS, { statuses: ['EXPIRED'] })).subscriptions;
    expect(nodesOf(expired)).toEqual([{ id: subscription.id, status: 'EXPIRED', seatsTotal: 2, seatsUsed: 2 }]);
    expect(ids(nodesOf(dataOf(await admin.graphql<{ subscriptions: Page<{ id: string }> }>(SUBSCRIPTIONS, { statuses: ['ACTIVE', 'EXPIRING'] })).subscriptions))).toEqual([]);
    const home = dataOf(await admin.graphql<{ adminHome: { subscriptionEvents: { kind: string; subscriptionName: string; effectiveOn: string }[] } }>(HOME)).adminHome;
    expect(home.subscriptionEvents[0]).toEqual({ kind: 'EXPIRED', subscriptionName: 'Bridge Designer', effectiveOn: '2028-10-31' });

    // Seat Usage for October, when it ran, keeps its product as it stood on its last day; from
    // November on nothing runs: no seats, nothing to reclaim.
    type SeatUsageAnswer = { seatUsage: { unassignedSeats: number; products: { product: { code: string }; seatsTotal: number; seatsAssigned: number }[] }; seatUsageByUser: { totalCount: number } };
    const october = dataOf(await admin.graphql<SeatUsageAnswer>(SEAT_USAGE, { range: { from: '2028-10-01', to: '2028-10-31' } }));
    expect(october.seatUsage).toEqual({
      unassignedSeats: 0,
      products: [expect.objectContaining({ product: { code: 'BRIDGE' }, seatsTotal: 2, seatsAssigned: 2, seatsUnassigned: 0 })],
    });
    const report = dataOf(await admin.graphql<SeatUsageAnswer>(SEAT_USAGE, { range: { from: '2028-11-01', to: '2028-11-01' } }));
    expect(report.seatUsage).toEqual({ unassignedSeats: 0, products: [] });
    const listed = dataOf(await operator.graphql<{ customers: Page<{ userCount: number; seatCount: number }> }>(CUSTOMERS, { search: 'CRM-LIFE-1' })).customers;
    expect(nodesOf(listed)).toMatchObject([{ userCount: 2, seatCount: 0 }]);

    // Expired once, though the task runs again.
    await app.seatwise.worker.runPeriodic(true);
    const [{ n: events }] = (await app.sql<{ n: number | string }>("select count(*) as n from subscription_events where subscription_id = ? and kind = 'EXPIRED'", [subscription.id])) as [{ n: number | string }];
    expect(Number(events)).toBe(1);
  });
});
