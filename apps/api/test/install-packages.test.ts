import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/knex';
import { Job } from '../src/modules/jobs/job.entity.js';
import { claimNextJob, completeJob, LeaseLostError } from '../src/modules/jobs/job-queue.js';
import { JobWorker } from '../src/modules/jobs/job-worker.js';
import { BUILD_INSTALL_PACKAGE } from '../src/modules/products/install-packages.service.js';
import { installScript, type PackageManifest } from '../src/modules/products/install-script.js';
import { installPackageBuilder } from '../src/modules/products/package-builder.js';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient } from './harness.js';
import { download, entitlementsOf, type EntitlementNode, readTarGz, sha256 } from './products-helpers.js';

const CREATE = `
  mutation Create($input: CreateInstallPackageInput!) {
    createInstallPackage(input: $input) { id name productName version platform language addOns status progress settings { installPath desktopShortcut silent } }
  }`;
const LIST = `{ installPackages { edges { node { id status progress size sha256 error } } } }`;
const LINK = `mutation Link($id: UUID!) { createInstallPackageDownloadLink(id: $id) { url size sha256 fileName } }`;

/** Text that would run a command if it reached a shell unquoted. */
const HOSTILE_NAME = `x'; touch pwned-a; echo '$(touch pwned-b) \`touch pwned-c\` & touch pwned-d | touch pwned-e % "q" ^`;

/** Unpacks a package into `dir` and runs its install.sh with sh from another folder; returns its output. */
function runInstallSh(entries: Map<string, Buffer>, dir: string): string {
  for (const [name, bytes] of entries) {
    mkdirSync(dirname(join(dir, 'package', name)), { recursive: true });
    writeFileSync(join(dir, 'package', name), bytes);
  }
  chmodSync(join(dir, 'package', 'install.sh'), 0o755);
  mkdirSync(join(dir, 'cwd'), { recursive: true });
  return execFileSync('sh', [join(dir, 'package', 'install.sh')], { cwd: join(dir, 'cwd'), encoding: 'utf8' });
}

/** Every file under `dir` whose name says an injected command ran. */
const pwned = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((path) => path.split('/').at(-1)!.startsWith('pwned'));

/**
 * cmd's quoting rules applied to a generated install.cmd: every line without its "…" strings (what
 * cmd parses as commands and operators) must be the same as in the script of a harmless package,
 * no value may carry a line break, % or !, and no string may end in an odd run of backslashes
 * (which a program's argument parser reads as an escaped quote). The rem line keeps plain text only.
 */
