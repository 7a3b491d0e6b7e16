import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import getPort from 'get-port';
import pg from 'pg';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apiMain = join(repoRoot, 'apps/api/dist/main.js');
const webDist = join(repoRoot, 'apps/web/dist');
const PG = process.env.SEATWISE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export type Driver = 'sqlite' | 'postgresql';

/**
 * The real Seatwise, built (`apps/api/dist` serving `apps/web/dist`), with demo data on a fresh
 * SQLite file or PostgreSQL database. It can be stopped and started again on the same database
 * and port (the issuer of its tokens and leases is its URL), to check what a product does offline.
 */
export class Seatwise {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly driver: Driver,
    readonly port: number,
    readonly dataDir: string,
    private readonly database: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  private get databaseUrl() {
    return this.driver === 'sqlite' ? `sqlite:${join(this.dataDir, 'seatwise.sqlite')}` : `${PG}/${this.database}`;
  }

  static async create(driver: Driver): Promise<Seatwise> {
    for (const [path, fix] of [
      [apiMain, 'pnpm --filter @seatwise/api build'],
      [join(webDist, 'index.html'), 'pnpm --filter @seatwise/web build'],
    ] as const) {
      if (!existsSync(path)) throw new Error(`${path} is missing: ${fix}`);
    }
    const database = `seatwise_desktop_${process.pid}_${Date.now()}`;
    if (driver === 'postgresql') execFileSync('createdb', [`--maintenance-db=${PG}/postgres`, database]);
    const server = new Seatwise(driver, await getPort({ host: '127.0.0.1' }), mkdtempSync(join(tmpdir(), 'seatwise-desktop-')), database);
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [apiMain], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        SEATWISE_DATA_DIR: this.dataDir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        PUBLIC_URL: this.url,
        SEATWISE_DEMO: '1',
        SEATWISE_WEB_DIST: webDist,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${this.output}`);
      if (await fetch(`${this.url}/healthz`).then((response) => response.ok, () => false)) return;
      if (Date.now() > deadline) throw new Error(`The API did not start within 120 s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Stops the server (SIGTERM, SIGKILL after 10 s); the database stays for `start`. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops it and removes its database and data folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    if (this.driver === 'postgresql') execFileSync('dropdb', [`--maintenance-db=${PG}/postgres`, '--if-exists', this.database]);
  }

  /** A statement on the server's database with `?` placeholders, as a test's back door (an expired code). */
  async sql<T>(statement: string, params: unknown[] = []): Promise<T[]> {
    if (this.driver === 'sqlite') {
      const db = new Database(join(this.dataDir, 'seatwise.sqlite'));
      try {
        db.pragma('busy_timeout = 5000');
        const prepared = db.prepare(statement);
        return prepared.reader ? (prepared.all(...params) as T[]) : (prepared.run(...params), []);
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      let index = 0;
      return (await client.query(statement.replace(/\?/g, () => `$${++index}`), params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** A GraphQL POST bound to one session's cookies; errors are thrown with their messages. */
  session() {
    const cookies = new Map<string, string>();
    return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        body: JSON.stringify({ query, variables }),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1).trim();
        if (value) cookies.set(pair.slice(0, at).trim(), value);
        else cookies.delete(pair.slice(0, at).trim());
      }
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
      return body.data!;
    };
  }

  /** The newest sign-in code sent by text message to the demo operator (the demo outbox), waiting up to 5 s for one. */
  private async operatorCode(): Promise<string> {
    const post = this.session();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { outbox } = await post<{ outbox: { edges: { node: { channel: string; to: string; text: string } }[] } }>(
        '{ outbox(first: 20) { edges { node { channel to text } } } }',
      );
      const code = outbox.edges.map((edge) => edge.node).find((node) => node.channel === 'SMS' && node.to === '+38640000000')?.text.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('No sign-in code reached the demo operator.');
  }

  /** What the vendor does once in the Vendor console: registers the desktop product as an OAuth client. Returns its client id. */
  async registerProduct(name: string): Promise<string> {
    const post = this.session();
    await post('mutation ($input: SignInInput!) { signIn(input: $input) { secondStep { method } } }', { input: { email: 'vendor@example.com', password: 'Seatwise-demo-1' } });
    await post('mutation ($code: String!) { completeSignIn(input: { code: $code, kind: SMS }) { staff { email } } }', { code: await this.operatorCode() });
    const created = await post<{ createOAuthClient: { clientId: string } }>(
      'mutation ($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { clientId } }',
      { input: { name, redirectUris: [] } },
    );
    return created.createOAuthClient.clientId;
  }
}
