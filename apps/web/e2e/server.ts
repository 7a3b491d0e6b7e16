import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apiMain = join(repoRoot, 'apps/api/dist/main.js');
const webDist = join(repoRoot, 'apps/web/dist');

export interface RunningServer {
  url: string;
  /** The instance's data folder (SQLite file, installer files, built packages). */
  dataDir: string;
  /** What the API printed so far (stdout and stderr), e.g. the first-run set-up link. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** Extra environment, e.g. `SEATWISE_JOB_WORKER: '0'`. */
  env?: Record<string, string>;
  /** Share another instance's data folder and database (a second API instance); it is not removed on stop. */
  dataDir?: string;
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The API exited with code ${server.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API did not become healthy within 60 s:\n${output()}`);
}

/** Starts the built API with demo data on a fresh SQLite file, serving the built SPA. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const missing = [
    [apiMain, 'run `pnpm build` in apps/api (tsc -p tsconfig.build.json)'],
    [join(webDist, 'index.html'), 'run `pnpm build` in apps/web'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) {
    throw new Error(`The browser test needs built apps:\n${missing.map(([path, fix]) => `  ${path} is missing: ${fix}`).join('\n')}`);
  }

  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'seatwise-e2e-'));
  const port = await getPort({ host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, [apiMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.sqlite')}`,
      SEATWISE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEATWISE_DEMO: '1',
      LOG_LEVEL: 'warn',
      SEATWISE_WEB_DIST: webDist,
      NODE_ENV: 'test',
      // Links in messages (password reset) point at this server.
      PUBLIC_URL: url,
      // The webhook test's receiver listens on loopback.
      SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, output: () => output, stop };
}