function expectSafeCmd(hostile: string, harmless: string) {
  const lines = hostile.split('\r\n');
  const expected = harmless.split('\r\n');
  expect(lines).toHaveLength(expected.length);
  const skeleton = (line: string) => line.replace(/"[^"\r\n]*"/g, '""');
  lines.forEach((line, index) => {
    expect(line, `line ${index + 1}`).not.toMatch(/[\r\n]/);
    if (line.startsWith('rem ')) {
      expect(line).toMatch(/^rem [\p{L}\p{N} .,:()_+-]*$/u);
      return;
    }
    expect(skeleton(line), `line ${index + 1}`).toBe(skeleton(expected[index]!));
    for (const quoted of line.match(/"[^"\r\n]*"/g) ?? []) {
      if (quoted === '"%~dp0"') continue;
      expect(quoted, `line ${index + 1}`).not.toMatch(/[%!]/);
      expect(quoted, `line ${index + 1}`).not.toMatch(/(^|[^\\])(\\\\)*\\"$/);
    }
  });
}

interface PackageRow {
  id: string;
  status: string;
  progress: number;
  size: number | null;
  sha256: string | null;
}

/** F-24 (a): custom install packages built by the database job queue. The app's own worker is off. */
describe.each(drivers)('custom install packages (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let drafter: EntitlementNode;
  const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;
  const workerNamed = (instanceId: string, leaseMs = 30_000) =>
    new JobWorker(app.orm, silent, { [BUILD_INSTALL_PACKAGE]: installPackageBuilder(app.config) }, { instanceId, leaseMs });
  const input = () => ({
    name: 'Drafter office rollout',
    productId: drafter.id,
    versionId: drafter.versions[0]!.id,
    platform: 'WINDOWS',
    language: 'sl-SI',
    addOnIds: drafter.versions[0]!.addOns.filter((addOn) => addOn.platform === 'WINDOWS').map((addOn) => addOn.id),
    settings: { installPath: 'D:\\CAD\\Drafter', desktopShortcut: false, silent: true },
  });
  const packages = async () => nodesOf(dataOf(await admin.graphql<{ installPackages: Page<PackageRow> }>(LIST)).installPackages);
  const jobRow = async (packageId: string) =>
    (await app.sql<{ status: string; attempts: number | string }>('select j.status, j.attempts from jobs j join install_packages p on p.job_id = j.id where p.id = ?', [packageId]))[0]!;

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_JOB_WORKER: '0' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    drafter = (await entitlementsOf(admin)).find((product) => product.code === 'DRF')!;
  });
  afterAll(() => app?.close());

  it('refuses bad input naming the field and queues nothing', async () => {
    const structa = (await entitlementsOf(admin)).find((product) => product.code === 'STR')!;
    // Control characters are refused by the API's text check before the service runs (its field is the
    // argument path, `input.…`); the service's own rules name the field inside the input.
    const cases: [Record<string, unknown>, string][] = [
      [{ versionId: structa.versions[0]!.id }, 'versionId'],
      [{ language: 'de-DE' }, 'language'],
      [{ platform: 'LINUX' }, 'platform'],
      [{ addOnIds: [drafter.versions[1]!.updates[0]!.id] }, 'addOnIds[0]'],
      [{ name: '  ' }, 'name'],
      [{ settings: { installPath: 'C:\\"x"' } }, 'settings.installPath'],
      [{ name: 'Rollout\ntouch pwned' }, 'input.name'],
      [{ name: 'Rollout\r\necho x' }, 'input.name'],
      [{ name: 'Rollout\u2028x' }, 'name'],
      [{ name: 'Tab\tbed' }, 'input.name'],
      [{ settings: { installPath: 'C:\\Tools\r\n& calc' } }, 'input.settings.installPath'],
      [{ settings: { installPath: 'C:\\100%' } }, 'settings.installPath'],
      [{ settings: { installPath: 'C:\\%TEMP%\\x' } }, 'settings.installPath'],
      [{ settings: { installPath: 'C:\\Hi!' } }, 'settings.installPath'],
      [{ platform: 'MACOS', language: 'en-US', addOnIds: [], settings: { installPath: '/opt/x\ntouch pwned' } }, 'input.settings.installPath'],
    ];
    for (const [change, field] of cases) {
      const error = errorOf(await admin.graphql(CREATE, { input: { ...input(), ...change } }));
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const [row] = await app.sql<{ total: number | string }>('select count(*) as total from jobs');
    expect(Number(row!.total)).toBe(0);
  });

  it('a macOS package with a hostile name and folder installs into exactly that folder and runs nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-install-'));
    try {
      const folder = join(dir, `in stall $(touch pwned-1) ; touch pwned-2 \`touch pwned-3\` 'q' "dq" & | % -x`);
      const created = dataOf(
        await admin.graphql<{ createInstallPackage: PackageRow & { settings: { installPath: string } } }>(CREATE, {
          input: {
            ...input(),
            name: HOSTILE_NAME,
            platform: 'MACOS',
            language: 'en-US',
            addOnIds: drafter.versions[0]!.addOns.filter((addOn) => addOn.platform === 'MACOS').map((addOn) => addOn.id),
            settings: { installPath: folder, desktopShortcut: true, silent: false },
          },
        }),
      ).createInstallPackage;
      expect(created.settings.installPath).toBe(folder);
      expect(await workerNamed('mac').runOnce()).toBe(true);
      const link = dataOf(await admin.graphql<{ createInstallPackageDownloadLink: { url: string } }>(LINK, { id: created.id })).createInstallPackageDownloadLink;
      const entries = await readTarGz((await download(app, link.url)).body);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as PackageManifest;

      const output = runInstallSh(entries, dir);
      expect(output).toContain(`Installing ${HOSTILE_NAME}`);
      expect(output.trim().split('\n').at(-1)).toBe('Installed.');
      expect(pwned(dir)).toEqual([]);
      expect(readdirSync(folder).sort()).toEqual(manifest.files.map((file) => file.path.split('/').at(-1)).sort());
      for (const file of manifest.files) expect(sha256(readFileSync(join(folder, file.path.split('/').at(-1)!)))).toBe(file.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a Windows package with a hostile name and folder quotes every value by cmd\'s rules', async () => {
    const folder = 'D:\\R&D | (x64) <tools> ^ caret\\';
    const created = dataOf(await admin.graphql<{ createInstallPackage: PackageRow }>(CREATE, { input: { ...input(), name: HOSTILE_NAME, settings: { installPath: folder, desktopShortcut: true, silent: true } } })).createInstallPackage;
    expect(await workerNamed('windows').runOnce()).toBe(true);
    const link = dataOf(await admin.graphql<{ createInstallPackageDownloadLink: { url: string } }>(LINK, { id: created.id })).createInstallPackageDownloadLink;
    const entries = await readTarGz((await download(app, link.url)).body);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as PackageManifest;
    const script = entries.get('install.cmd')!.toString();
    expectSafeCmd(script, installScript({ ...manifest, name: 'Harmless', settings: { ...manifest.settings, installPath: 'C:\\Harmless' } }).text);
    // The installer is given the folder exactly: the trailing backslash doubled before the closing quote.
    expect(script).toContain(`INSTALLDIR="${folder}\\"`);
  });

  it('the generators stay safe for a package stored before names were checked', () => {
    const manifest: PackageManifest = {
      format: 'seatwise-install-package/1',
      name: `Old\ntouch pwned-old\r\necho ^\n${HOSTILE_NAME}`,
      product: { code: 'DRF', name: 'Drafter', version: '2026' },
      platform: 'LINUX',
      language: 'en-US',
      settings: { installPath: '', desktopShortcut: false, silent: false },
      files: [],
      createdAt: new Date().toISOString(),
    };
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-install-'));
    try {
      const folder = join(dir, 'target\ntouch pwned-path');
      const script = installScript({ ...manifest, settings: { ...manifest.settings, installPath: folder } });
      expect(runInstallSh(new Map([['install.sh', Buffer.from(script.text)]]), dir)).toContain('Installed.');
      expect(pwned(dir)).toEqual([]);
      expect(existsSync(folder)).toBe(true);

      const windows = (name: string, installPath: string) =>
        installScript({
          ...manifest,
          platform: 'WINDOWS',
          name,
          files: [{ path: 'installer/drf.exe', role: 'installer', name: 'Drafter', size: 1, sha256: 'ab' }],
          settings: { ...manifest.settings, installPath },
        }).text;
      expectSafeCmd(windows(manifest.name, 'C:\\Harmless'), windows('Harmless', 'C:\\Harmless'));
      expect(() => windows('Harmless', 'C:\\x\r\ncalc')).toThrow();
      expect(() => windows('Harmless', 'C:\\%TEMP%')).toThrow();
      expect(() => windows('Harmless', 'C:\\"x')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('retries a build whose worker died midway and completes it exactly once', async () => {
    const created = dataOf(await admin.graphql<{ createInstallPackage: PackageRow & { addOns: string[] } }>(CREATE, { input: input() })).createInstallPackage;
    expect(created).toMatchObject({ status: 'QUEUED', progress: 0 });
    expect(created.addOns.length).toBeGreaterThan(0);

    // Worker A claims the job with a short lease and dies without finishing.
    const em = app.em();
    const dead = await claimNextJob(em, 'worker-a', [BUILD_INSTALL_PACKAGE], 60_000);
    expect(dead).not.toBeNull();
    expect((await packages())[0]).toMatchObject({ status: 'RUNNING' });
    // While A's lease runs, nobody else takes the job.
    expect(await workerNamed('worker-b').runOnce()).toBe(false);
    // A minute passes without a heartbeat from A.
    await em.nativeUpdate(Job, { id: dead!.id }, { leaseUntil: new Date(Date.now() - 1000) }, { filters: false });

    // After the lease ran out, worker B takes over and builds it.
    expect(await workerNamed('worker-b').runOnce()).toBe(true);
    const built = (await packages())[0]!;
    expect(built).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
    expect(await jobRow(created.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(Number((await jobRow(created.id)).attempts)).toBe(2);

    // A comes back late: its completion is refused, the package stays as B built it.
    await expect(completeJob(em as EntityManager, dead!, async () => {})).rejects.toBeInstanceOf(LeaseLostError);
    expect(await workerNamed('worker-c').runOnce()).toBe(false);
    expect(readdirSync(join(app.config.dataDir, 'packages')).filter((file) => file.startsWith(created.id))).toHaveLength(1);

    // The archive: manifest, install script, the installer and the add-ons, with matching checksums.
    const link = dataOf(await admin.graphql<{ createInstallPackageDownloadLink: { url: string; sha256: string; fileName: string } }>(LINK, { id: created.id })).createInstallPackageDownloadLink;
    expect(link.fileName).toBe('Drafter-office-rollout.tar.gz');
    const archive = await download(app, link.url);
    expect(archive.status).toBe(200);
    expect(sha256(archive.body)).toBe(built.sha256);
    const entries = await readTarGz(archive.body);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as { files: { path: string; sha256: string }[]; settings: { installPath: string } };
    expect(manifest.settings.installPath).toBe('D:\\CAD\\Drafter');
    expect(manifest.files.length).toBe(1 + created.addOns.length);
    for (const file of manifest.files) expect(sha256(entries.get(file.path)!)).toBe(file.sha256);
    expect(entries.get('install.cmd')!.toString()).toContain('INSTALLDIR="D:\\CAD\\Drafter"');
  });

  it('gives each job to one worker when several race for it', async () => {
    const created = dataOf(await admin.graphql<{ createInstallPackage: PackageRow }>(CREATE, { input: { ...input(), name: 'Race' } })).createInstallPackage;
    const ran = await Promise.all([workerNamed('w1').runOnce(), workerNamed('w2').runOnce(), workerNamed('w3').runOnce()]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await jobRow(created.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(Number((await jobRow(created.id)).attempts)).toBe(1);
  });

  it('survives a restart: a queued job is built by the worker of a new instance and ends at 100 %', async () => {
    const created = dataOf(await admin.graphql<{ createInstallPackage: PackageRow }>(CREATE, { input: { ...input(), name: 'After restart' } })).createInstallPackage;
    const worker = workerNamed('new-instance');
    worker.start();
    try {
      for (let tries = 0; tries < 300 && (await jobRow(created.id)).status !== 'SUCCEEDED'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.stop();
    }
    const row = (await packages()).find((pkg) => pkg.id === created.id)!;
    expect(row).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
    expect(row.size).toBeGreaterThan(0);
    expect(existsSync(join(app.config.dataDir, 'packages'))).toBe(true);
  });

  it('hides packages from other people and other accounts', async () => {
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(nodesOf(dataOf(await user.graphql<{ installPackages: Page<unknown> }>(LIST)).installPackages)).toEqual([]);
    const someone = (await packages())[0]!;
    expect(errorOf(await user.graphql(LINK, { id: someone.id })).extensions?.code).toBe('NOT_FOUND');
    // Another account's admin does not see them either.
    const stranger = app.client();
    dataOf(await stranger.signIn('admin@alpine.example'));
    expect(nodesOf(dataOf(await stranger.graphql<{ installPackages: Page<unknown> }>(LIST)).installPackages)).toEqual([]);
    expect(errorOf(await stranger.graphql(LINK, { id: someone.id })).extensions?.code).toBe('NOT_FOUND');
  });
});
