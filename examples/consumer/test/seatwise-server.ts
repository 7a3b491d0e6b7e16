import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';

const apiMain = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The real Seatwise API, built (`apps/api/dist`), on a fresh SQLite file with demo data. */
export async function startSeatwise(): Promise<RunningServer> {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: build the API first (pnpm build).`);
  const dataDir = mkdtempSync(join(tmpdir(), 'seatwise-consumer-'));
  const port = await getPort({ host: '127.0.0.1' });
  const child: ChildProcess = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dataDir, 'seatwise.sqlite')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEATWISE_DEMO: '1',
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
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    // The demo data is seeded before the server listens, so a healthy server has it.
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`The API did not start within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
