import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient } from './harness.js';
import { auditCount, download, DOWNLOADS, entitlementsOf, LINKS, linksFor, sha256 } from './products-helpers.js';

/** F-20 to F-23, F-25: who is entitled to what, and the browser download with signed, resumable links. */
describe.each(drivers)('products and downloads (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let user: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    user = app.client();
    other = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    dataOf(await user.signIn('user@example.com'));
    dataOf(await other.signIn('admin@alpine.example'));
  });
  afterAll(() => app?.close());

  it('shows an admin every product of the account, with licence types, serial numbers and keys', async () => {
    const products = await entitlementsOf(admin);
    const rows = await app.sql<{ code: string }>(
      `select distinct p.code from subscription_products sp join products p on p.id = sp.product_id
       join accounts a on a.id = sp.account_id where a.name = ? order by p.code`,
      ['Kolektor Gradnje d.o.o.'],
    );
    expect(products.map((product) => product.code).sort()).toEqual(rows.map((row) => row.code));

    const byCode = new Map(products.map((product) => [product.code, product]));
    // Annual single-user: the current and two previous versions, newest first.
    expect(byCode.get('DRF')!.versions.map((version) => version.version)).toEqual(['2026', '2025', '2024']);
    expect(byCode.get('DRF')!.versions[0]!.current).toBe(true);
    expect(byCode.get('DRF')!.versions[0]!.productKey).toMatch(/^\d{3}[A-Z]1$/);
    // Monthly term: the current version only.
    expect(byCode.get('MOT')!.versions.map((version) => version.version)).toEqual(['2026']);
    // Expired subscription: listed with its status, nothing to download.
    const expired = byCode.get('SMP')!;
    expect(expired.licences[0]!.active).toBe(false);
    expect(expired.versions).toEqual([]);
    // Cloud licences cover services: nothing to download.
    expect(byCode.get('RND')!.licences[0]!.licenceType).toBe('CLOUD');
    expect(byCode.get('RND')!.versions).toEqual([]);
    // Network licence requests for admins of network subscriptions; serial number from the subscription.
    const network = byCode.get('FRM')!;
    expect(network.networkLicenceAllowed).toBe(true);
    expect(network.versions[0]!.serialNumber).toBe(network.licences[0]!.serialNumber);
    expect(byCode.get('DRF')!.networkLicenceAllowed).toBe(false);
    // F-23: updates and add-ons per version.
    expect(byCode.get('DRF')!.versions[0]!.updates.length).toBeGreaterThan(0);
    expect(byCode.get('DRF')!.versions[0]!.addOns.length).toBeGreaterThan(0);
  });

  it('shows a User only the products of subscriptions they hold a seat of', async () => {
    const rows = await app.sql<{ code: string }>(
      `select distinct p.code from seat_assignments sa join users u on u.id = sa.user_id
       join subscription_products sp on sp.subscription_id = sa.subscription_id join products p on p.id = sp.product_id
       where u.email = ? order by p.code`,
      ['user@example.com'],
    );
    const products = await entitlementsOf(user);
    expect(products.map((product) => product.code).sort()).toEqual(rows.map((row) => row.code));
    for (const product of products) {
      expect(product.networkLicenceAllowed).toBe(false);
      expect(product.licences.every((licence) => licence.holdsSeat)).toBe(true);
    }
  });

  it('gives a secondary admin the same view as the primary admin', async () => {
    const secondary = app.client();
    dataOf(await secondary.signIn('maja.horvat@kolektor-gradnje.si'));
    const codes = (list: { code: string; versions: unknown[] }[]) => list.map((product) => `${product.code}:${product.versions.length}`);
    expect(codes(await entitlementsOf(secondary))).toEqual(codes(await entitlementsOf(admin)));
  });

  it('keeps accounts apart', async () => {
    const products = await entitlementsOf(other);
    expect(products.map((product) => product.code)).toEqual(['MOT']);
    expect(products[0]!.licences).toHaveLength(1);
  });

  it('lists installers by platform and language with size and SHA-256 (F-21)', async () => {
    const drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
    const all = dataOf(await admin.graphql<{ productDownloads: { platforms: string[]; languages: string[]; installers: unknown[]; methods: { method: string }[] } }>(DOWNLOADS, { versionId: drafter.versions[0]!.id }));
    expect(all.productDownloads.platforms.sort()).toEqual(['MACOS', 'WINDOWS']);
    expect(all.productDownloads.languages).toEqual(['en-US', 'sl-SI']);
    // "Install now" would need an install helper that runs and activates the installer: not offered until there is one.
    expect(all.productDownloads.methods.map((method) => method.method)).toEqual(['DOWNLOAD_MANAGER', 'BROWSER_DOWNLOAD']);
    const narrowed = dataOf(await admin.graphql<{ productDownloads: { installers: { platform: string; language: string; sha256: string; size: number }[] } }>(DOWNLOADS, { versionId: drafter.versions[0]!.id, platform: 'WINDOWS', language: 'sl-SI' }));
    expect(narrowed.productDownloads.installers).toHaveLength(1);
    expect(narrowed.productDownloads.installers[0]).toMatchObject({ platform: 'WINDOWS', language: 'sl-SI' });
    expect(narrowed.productDownloads.installers[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const wrongLanguage = errorOf(await admin.graphql(DOWNLOADS, { versionId: drafter.versions[0]!.id, language: 'xx-XX' }));
    expect(wrongLanguage.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    const expired = (await entitlementsOf(admin)).find((product) => product.code === 'SMP')!;
    const [version] = await app.sql<{ id: string }>(`select v.id from product_versions v join products p on p.id = v.product_id where p.code = 'SMP' limit 1`);
    expect(expired.versions).toEqual([]);
    expect(errorOf(await admin.graphql(DOWNLOADS, { versionId: version!.id })).extensions).toMatchObject({ field: 'versionId' });
  });

  it('downloads the real file, resumes with Range to the same SHA-256, and audits the download once', async () => {
    const drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
    const downloads = dataOf(await admin.graphql<{ productDownloads: { installers: { id: string; size: number; sha256: string }[] } }>(DOWNLOADS, { versionId: drafter.versions[0]!.id, platform: 'WINDOWS', language: 'en-US' }));
    const installer = downloads.productDownloads.installers[0]!;
    const [link] = await linksFor(admin, [installer.id]);
    expect(link!.sha256).toBe(installer.sha256);
    const before = await auditCount(app, 'download.file');

    const whole = await download(app, link!.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-disposition')).toContain(link!.fileName);
    expect(whole.body.length).toBe(installer.size);
    expect(sha256(whole.body)).toBe(installer.sha256);

    // Interrupted after 10,000 bytes, resumed from there.
    const first = await download(app, link!.url, { range: 'bytes=0-9999' });
    expect(first.status).toBe(206);
    const etag = first.headers.get('etag')!;
    const rest = await download(app, link!.url, { range: 'bytes=10000-', 'if-range': etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 10000-${installer.size - 1}/${installer.size}`);
    expect(sha256(Buffer.concat([first.body, rest.body]))).toBe(installer.sha256);

    // The whole download and the first part each started a download; the resumed part did not.
    expect(await auditCount(app, 'download.file')).toBe(before + 2);
  });

  it('answers unsatisfiable, inverted and conditional ranges as RFC 9110 says, never with 500', async () => {
    const drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
    const downloads = dataOf(await admin.graphql<{ productDownloads: { installers: { id: string; size: number; sha256: string }[] } }>(DOWNLOADS, { versionId: drafter.versions[0]!.id, platform: 'WINDOWS', language: 'en-US' }));
    const installer = downloads.productDownloads.installers[0]!;
    const [link] = await linksFor(admin, [installer.id]);
    const get = (headers: Record<string, string>) => download(app, link!.url, headers);
    const size = installer.size;
    const before = await auditCount(app, 'download.file');

    // Resuming a download that had already finished, or asking far past the end: 416 with the size.
    for (const range of [`bytes=${size}-`, 'bytes=999999999-']) {
      const past = await get({ range });
      expect(past.status, range).toBe(416);
      expect(past.headers.get('content-range'), range).toBe(`bytes */${size}`);
    }
    // An inverted range, or several ranges: ignored, the whole file.
    for (const range of ['bytes=5-2', 'bytes=0-1,5-6', 'bytes=x-y', 'items=0-4']) {
      const whole = await get({ range });
      expect(whole.status, range).toBe(200);
      expect(whole.body.length, range).toBe(size);
    }
    const part = await get({ range: 'bytes=0-4' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-4/${size}`);
    expect(part.body.length).toBe(5);
    const etag = part.headers.get('etag')!;
    expect(etag).toBe(`"${installer.sha256}"`);

    // If-Range: a range only while the strong validator still matches.
    const matching = await get({ range: 'bytes=5-9', 'if-range': etag });
    expect([matching.status, matching.body.length]).toEqual([206, 5]);
    for (const ifRange of [`W/${etag}`, '"another-version"', 'Mon, 01 Jan 2024 00:00:00 GMT']) {
      const changed = await get({ range: 'bytes=5-9', 'if-range': ifRange });
      expect([changed.status, changed.body.length], ifRange).toEqual([200, size]);
    }
    // The Last-Modified date is a strong validator once it is a second old, and only an exact match counts.
    const [file] = await app.sql<{ storage_key: string }>('select storage_key from product_files where id = ?', [installer.id]);
    const modified = new Date(Date.now() - 3_600_000);
    utimesSync(join(app.dataDir, file!.storage_key), modified, modified);
    const dated = await get({ range: 'bytes=5-9', 'if-range': modified.toUTCString() });
    expect([dated.status, dated.headers.get('content-range')]).toEqual([206, `bytes 5-9/${size}`]);

    // Whole downloads and ranges from byte 0 start a download; 416s and later ranges do not.
    expect(await auditCount(app, 'download.file')).toBe(before + 4 + 1 + 3);
  });

  it('puts "Download all" into one zip with every file whole, checked like single downloads (F-25)', async () => {
    const query = `{ productUpdates(first: 100) { edges { node { id name productName version fileName size sha256 } } } }`;
    const updates = nodesOf(dataOf(await user.graphql<{ productUpdates: Page<{ id: string; productName: string; version: string; fileName: string; size: number; sha256: string }> }>(query)).productUpdates);
    expect(updates.length).toBeGreaterThan(1);
    const links = await linksFor(user, updates.map((update) => update.id));
    const post = (fields: [string, string][]) =>
      fetch(`${app.url}/api/downloads/archive`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
    const response = await post(links.map((link) => ['link', link.url]));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="seatwise-downloads-\d{4}-\d{2}-\d{2}\.zip"$/);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const entries = Object.values(zip.files).filter((entry) => !entry.dir);
    expect(entries.map((entry) => entry.name).sort()).toEqual(updates.map((update) => `${update.productName} ${update.version}/${update.fileName}`).sort());
    for (const update of updates) {
      const bytes = await zip.file(`${update.productName} ${update.version}/${update.fileName}`)!.async('nodebuffer');
      expect(bytes.length).toBe(update.size);
      expect(sha256(bytes)).toBe(update.sha256);
    }

    // Someone else's link, an altered one, none at all: refused before a byte of the archive.
    const [foreign] = await linksFor(other, [(await entitlementsOf(other)).flatMap((product) => product.versions.flatMap((version) => version.updates))[0]!.id]);
    expect((await post([['link', links[0]!.url], ['link', foreign!.url]])).status).toBe(403);
    expect((await post([['link', links[0]!.url.replace(/\.[^./]+\//, '.AAAA/')]])).status).toBe(403);
    expect((await post([])).status).toBe(400);
  });

  it('refuses altered and expired links', async () => {
    const drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
    const fileId = drafter.versions[0]!.updates[0]!.id;
    const [link] = await linksFor(admin, [fileId]);
    const [, , , token, name] = link!.url.split('/');
    const [body, signature] = token!.split('.');
    // Another file id in the payload, the old signature.
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString()) as unknown[];
    payload[4] = Number(payload[4]) + 3600;
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect((await download(app, `/api/downloads/${forged}/${name}`)).status).toBe(403);
    const flipped = `${body}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'AB' : 'AA'}`;
    expect((await download(app, `/api/downloads/${flipped}/${name}`)).status).toBe(403);

    const { signDownloadGrant } = await import('../src/modules/downloads/download-link.js');
    const [viewer] = await app.sql<{ user_id: string; account_id: string }>(
      `select m.user_id, m.account_id from memberships m join users u on u.id = m.user_id where u.email = 'admin@example.com'`,
    );
    const stale = signDownloadGrant(app.config, { kind: 'f', id: fileId, userId: viewer!.user_id, accountId: viewer!.account_id, exp: Math.floor(Date.now() / 1000) - 5 });
    const expired = await download(app, `/api/downloads/${stale}/${name}`);
    expect(expired.status).toBe(410);
    expect(expired.body.toString()).toMatch(/expired/);
  });

  it('lets only entitled people download, checked again when the link is used', async () => {
    const adminProducts = await entitlementsOf(admin);
    const userCodes = new Set((await entitlementsOf(user)).map((product) => product.code));
    const notTheirs = adminProducts.find((product) => !userCodes.has(product.code) && product.versions.length > 0)!;
    const refused = errorOf(await user.graphql(LINKS, { fileIds: [notTheirs.versions[0]!.updates[0]!.id] }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileIds[0]' });
    expect(errorOf(await other.graphql(LINKS, { fileIds: [notTheirs.versions[0]!.updates[0]!.id] })).extensions?.field).toBe('fileIds[0]');

    // A seat taken back after the link was made: the link stops working.
    const mine = (await entitlementsOf(user)).find((product) => product.versions.length > 0 && product.licences.length === 1)!;
    const [link] = await linksFor(user, [mine.versions[0]!.updates[0]!.id]);
    expect((await download(app, link!.url)).status).toBe(200);
    const saved = await app.sql<Record<string, unknown>>(
      `select sa.* from seat_assignments sa join users u on u.id = sa.user_id where u.email = 'user@example.com' and sa.subscription_id = ?`,
      [mine.licences[0]!.subscriptionId],
    );
    await app.sql(`delete from seat_assignments where id = ?`, [saved[0]!.id]);
    try {
      expect((await download(app, link!.url)).status).toBe(403);
    } finally {
      const row = saved[0]!;
      const columns = Object.keys(row);
      await app.sql(`insert into seat_assignments (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, columns.map((column) => row[column]));
    }
  });

  it('lists every update of the software and downloads several at once (F-25)', async () => {
    const query = `{ productUpdates(first: 100) { edges { node { id name productName version fileName sha256 } } } }`;
    const updates = nodesOf(dataOf(await user.graphql<{ productUpdates: Page<{ id: string; sha256: string }> }>(query)).productUpdates);
    const userVersions = (await entitlementsOf(user)).flatMap((product) => product.versions.flatMap((version) => version.updates.map((update) => update.id)));
    expect(updates.map((update) => update.id).sort()).toEqual([...userVersions].sort());
    const links = await linksFor(user, updates.slice(0, 3).map((update) => update.id));
    expect(links).toHaveLength(3);
    for (const [index, link] of links.entries()) {
      const result = await download(app, link.url);
      expect(sha256(result.body)).toBe(updates[index]!.sha256);
    }
    expect(errorOf(await user.graphql(LINKS, { fileIds: [] })).extensions?.field).toBe('fileIds');
  });
});
