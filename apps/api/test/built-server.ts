import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import { createTestDatabase, type Driver } from './harness.js';

const apiMain = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface BuiltServer {
  url: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (SIGKILL after 10 s), then removes what `startBuiltServer` created. */
  stop(): Promise<void>;
}

export interface BuiltServerOptions {
  env?: Record<string, string>;
  /** Another instance's database and data folder (not removed on stop). */
  shared?: { databaseUrl: string; dataDir: string };
}

/**
 * The built API (`apps/api/dist/main.js`, `pnpm build`) as a real child process on a fresh database
 * of `driver` with demo data, as `npm start` runs it; no web app.
 */
export async function startBuiltServer(driver: Driver, options: BuiltServerOptions = {}): Promise<BuiltServer> {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: build the API first (pnpm --filter @seatwise/api build).`);
  const database = options.shared ? null : await createTestDatabase(driver);
  const databaseUrl = options.shared?.databaseUrl ?? database!.databaseUrl;
  const dataDir = options.shared?.dataDir ?? mkdtempSync(join(tmpdir(), 'seatwise-built-'));
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SEATWISE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEATWISE_DEMO: options.shared ? '0' : '1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      SEATWISE_WEB_DIST: join(dataDir, 'no-web'),
      // Tests' webhook receivers listen on loopback.
      SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const remove = async () => {
    if (options.shared) return;
    await database!.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await remove();
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await remove();
      throw new Error(`The API exited (${child.exitCode}):\n${output}`);
    }
    if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not start within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, databaseUrl, dataDir, child, output: () => output, exited, stop };
}
