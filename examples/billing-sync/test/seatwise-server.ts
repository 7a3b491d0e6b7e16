import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';

const apiMain = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const PG = process.env.SEATWISE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';

export type Driver = 'sqlite' | 'postgresql';

export interface RunningServer {
  url: string;
  /** The data folder: the outbox of mail and text messages is under it. */
  dataDir: string;
  stop(): Promise<void>;
}

/** The real Seatwise API, built (`apps/api/dist`), with demo data on a fresh SQLite file or PostgreSQL database. */
export async function startSeatwise(driver: Driver): Promise<RunningServer> {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: build the API first (pnpm build).`);
  const dataDir = mkdtempSync(join(tmpdir(), 'seatwise-billing-'));
  const database = `seatwise_billing_${process.pid}_${Date.now()}`;
  if (driver === 'postgresql') execFileSync('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
  const port = await getPort({ host: '127.0.0.1' });
  const child: ChildProcess = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: driver === 'sqlite' ? `sqlite:${join(dataDir, 'seatwise.sqlite')}` : `${PG}/${database}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEATWISE_DEMO: '1',
      SEATWISE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      SEATWISE_WEB_DIST: join(dataDir, 'no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`The API did not start within 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      if (driver === 'postgresql') execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', database]);
    },
  };
}

/**
 * The code of the newest text message to `phone` in the server's outbox. Text messages are sent
 * after the sign-in's transaction commits (the event bus), so it waits up to 5 s for one.
 */
async function latestSmsCode(dataDir: string, phone: string): Promise<string> {
  const dir = join(dataDir, 'outbox');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const messages = existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .reverse()
          .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { channel: string; to: string; text: string })
      : [];
    const code = messages.find((message) => message.channel === 'SMS' && message.to === phone)?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No text message with a code to ${phone}`);
}

/** A POST to the server's GraphQL bound to a session's cookies; errors are thrown with their messages. */
function sessionPost(server: RunningServer) {
  const cookies = new Map<string, string>();
  const post = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) cookies.set(name.trim(), value.trim());
      else cookies.delete(name.trim());
    }
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data!;
  };
  return post;
}

/** What an operator does in the Vendor console: sign in (password, then the code by text message). Returns a POST bound to their session. */
export async function signInOperator(server: RunningServer) {
  const post = sessionPost(server);
  await post('mutation ($input: SignInInput!) { signIn(input: $input) { secondStep { method } } }', {
    input: { email: 'vendor@example.com', password: 'Seatwise-demo-1' },
  });
  await post('mutation ($code: String!) { completeSignIn(input: { code: $code, kind: SMS }) { staff { email } } }', {
    code: await latestSmsCode(server.dataDir, '+38640000000'),
  });
  return post;
}

/** The demo customer's primary admin (Kolektor Gradnje, external id CRM-1001) signed in: a POST bound to the session, and their user id. */
export async function signInCustomerAdmin(server: RunningServer) {
  const post = sessionPost(server);
  const { signIn } = await post<{ signIn: { viewer: { id: string } } }>('mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', {
    input: { email: 'admin@example.com', password: 'Seatwise-demo-1' },
  });
  return { post, userId: signIn.viewer.id };
}
