import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, StoredLease } from '../src/store.js';
import { approveDevice, launchBrowser, signedInPage } from './browser.js';
import { type Driver, Seatwise } from './seatwise-server.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment the CLI runs in: none of the test's own Seatwise settings, English unless a test says otherwise. */
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SEATWISE_') && !name.startsWith('LC_')));
const cliEnv = (extra: Record<string, string>) => ({ ...baseEnv, LANG: 'en_GB.UTF-8', ...extra });

/** Runs the built CLI (`dist/main.js`) as a product would: a child process, its exit code and output. */
function cli(configDir: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args, '--config-dir', configDir], { env: cliEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/**
 * `login` as a child process: waits for the code and link it prints, hands them to `meanwhile`
 * (the person approving it in the browser, or the test letting it expire), then for its exit.
 */
function login(server: Seatwise, clientId: string, configDir: string, meanwhile: (link: string, userCode: string) => Promise<unknown>): Promise<Result & { userCode: string }> {
  const child = spawn(process.execPath, [main, 'login', '--config-dir', configDir], {
    env: cliEnv({ SEATWISE_URL: server.url, SEATWISE_CLIENT_ID: clientId }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const code = / enter the code (\S+)$/m.exec(stdout)?.[1];
      const link = /^\(or open (\S+), the code filled in\)$/m.exec(stdout)?.[1];
      if (started || !code || !link) return;
      started = true;
      meanwhile(link, code)
        .then(() => exited)
        .then((exitCode) => resolve({ code: exitCode, stdout: stdout.trim(), stderr: stderr.trim(), userCode: code }), reject);
    });
    void exited.then((exitCode) => {
      if (!started) reject(new Error(`login exited (${exitCode}) before printing a code:\n${stdout}\n${stderr}`));
    });
  });
}

const mode = (path: string) => statSync(path).mode & 0o777;
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const writeJson = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value));

let browser: Browser;
const home = mkdtempSync(join(tmpdir(), 'seatwise-desktop-client-'));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the command line without a server', () => {
  it('prints its help, and says what is wrong with a command line (exit 2) or a missing sign-in (exit 5)', async () => {
    const dir = join(home, 'nobody');
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: seatwise-desktop <command> [options]');
    expect(help.stdout).toMatch(/^ {2}login {7}Sign in with a code/m);
    expect((await cli(dir, ['checkout', '--help'])).stdout).toContain('Usage: seatwise-desktop checkout [--product <code>]');
    const unknown = await cli(dir, ['lease']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'Unknown command "lease". Commands: login, checkout, heartbeat, release, verify, logout (see --help).' });
    const badFlag = await cli(dir, ['verify', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/^Unknown option '--colour'/);
    expect(await cli(dir, ['login'])).toMatchObject({ code: 2, stderr: 'Give --server or set SEATWISE_URL.' });
    expect(await cli(dir, ['login', '--server', 'http://licences.example.com', '--client-id', 'sw_app_x'])).toMatchObject({
      code: 2,
      stderr: 'http://licences.example.com is not https: tokens and leases travel only over https (http only to localhost).',
    });
    expect(await cli(dir, ['checkout', '--product', 'CIV', '--version', '2026'])).toMatchObject({ code: 5, stderr: 'Not signed in: run `login` first.' });
    expect(await cli(dir, ['verify'])).toMatchObject({ code: 4, stderr: 'No lease is stored: run `checkout` first.' });
  });
});

