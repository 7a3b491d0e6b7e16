import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ProductionConfigError } from '../src/config.js';
import { PRODUCTION_ENV } from './harness.js';

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
    expect(loadConfig({ ...PRODUCTION_ENV }).demo).toBe(false);
    expect(loadConfig({ ...PRODUCTION_ENV, SEATWISE_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ SEATWISE_DEMO: '0' }).demo).toBe(false);
  });

  it('reads PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/seatwise' }).database).toEqual({
      driver: 'postgresql',
      url: 'postgres://u:p@db:5432/seatwise',
      poolMax: 10,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/seatwise', DATABASE_POOL_MAX: '25' }).database).toMatchObject({ poolMax: 25 });
  });

  it('migrates at start-up unless SEATWISE_MIGRATE=0, and keeps rows by the retention settings', () => {
    expect(loadConfig({}).migrate).toBe(true);
    expect(loadConfig({ SEATWISE_MIGRATE: '0' }).migrate).toBe(false);
    expect(loadConfig({}).retention).toEqual({ usageEventDays: 400, auditDays: 0, jobDays: 30 });
    expect(
      loadConfig({ SEATWISE_RETAIN_USAGE_EVENTS_DAYS: '0', SEATWISE_RETAIN_AUDIT_DAYS: '2555', SEATWISE_RETAIN_JOBS_DAYS: '7' }).retention,
    ).toEqual({ usageEventDays: 0, auditDays: 2555, jobDays: 7 });
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
    ['SEATWISE_MIGRATE', 'no'],
    ['DATABASE_POOL_MAX', '0'],
    ['SEATWISE_RETAIN_AUDIT_DAYS', '-1'],
    ['SEATWISE_RETAIN_JOBS_DAYS', 'a week'],
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

  describe('in production', () => {
    /** The refusal of `env`, or null when it starts. */
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return null;
      } catch (error) {
        if (!(error instanceof ProductionConfigError)) throw error;
        return error;
      }
    };
    const reasonFor = (env: Record<string, string>, variable: string) => refusal(env)?.problems.find((problem) => problem.variable === variable)?.reason;
    const good = { ...PRODUCTION_ENV, SEATWISE_SECRET_KEY: 'q8Vw3nR0tYk1ZpLx7cJm2HbUe9FgAs5D4oWiKvNl6Qy=' };

    it('starts with a public https address, a mail transport and generated secrets', () => {
      expect(refusal(good)).toBeNull();
      expect(refusal({ NODE_ENV: 'production', PUBLIC_URL: 'https://licences.vendor.example', SMTP_URL: 'smtp://relay:587', MAIL_FROM: 'Licences <licences@vendor.example>' })).toBeNull();
      // A local http address is a secure context: browsers keep Secure cookies there.
      expect(refusal({ ...PRODUCTION_ENV, PUBLIC_URL: 'http://127.0.0.1:4000' })).toBeNull();
    });

    it('refuses a start without PUBLIC_URL: links in mail would point at localhost', () => {
      const { PUBLIC_URL: _, ...env } = good;
      expect(reasonFor(env, 'PUBLIC_URL')).toMatch(/is not set: links in mail .* would point at http:\/\/localhost:4000/);
      expect(reasonFor({ ...good, PUBLIC_URL: 'http://licences.vendor.example' }, 'PUBLIC_URL')).toMatch(/is http:\/\/ .*Secure.*nobody could sign in/);
    });

    it('refuses a start without a mail transport, unless the outbox is asked for', () => {
      const { SEATWISE_MAIL_OUTBOX: _, ...env } = good;
      expect(reasonFor(env, 'SMTP_URL')).toMatch(/is not set: mail would only be written to .*outbox and never sent \(set SEATWISE_MAIL_OUTBOX=1/);
      expect(reasonFor({ ...env, SMTP_URL: 'smtp://relay:587' }, 'MAIL_FROM')).toMatch(/seatwise\.local/);
      expect(refusal({ ...env, SMTP_URL: 'smtp://relay:587', MAIL_FROM: 'Licences <licences@vendor.example>' })).toBeNull();
    });

    it.each([
      ['SEATWISE_SECRET_KEY', 'a'.repeat(40)],
      ['SEATWISE_SECRET_KEY', 'replace-with-the-output-of-openssl-rand-base64-32'],
      ['SEATWISE_SECRET_KEY', 'my-very-own-development-key-2026!!'],
      ['SEATWISE_DOWNLOAD_SECRET', 'changeme-changeme-changeme-changeme'],
      ['SEATWISE_DOWNLOAD_SECRET', 'an example secret for the docs only'],
    ])('refuses %s=%s, a development or example secret', (variable, value) => {
      expect(reasonFor({ ...good, [variable]: value }, variable)).toMatch(/development or example value.*openssl rand -base64 32/);
      // Outside production the same value is allowed.
      expect(loadConfig({ [variable]: value })).toBeTruthy();
    });

    it('names every problem at once, a line each, and nothing outside production', () => {
      const error = refusal({ NODE_ENV: 'production', SEATWISE_SECRET_KEY: 'x'.repeat(32) })!;
      expect(error.problems.map((problem) => problem.variable)).toEqual(['PUBLIC_URL', 'SMTP_URL', 'SEATWISE_SECRET_KEY']);
      const lines = error.message.split('\n');
      expect(lines[0]).toBe('Refusing to start in production (NODE_ENV=production): 3 settings would silently misbehave.');
      expect(lines.slice(1)).toEqual(error.problems.map((problem) => `  ${problem.variable}: ${problem.reason}`));
      expect(error).toBeInstanceOf(ConfigError);
      expect(loadConfig({ NODE_ENV: 'test', SEATWISE_SECRET_KEY: 'x'.repeat(32) }).production).toBe(false);
    });

    it('stops the server with those lines on stderr', async () => {
      const built = resolve(apiDir, 'dist/main.js');
      const [command, args] = existsSync(built) ? [process.execPath, [built]] : [resolve(apiDir, 'node_modules/.bin/tsx'), ['src/main.ts']];
      const { code, stderr } = await run(command, args, { NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Refusing to start in production/), expect.stringMatching(/^ {2}PUBLIC_URL: is not set/), expect.stringMatching(/^ {2}SMTP_URL: is not set/)]);
    });
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
