import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLicence } from '../src/modules/licensing/licence-file.js';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient, TODAY } from './harness.js';
import { auditCount, download, entitlementsOf, LINKS, linksFor, type EntitlementNode } from './products-helpers.js';

const NETWORK = `
  mutation Network($input: NetworkLicenceInput!) {
    requestNetworkLicence(input: $input) { id kind productName version serialNumber serverHostName hostId seats licenceFile }
  }`;
const HOME_USE = `
  mutation HomeUse($input: HomeUseLicenceInput!) { requestHomeUseLicence(input: $input) { id kind productName version requestedBy } }`;

/** F-24 (b), (c) and F-26: licence requests, offline-verifiable licence files and trials. */
describe.each(drivers)('licences and trials (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let user: TestClient;
  let formwork: EntitlementNode;

  const rowCount = async (table: string) => Number((await app.sql<{ total: number | string }>(`select count(*) as total from ${table}`))[0]!.total);

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    user = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    dataOf(await user.signIn('user@example.com'));
    formwork = (await entitlementsOf(admin)).find((product) => product.code === 'FRM')!;
  });
  afterAll(() => app?.close());

  it('issues a network licence file that verifies offline with the public key, and audits it', async () => {
    const licence = formwork.licences[0]!;
    const result = dataOf(
      await admin.graphql<{ requestNetworkLicence: { licenceFile: string; hostId: string; seats: number } }>(NETWORK, {
        input: { subscriptionId: licence.subscriptionId, versionId: formwork.versions[1]!.id, serverHostName: 'lic-server.kolektor.local', hostId: '00-1a-2b-3c-4d-5e', seats: licence.seats },
      }),
    ).requestNetworkLicence;
    expect(result.hostId).toBe('00:1A:2B:3C:4D:5E');
    expect(result.seats).toBe(licence.seats);
    const publicKey = dataOf(await user.graphql<{ licenceVerificationKey: string }>('{ licenceVerificationKey }')).licenceVerificationKey;
    expect(publicKey).toContain('BEGIN PUBLIC KEY');

    const check = verifyLicence(publicKey, result.licenceFile);
    expect(check.valid).toBe(true);
    expect(check.valid && check.fields).toMatchObject({ HOST_ID: '00:1A:2B:3C:4D:5E', SEATS: String(licence.seats), SERIAL_NUMBER: licence.serialNumber });
    // One changed byte anywhere (here: a seat more) breaks the signature.
    const tampered = result.licenceFile.replace(`SEATS=${licence.seats}`, `SEATS=${licence.seats + 1}`);
    expect(verifyLicence(publicKey, tampered).valid).toBe(false);
    const bytes = Buffer.from(result.licenceFile);
    bytes[40] = bytes[40]! ^ 1;
    expect(verifyLicence(publicKey, bytes).valid).toBe(false);
    expect(await auditCount(app, 'licence.network')).toBe(1);

    // The CLI in the repository, with nothing but the public key.
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-licence-'));
    try {
      writeFileSync(join(dir, 'key.pem'), publicKey);
      writeFileSync(join(dir, 'good.lic'), result.licenceFile);
      writeFileSync(join(dir, 'bad.lic'), tampered);
      const cli = ['tsx', 'src/modules/licensing/verify-licence-cli.ts'];
      const run = promisify(execFile);
      const good = await run('npx', [...cli, join(dir, 'good.lic'), join(dir, 'key.pem')]);
      expect(good.stdout).toMatch(/^VALID/);
      await expect(run('npx', [...cli, join(dir, 'bad.lic'), join(dir, 'key.pem')])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/INVALID/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses bad network licence input, naming the field, and writes nothing', async () => {
    const licence = formwork.licences[0]!;
    const drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
    const good = { subscriptionId: licence.subscriptionId, versionId: formwork.versions[0]!.id, serverHostName: 'lic1', hostId: '00:1A:2B:3C:4D:5E', seats: 1 };
    const before = [await rowCount('licence_requests'), await rowCount('audit_entries')];
    const cases: [Record<string, unknown>, string][] = [
      [{ versionId: drafter.versions[0]!.id }, 'versionId'],
      [{ hostId: '00:1A:2B:3C:4D' }, 'hostId'],
      [{ hostId: 'GG:1A:2B:3C:4D:5E' }, 'hostId'],
      [{ seats: licence.seats + 1 }, 'seats'],
      [{ seats: 0 }, 'seats'],
      [{ serverHostName: 'bad host!' }, 'serverHostName'],
      [{ subscriptionId: drafter.licences[0]!.subscriptionId }, 'subscriptionId'],
    ];
    for (const [change, field] of cases) {
      const error = errorOf(await admin.graphql(NETWORK, { input: { ...good, ...change } }));
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect([await rowCount('licence_requests'), await rowCount('audit_entries')]).toEqual(before);
    expect(errorOf(await user.graphql(NETWORK, { input: good })).extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the seats of all active network licence files within the subscription, a new file for a host replacing its old one', async () => {
    const licence = formwork.licences[0]!;
    const base = { subscriptionId: licence.subscriptionId, versionId: formwork.versions[0]!.id, serverHostName: 'lic2.kolektor.local' };
    type Issued = { requestNetworkLicence: { id: string; hostId: string; seats: number } };
    const ask = (hostId: string, seats: number) => admin.graphql<Issued>(NETWORK, { input: { ...base, hostId, seats } });
    const active = async () =>
      Number(
        (await app.sql<{ total: number | string | null }>(
          `select coalesce(sum(seats), 0) as total from licence_requests where subscription_id = ? and kind = 'NETWORK' and revoked_at is null`,
          [licence.subscriptionId],
        ))[0]!.total,
      );
    // The first test gave every seat to 00:1A:2B:3C:4D:5E.
    expect(await active()).toBe(licence.seats);
    const none = errorOf(await ask('00:50:56:9A:1B:2C', 1));
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seats' });
    expect(none.message).toContain('No seat');

    // The same host again (in lmhostid's colon-less form) replaces its file: the old seats are free for the new one.
    const replacement = dataOf(await ask('001a2b3c4d5e', licence.seats - 2)).requestNetworkLicence;
    expect(replacement.hostId).toBe('00:1A:2B:3C:4D:5E');
    const requests = nodesOf(dataOf(await admin.graphql<{ licenceRequests: Page<{ id: string; hostId: string | null; revokedAt: string | null; expiresOn: string | null }> }>(
      '{ licenceRequests { edges { node { id hostId revokedAt expiresOn } } } }',
    )).licenceRequests).filter((request) => request.hostId === '00:1A:2B:3C:4D:5E');
    expect(requests.map((request) => [request.id === replacement.id, request.revokedAt === null])).toEqual([[true, true], [false, false]]);
    expect(requests[0]!.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await auditCount(app, 'licence.network.revoked')).toBe(1);
    expect(await active()).toBe(licence.seats - 2);

    // Every way of writing one MAC address is the same host: each request replaces the one before.
    for (const form of ['0050569A1B2C', '00:50:56:9a:1b:2c', '00-50-56-9A-1B-2C']) {
      expect(dataOf(await ask(form, 1)).requestNetworkLicence.hostId).toBe('00:50:56:9A:1B:2C');
    }
    expect(await active()).toBe(licence.seats - 1);
    for (const bad of ['0050569A1B2', '00:50-56:9A:1B:2C', '005056:9A1B2C', '0050569A1B2CDD']) {
      expect(errorOf(await ask(bad, 1)).extensions, bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostId' });
    }

    // 99 seats: refused, naming the seats that are free for this host (its own file's 1 plus the 1 left), never written as fewer.
    const before = [await rowCount('licence_requests'), await rowCount('audit_entries')];
    const tooMany = errorOf(await ask('00:50:56:9A:1B:2C', 99));
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seats' });
    expect(tooMany.message).toContain(`Only 2 of the ${licence.seats} seats`);
    expect([await rowCount('licence_requests'), await rowCount('audit_entries')]).toEqual(before);
    expect(await active()).toBe(licence.seats - 1);
  });

  it('lets only as many parallel requests through as there are free seats', async () => {
    const licence = formwork.licences[0]!;
    await app.sql(`update licence_requests set revoked_at = created_at where subscription_id = ?`, [licence.subscriptionId]);
    const hosts = Array.from({ length: licence.seats + 3 }, (_, index) => `02:00:00:00:00:${String(index).padStart(2, '0')}`);
    const results = await Promise.all(
      hosts.map((hostId) =>
        admin.graphql(NETWORK, { input: { subscriptionId: licence.subscriptionId, versionId: formwork.versions[0]!.id, serverHostName: 'lic-parallel', hostId, seats: 1 } }),
      ),
    );
    expect(results.filter((result) => !result.errors).length).toBe(licence.seats);
    expect(results.filter((result) => result.errors).map((result) => errorOf(result).extensions?.field)).toEqual(['seats', 'seats', 'seats']);
    const [row] = await app.sql<{ total: number | string }>(
      `select sum(seats) as total from licence_requests where subscription_id = ? and revoked_at is null`,
      [licence.subscriptionId],
    );
    expect(Number(row!.total)).toBe(licence.seats);
  });

  it('takes home-use requests for single-user seats only', async () => {
    const mine = await entitlementsOf(user);
    const single = mine.find((product) => product.homeUseAllowed)!;
    const result = dataOf(await user.graphql<{ requestHomeUseLicence: { kind: string; requestedBy: string } }>(HOME_USE, { input: { productId: single.id, versionId: single.versions[0]!.id } }));
    expect(result.requestHomeUseLicence).toMatchObject({ kind: 'HOME_USE', requestedBy: 'Jure Kovač' });
    expect(await auditCount(app, 'licence.home-use')).toBe(1);
    // The admin holds no seat of the network subscription: no home use of it.
    const error = errorOf(await admin.graphql(HOME_USE, { input: { productId: formwork.id, versionId: formwork.versions[0]!.id } }));
    expect(error.extensions?.field).toBe('productId');
    const list = nodesOf(dataOf(await user.graphql<{ licenceRequests: Page<{ kind: string }> }>('{ licenceRequests { edges { node { kind } } } }')).licenceRequests);
    expect(list.map((request) => request.kind)).toEqual(['HOME_USE']);
  });

  it('pages licence requests the newest first, holding while new ones arrive, and filters them by product', async () => {
    const single = (await entitlementsOf(user)).find((product) => product.homeUseAllowed)!;
    const ask = async () =>
      dataOf(await user.graphql<{ requestHomeUseLicence: { id: string } }>(HOME_USE, { input: { productId: single.id, versionId: single.versions[0]!.id } }))
        .requestHomeUseLicence.id;
    for (let i = 0; i < 3; i += 1) await ask();
    const PAGE = `query Page($after: String, $productId: UUID) {
      licenceRequests(first: 2, after: $after, filter: { productId: $productId }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Requests = { licenceRequests: Page<{ id: string }> };
    const page = async (after: string | null, productId = single.id) => dataOf(await user.graphql<Requests>(PAGE, { after, productId })).licenceRequests;
    const firstPage = await page(null);
    expect(firstPage.totalCount).toBe(4);
    // A request made while the list is read comes before the first page: the later pages neither repeat nor skip a row.
    const arrived = await ask();
    const seen = nodesOf(firstPage).map((row) => row.id);
    let cursor = firstPage.pageInfo.endCursor;
    for (let next = await page(cursor); ; next = await page(cursor)) {
      seen.push(...nodesOf(next).map((row) => row.id));
      expect(next.totalCount).toBe(5);
      if (!next.pageInfo.hasNextPage) break;
      cursor = next.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).not.toContain(arrived);
    expect((await page(null, formwork.id)).totalCount).toBe(0);
  });

  it('starts a trial once, downloads while it runs and stops when it ends (F-26)', async () => {
    const offers = dataOf(await user.graphql<{ trialOffers: { productId: string; productName: string; started: boolean; licensed: boolean }[] }>('{ trialOffers { productId productName started licensed } }')).trialOffers;
    const owned = new Set((await entitlementsOf(user)).filter((product) => product.versions.length > 0).map((product) => product.id));
    expect(offers.filter((candidate) => candidate.licensed).map((candidate) => candidate.productId).sort()).toEqual([...owned].sort());
    const offer = offers.find((candidate) => !candidate.licensed)!;
    // Nothing to try where a licence already covers the product.
    const licensed = offers.find((candidate) => candidate.licensed)!;
    expect(errorOf(await user.graphql(`mutation { startTrial(productId: "${licensed.productId}") { id } }`)).extensions?.field).toBe('productId');
    const START = `mutation Start($productId: UUID!) { startTrial(productId: $productId) { id active daysLeft versionId } }`;
    const trial = dataOf(await user.graphql<{ startTrial: { id: string; active: boolean; daysLeft: number; versionId: string } }>(START, { productId: offer.productId })).startTrial;
    expect(trial).toMatchObject({ active: true, daysLeft: 30 });
    const again = errorOf(await user.graphql(START, { productId: offer.productId }));
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productId' });
    expect(await rowCount('trials')).toBe(1);

    const product = (await entitlementsOf(user)).find((candidate) => candidate.id === offer.productId)!;
    expect(product.versions).toHaveLength(1);
    expect(product.versions[0]).toMatchObject({ id: trial.versionId, trial: true });
    const [link] = await linksFor(user, [product.versions[0]!.updates[0]!.id]);
    expect((await download(app, link!.url)).status).toBe(200);

    // Trials run on the server's clock, the one every entitlement reads.
    const justEnded = TODAY.getTime() - 1000;
    await app.sql('update trials set ends_at = ? where id = ?', [app.driver === 'sqlite' ? justEnded : new Date(justEnded), trial.id]);
    const ended = nodesOf(dataOf(await user.graphql<{ trials: Page<{ active: boolean; daysLeft: number }> }>('{ trials { edges { node { active daysLeft } } } }')).trials);
    expect(ended).toEqual([{ active: false, daysLeft: 0 }]);
    expect((await download(app, link!.url)).status).toBe(403);
    expect(errorOf(await user.graphql(LINKS, { fileIds: [product.versions[0]!.updates[0]!.id] })).extensions?.field).toBe('fileIds[0]');
  });
});
