import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SecondProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts another API process (`tsx test/fixtures/serve.ts`) on the same database, with `env` added to its environment. */
export function startSecondProcess(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<SecondProcess> {
  const script = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, SEATWISE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second API process did not start: ${errors}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`second API process exited (${code}): ${errors}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /LISTENING (\d+)/.exec(chunk.toString())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
