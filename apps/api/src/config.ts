import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type DatabaseConfig =
  | { driver: 'sqlite'; url: string; file: string }
  | { driver: 'postgresql'; url: string };

export interface Config {
  database: DatabaseConfig;
  port: number;
  host: string;
  demo: boolean;
  production: boolean;
  logLevel: string;
  /** Folder of the built SPA that the API serves at `/`; absent during API-only tests. */
  webDist: string;
  sessionDays: number;
  /** The clock reports and renewal notices read "today" from; tests pin it to the seeded day. */
  now: () => Date;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });

const env = z.object({
  DATABASE_URL: z.string().trim().min(1, 'must not be empty').optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(4000),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  SEATWISE_DEMO: flag.optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  SEATWISE_WEB_DIST: z.string().optional(),
  SEATWISE_SESSION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(365).default(14),
});

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Relative SQLite paths are taken from where the command was typed: pnpm runs package scripts in
 * the package's folder but keeps the caller's folder in INIT_CWD. The default lives in the
 * repository's ./data/ whichever script opens it.
 */
export function parseDatabaseUrl(
  raw: string | undefined,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): DatabaseConfig {
  const url = raw ?? `sqlite:${resolve(repoRoot, 'data/seatwise.sqlite')}`;
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { driver: 'postgresql', url };
  }
  const sqlite = /^(sqlite|file):(.+)$/.exec(url);
  if (sqlite?.[2]) {
    const path = sqlite[2].replace(/^\/\/(?=\/)/, '');
    return { driver: 'sqlite', url, file: path === ':memory:' ? path : resolve(cwd, path) };
  }
  throw new ConfigError('DATABASE_URL', `must start with postgres://, postgresql:// or sqlite: (got "${url}")`);
}

/** Reads the environment once at start-up; a bad value stops start-up with one line naming it. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  return {
    database: parseDatabaseUrl(values.DATABASE_URL),
    port: values.PORT,
    host: values.HOST,
    demo: values.SEATWISE_DEMO ? values.SEATWISE_DEMO === '1' : !production,
    production,
    logLevel: values.LOG_LEVEL,
    webDist: resolve(values.SEATWISE_WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    sessionDays: values.SEATWISE_SESSION_DAYS,
    now: () => new Date(),
  };
}
