import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stderr }));
  });
}

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    // The repository's ./data/, whichever folder a script runs in.
    const file = fileURLToPath(new URL('../../../data/seatwise.sqlite', import.meta.url));
    expect(config.database).toEqual({ driver: 'sqlite', url: `sqlite:${file}`, file });
    expect(config.port).toBe(4000);
    expect(config.demo).toBe(true);
    expect(config.production).toBe(false);
  });

  it('turns the demo off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEATWISE_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ SEATWISE_DEMO: '0' }).demo).toBe(false);
  });

  it('reads PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/seatwise' }).database).toEqual({
      driver: 'postgresql',
      url: 'postgres://u:p@db:5432/seatwise',
    });
  });

  it('reads TRUST_PROXY as true/false, a hop count, or addresses and ranges; loopback by default', () => {
    const trust = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
    expect(trust()).toEqual(['loopback']);
    expect(trust('true')).toBe(true);
    expect(trust('false')).toBe(false);
    expect(trust(' 2 ')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8,192.168.1.7, fd00::/8, ::1, uniquelocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '::1',
      'uniquelocal',
    ]);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SEATWISE_DEMO', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_COST', 'lots'],
    ['GRAPHQL_PLAYGROUND', 'yes'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.300'],
    ['TRUST_PROXY', 'loopback,,10.0.0.1'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', ''],
  ])('rejects %s=%s with a ConfigError naming it', (variable, value) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(variable);
  });

  it('stops start-up with one line on stderr naming the variable', async () => {
    const built = resolve(apiDir, 'dist/main.js');
    const [command, args] = existsSync(built)
      ? [process.execPath, [built]]
      : [resolve(apiDir, 'node_modules/.bin/tsx'), ['src/main.ts']];
    const { code, stderr } = await run(command, args, { PORT: 'abc', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
  });
});