describe.each<Driver>(['sqlite', 'postgresql'])('the desktop client against the built Seatwise (%s)', (driver) => {
  let server: Seatwise;
  let clientId: string;
  const dir = (name: string) => join(home, `${driver}-${name}`);
  const user = () => dir('user');
  const session = (configDir = user()) => readJson<Session>(join(configDir, 'session.json'));

  beforeAll(async () => {
    server = await Seatwise.create(driver);
    clientId = await server.registerProduct('Studio Desktop');
  });
  afterAll(() => server?.destroy());

  /** `login`, approved in the browser by the person of `email` (signed in to Seatwise before the product asks). */
  const signIn = async (configDir: string, email: string) => {
    const page = await signedInPage(browser, server.url, email);
    let asked = '';
    const result = await login(server, clientId, configDir, async (link, userCode) => (asked = await approveDevice(page, link, userCode)));
    expect(asked.startsWith(`Studio Desktop asks to sign in as ${email} (account: `)).toBe(true);
    return result;
  };

  it('signs in by the device flow approved in the browser and checks out; an expired or refused access token is refreshed', async () => {
    const signedIn = await signIn(user(), 'user@example.com');
    expect(signedIn.code).toBe(0);
    const lines = signedIn.stdout.split('\n');
    expect(lines[0]).toBe(`To sign in, open ${server.url}/oidc/device on any device and enter the code ${signedIn.userCode}`);
    expect(signedIn.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(lines[2]).toBe('The code is valid for 10 minutes. Waiting for approval...');
    expect(lines.at(-1)).toMatch(/^Signed in as .+ <user@example\.com> \(account: Kolektor Gradnje d\.o\.o\.\)$/);
    // The tokens are kept for the owner alone, and never printed.
    expect(mode(user())).toBe(0o700);
    expect(mode(join(user(), 'session.json'))).toBe(0o600);
    const tokens = session();
    expect(tokens).toMatchObject({ server: server.url, clientId, email: 'user@example.com', accountName: 'Kolektor Gradnje d.o.o.' });
    expect(tokens.refreshToken).toBeTruthy();
    expect(signedIn.stdout).not.toContain(tokens.accessToken);

    const checkout = await cli(user(), ['checkout', '--product', 'CIV', '--version', '2026']);
    expect(checkout.stderr).toBe('');
    expect(checkout.code).toBe(0);
    expect(checkout.stdout).toMatch(new RegExp(`^Checked out: lease of CIV 2026 on ${hostname()}: valid until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, offline until .+ UTC\\.$`));
    expect(mode(join(user(), 'lease.json'))).toBe(0o600);
    const stored = readJson<StoredLease>(join(user(), 'lease.json'));
    expect(checkout.stdout).not.toContain(stored.lease);
    expect(new Date(stored.graceUntil!).getTime() - new Date(stored.expiresAt).getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    // The lease is the server's, for this product's client and this person.
    const { payload } = await jwtVerify(stored.lease, createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`)), { issuer: server.url, audience: clientId });
    expect(payload).toMatchObject({ product: 'CIV', version: '2026', machine: stored.machine.fingerprint, person_id: tokens.personId, account_id: tokens.accountId, licence_type: 'SINGLE_USER' });
    expect(stored.machine.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    // An expired access token is refreshed before the call; the refresh token rotates.
    writeJson(join(user(), 'session.json'), { ...tokens, accessTokenExpiresAt: 0 });
    const renewed = await cli(user(), ['heartbeat']);
    expect(renewed).toMatchObject({ code: 0, stderr: '' });
    expect(renewed.stdout).toMatch(/^Renewed: lease of CIV 2026 on /);
    const rotated = session();
    expect(rotated.accessToken).not.toBe(tokens.accessToken);
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    expect(rotated.accessTokenExpiresAt).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    // An access token the server no longer takes (401) is refreshed once and the call sent again.
    writeJson(join(user(), 'session.json'), { ...rotated, accessToken: 'revoked' });
    expect((await cli(user(), ['heartbeat'])).code).toBe(0);
    expect(session().refreshToken).not.toBe(rotated.refreshToken);
    // The machine is the person's device in Seatwise, under the name the CLI sent.
    const person = server.session();
    await person('mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', { input: { email: 'user@example.com', password: 'Seatwise-demo-1' } });
    const { myDevices } = await person<{ myDevices: { edges: { node: { name: string; platform: string; productName: string; lastVersion: string } }[] } }>(
      '{ myDevices { edges { node { name platform productName lastVersion } } } }',
    );
    expect(myDevices.edges.map((edge) => edge.node)).toEqual([{ name: hostname(), platform: `${process.platform}-${process.arch}`, productName: 'Civilia', lastVersion: '2026' }]);
  });

  it('takes a network seat, keeps it with heartbeats, is refused while every seat is taken, and checks it in', async () => {
    await server.sql("update subscriptions set seats = 1 where licence_type = 'NETWORK' and name = 'Formwork 3D'");
    const taken = await cli(user(), ['checkout', '--network', '--product', 'FRM', '--version', '2026']);
    expect(taken).toMatchObject({ code: 0, stderr: '' });
    expect(taken.stdout).toMatch(/^Checked out: network lease [0-9a-f-]{36} of FRM 2026 on .+: valid until .+ UTC; send a heartbeat every 300 s\.$/);
    const first = readJson<StoredLease>(join(user(), 'lease.json'));
    const beat = await cli(user(), ['heartbeat']);
    expect(beat.code).toBe(0);
    expect(beat.stdout).toMatch(new RegExp(`^Renewed: network lease ${first.leaseId} of FRM 2026 on .+: valid until .+ UTC; send a heartbeat every 300 s\\.$`));
    expect(readJson<StoredLease>(join(user(), 'lease.json')).lease).not.toBe(first.lease);
    expect((await cli(user(), ['verify'])).stdout).toMatch(/^Lease valid: FRM 2026 on .+ until .+ UTC\.$/);

    // A second machine of the same person: the one seat is taken. The refusal is in the person's language.
    const second = dir('second-machine');
    mkdirSync(second, { mode: 0o700 });
    cpSync(join(user(), 'session.json'), join(second, 'session.json'));
    const args = ['checkout', '--network', '--product', 'FRM', '--version', '2026', '--fingerprint', 'second-machine', '--machine-name', 'Second PC'];
    expect(await cli(second, args)).toMatchObject({
      code: 3,
      stderr: 'Every network seat of this product is in use: 1 held by running products and 0 in licence files, of 1. Try again when one is checked in. (NO_FREE_SEAT)',
    });
    expect(await cli(second, args, { LANG: 'sl_SI.UTF-8' })).toMatchObject({
      code: 3,
      stderr: 'Vse mrežne licence tega izdelka so zasedene (vseh: 1; zasedajo jih delujoči izdelki: 1; v licenčnih datotekah: 0). Poskusite znova, ko bo katera vrnjena. (NO_FREE_SEAT)',
    });

    const checkedIn = await cli(user(), ['release']);
    expect(checkedIn).toMatchObject({ code: 0, stderr: '' });
    expect(checkedIn.stdout).toMatch(/^Checked in: the network seat of FRM is free again \(.+ UTC\)\.$/);
    expect(await cli(user(), ['release'])).toMatchObject({ code: 4, stderr: 'No lease is stored: run `checkout` first.' });
    // The seat is free for the other machine now.
    expect((await cli(second, args)).code).toBe(0);
    expect((await cli(second, ['release'])).code).toBe(0);
  });

  it("refuses what the person may not have: no seat, another account's lease, a code that expired", async () => {
    expect(await cli(user(), ['checkout', '--product', 'FRM', '--version', '2026'])).toMatchObject({
      code: 3,
      stderr: 'You hold no seat of this product. Ask an admin of your account to assign you one. (NO_SEAT)',
    });
    expect(await cli(user(), ['checkout', '--product', 'FRM', '--version', '2026'], { LANG: 'sl_SI.UTF-8' })).toMatchObject({
      code: 3,
      stderr: 'Za ta izdelek nimate licence. Skrbnika svojega računa prosite, naj vam jo dodeli. (NO_SEAT)',
    });
    expect(await cli(user(), ['checkout', '--product', 'CIV', '--version', '1999'])).toMatchObject({ code: 3, stderr: 'Your subscription does not cover this version of the product. (VERSION_NOT_COVERED)' });

    // Another account's person, on this machine, with the first person's network lease copied over.
    // (A code nobody approves in time runs its course meanwhile: the server answers expired_token to the next poll.)
    const other = dir('alpine');
    const late = dir('late');
    const [alpine, expired] = await Promise.all([
      signIn(other, 'admin@alpine.example'),
      login(server, clientId, late, async (_link, userCode) => {
        const [row] = await server.sql<{ key: string; payload: string }>("select key, payload from oidc_models where model = 'DeviceCode' and user_code = ?", [userCode.replace('-', '')]);
        const payload = JSON.parse(row!.payload) as { exp: number };
        await server.sql('update oidc_models set payload = ? where key = ?', [JSON.stringify({ ...payload, exp: Math.floor(Date.now() / 1000) - 1 }), row!.key]);
      }),
    ]);
    expect(expired).toMatchObject({ code: 5, stderr: 'The code expired before anyone approved it. Run `login` again for a new code.' });
    expect(existsSync(join(late, 'session.json'))).toBe(false);
    expect(alpine.code).toBe(0);
    expect(session(other).accountId).not.toBe(session().accountId);
    expect((await cli(user(), ['checkout', '--network', '--product', 'FRM', '--version', '2026'])).code).toBe(0);
    cpSync(join(user(), 'lease.json'), join(other, 'lease.json'));
    cpSync(join(user(), 'jwks.json'), join(other, 'jwks.json'));
    const wrongPerson = await cli(other, ['verify']);
    expect(wrongPerson.code).toBe(4);
    expect(wrongPerson.stderr).toMatch(/^The lease belongs to another person or account, not to admin@alpine\.example in .+: run `checkout`\.$/);
    expect(await cli(other, ['heartbeat'])).toMatchObject({ code: 3, stderr: 'There is no such network lease of yours. Check out again. (LEASE_NOT_FOUND)' });
    expect(await cli(other, ['release'])).toMatchObject({ code: 3, stderr: 'There is no such network lease of yours. Check out again. (LEASE_NOT_FOUND)' });
    // Its owner still holds it.
    expect((await cli(user(), ['heartbeat'])).code).toBe(0);
    expect((await cli(user(), ['release'])).code).toBe(0);

    // Signing out revokes the refresh token at Seatwise.
    const { refreshToken } = session(other);
    expect(await cli(other, ['logout'])).toMatchObject({ code: 0, stdout: 'Signed out: the product is disconnected from Seatwise.' });
    expect(await cli(other, ['checkout', '--product', 'MOT', '--version', '2026'])).toMatchObject({ code: 5, stderr: 'Not signed in: run `login` first.' });
    const reuse = await fetch(`${server.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId, grant_type: 'refresh_token', refresh_token: refreshToken! }).toString(),
    });
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('verifies the lease offline with the server stopped, and releases it', async () => {
    expect((await cli(user(), ['checkout', '--product', 'CIV', '--version', '2026'])).code).toBe(0);
    const lease = readJson<StoredLease>(join(user(), 'lease.json'));
    // From here on no server runs (afterAll removes its database).
    await server.stop();
    const offline = await cli(user(), ['verify']);
    expect(offline).toMatchObject({ code: 0, stderr: '' });
    expect(offline.stdout).toMatch(/^Lease valid: CIV 2026 on .+ until .+ UTC, offline until .+ UTC\.$/);
    expect(JSON.parse((await cli(user(), ['verify', '--json'])).stdout)).toMatchObject({ valid: true, status: 'valid', product: 'CIV', kind: 'named', graceUntil: new Date(Math.floor(Date.parse(lease.graceUntil!) / 1000) * 1000).toISOString() });
    const inGrace = await cli(user(), ['verify', '--at', new Date(new Date(lease.expiresAt).getTime() + 24 * 60 * 60 * 1000).toISOString()]);
    expect(inGrace.code).toBe(0);
    expect(inGrace.stdout).toMatch(/^Lease in its offline grace period: CIV 2026 on .+ expired on .+; it works offline until .+ UTC\. Connect to Seatwise and run `checkout`\.$/);
    const pastGrace = await cli(user(), ['verify', '--at', new Date(new Date(lease.graceUntil!).getTime() + 60_000).toISOString()]);
    expect(pastGrace.code).toBe(4);
    expect(pastGrace.stderr).toMatch(/^The lease expired on .+ and its offline grace ended on .+: connect to Seatwise and run `checkout`\.$/);
    expect(await cli(user(), ['verify', '--fingerprint', 'another-machine'])).toMatchObject({ code: 4, stderr: 'The lease was issued for another machine: run `checkout` on this one.' });
    // A lease with its signature changed, or signed by another key, is refused.
    const forged = dir('forged');
    cpSync(user(), forged, { recursive: true });
    const [head, body, signature] = lease.lease.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    writeJson(join(forged, 'lease.json'), { ...lease, lease: [head, Buffer.from(JSON.stringify({ ...claims, version: '2027' })).toString('base64url'), signature].join('.') });
    expect(await cli(forged, ['verify'])).toMatchObject({ code: 4, stderr: 'The lease is not signed by this Seatwise server (no key of its JWKS verifies it).' });
    const unreachable = await cli(user(), ['checkout', '--product', 'CIV', '--version', '2026']);
    expect(unreachable.code).toBe(6);
    expect(unreachable.stderr).toMatch(new RegExp(`^Seatwise at ${server.url} could not be reached \\(`));

    // A named-user lease is given back here: it needs no server.
    const released = await cli(user(), ['release']);
    expect(released).toMatchObject({ code: 0, stderr: '' });
    expect(released.stdout).toBe(`Forgot the lease of CIV here. ${hostname()} still counts against your device limit until you release it in your Seatwise profile (Devices).`);
    expect(existsSync(join(user(), 'lease.json'))).toBe(false);
    expect(await cli(user(), ['verify'])).toMatchObject({ code: 4, stderr: 'No lease is stored: run `checkout` first.' });
  });
});
