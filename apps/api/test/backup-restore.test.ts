import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SeatwiseApp } from '../src/app.js';
import { backup, BackupError, restore } from '../src/cli/backup.js';
import { loadConfig } from '../src/config.js';
import { createClient, DEMO_PASSWORD, dataOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { appCode, freshPerson } from './security-fixtures.js';

const TEAMS = `query { teams { edges { node { id name memberCount } } } }`;
const USERS = `query { users(first: 100) { totalCount edges { node { id email } } } }`;
const START_APP = `mutation Start($password: String!) { startAuthenticatorSetup(input: { password: $password }) { secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }`;
const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) { viewer { id } secondStep { method } }
}`;
const COMPLETE = `mutation Complete($code: String!, $kind: SecondStepCodeKind!) { completeSignIn(input: { code: $code, kind: $kind }) { viewer { id email } } }`;

type Teams = { teams: { edges: { node: { id: string; name: string; memberCount: number } }[] } };
const teamNames = async (client: TestClient) => dataOf(await client.graphql<Teams>(TEAMS)).teams.edges.map((edge) => edge.node.name).sort();

/**
 * Item 7 of issue 20: a SQLite instance backed up while it serves writes, restored into a fresh
 * folder, started there, answers as the original did at the backup, and authenticator secrets
 * (sealed with the data folder's secret.key) still open.
 */
describe('backup and restore (sqlite)', () => {
  let app: TestApp;
  let restored: SeatwiseApp | null = null;
  let admin: TestClient;
  let person: { id: string; email: string };
  let secret: string;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    person = await freshPerson(app);
    const own = app.client();
    dataOf(await own.signIn(person.email));
    secret = dataOf(await own.graphql<{ startAuthenticatorSetup: { secret: string } }>(START_APP, { password: DEMO_PASSWORD })).startAuthenticatorSetup.secret;
    dataOf(await own.graphql(CONFIRM, { code: appCode(secret) }));
  });
  afterAll(async () => {
    await restored?.close();
    await app?.close();
  });

  it('copies a serving database under writes, restores it into a fresh folder, and the copy answers the same', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'seatwise-backup-')), 'backup');
    const before = await teamNames(admin);
    const usersBefore = dataOf(await admin.graphql(USERS));

    // Teams keep being created through the API while the backup runs.
    let writing = true;
    const written: string[] = [];
    const writer = (async () => {
      for (let n = 0; writing; n += 1) {
        const name = `Backup load ${n}`;
        dataOf(await admin.graphql(`mutation Make($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, { input: { name } }));
        written.push(name);
      }
    })();
    while (written.length < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    const doneBefore = written.length;
    const manifest = await backup(app.config, folder);
    const doneAfter = written.length;
    writing = false;
    await writer;

    expect(manifest).toMatchObject({ format: 1, driver: 'sqlite', database: 'database.sqlite', secretKeyFromEnvironment: false });
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(manifest.files).toBeGreaterThan(0);
    // The key that seals authenticator secrets travels with it, still readable by its owner only.
    expect(readFileSync(join(folder, 'data', 'secret.key'), 'utf8')).toBe(readFileSync(join(app.dataDir, 'secret.key'), 'utf8'));
    expect(statSync(join(folder, 'data', 'secret.key')).mode & 0o077).toBe(0);

    // A backup never overwrites, and a restore never lands on a database that exists.
    await expect(backup(app.config, folder)).rejects.toThrow(BackupError);
    await expect(restore(app.config, folder)).rejects.toThrow(/not empty|already exists/);

    const fresh = mkdtempSync(join(tmpdir(), 'seatwise-restored-'));
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(fresh, 'seatwise.sqlite')}`,
      SEATWISE_DATA_DIR: join(fresh, 'data'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      SEATWISE_DEMO: '0',
    });
    await restore(config, folder);
    restored = await createApp({ ...config, now: app.config.now });
    const server = (await import('node:http')).createServer(restored.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const copyAdmin = createClient(url);
      dataOf(await copyAdmin.signIn('admin@example.com'));
      expect(dataOf(await copyAdmin.graphql(USERS))).toEqual(usersBefore);
      // Every team created before the backup began is there, none made after it ended, and the
      // copy is a moment between: the teams of the original up to some point of the writes.
      const names = await teamNames(copyAdmin);
      const loaded = names.filter((name) => name.startsWith('Backup load '));
      expect(names.filter((name) => !name.startsWith('Backup load '))).toEqual(before);
      expect(loaded.length).toBeGreaterThanOrEqual(doneBefore);
      expect(loaded.length).toBeLessThanOrEqual(doneAfter + 1);
      expect(loaded.sort()).toEqual(written.slice(0, loaded.length).sort());

      // The authenticator secret, sealed with the restored secret.key, opens: the second step passes
      // (the next period's code: the current one was spent turning the app on).
      const client = createClient(url);
      const first = dataOf(await client.graphql<{ signIn: { viewer: unknown; secondStep: { method: string } } }>(SIGN_IN, { email: person.email, password: DEMO_PASSWORD })).signIn;
      expect(first).toMatchObject({ viewer: null, secondStep: { method: 'AUTHENTICATOR_APP' } });
      const done = dataOf(await client.graphql<{ completeSignIn: { viewer: { email: string } } }>(COMPLETE, { code: appCode(secret, 1), kind: 'AUTHENTICATOR_APP' })).completeSignIn;
      expect(done.viewer.email).toBe(person.email);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
