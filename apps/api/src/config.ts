import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type DatabaseConfig =
  | { driver: 'sqlite'; url: string; file: string }
  /**
   * `poolMax`: connections this instance keeps open at most (`DATABASE_POOL_MAX`, 10 when absent);
   * `replicaUrl`: a read replica that reports read from (`DATABASE_REPLICA_URL`), none when absent.
   */
  | { driver: 'postgresql'; url: string; poolMax?: number; replicaUrl?: string };

export interface Config {
  database: DatabaseConfig;
  /**
   * Whether start-up applies pending migrations (`SEATWISE_MIGRATE`, on by default; on PostgreSQL
   * under an advisory lock). Off: start-up refuses a database that is behind this release.
   */
  migrate: boolean;
  port: number;
  host: string;
  demo: boolean;
  production: boolean;
  logLevel: string;
  /** Folder of the built SPA that the API serves at `/`; absent during API-only tests. */
  webDist: string;
  sessionDays: number;
  /** Folder for files Seatwise keeps beside the database: the mail outbox, installer files, built packages, generated keys. */
  dataDir: string;
  /** Address people reach Seatwise at, for links in messages. */
  publicUrl: string;
  mail: MailConfig;
  /**
   * Key material for secrets Seatwise must read back (authenticator secrets), from
   * `SEATWISE_SECRET_KEY`; null: a key file generated in the data folder is used.
   */
  secretKey: string | null;
  /** How long an emailed password reset link works. */
  resetLinkMinutes: number;
  signInLimits: SignInLimits;
  /** Device authorization requests and device token polls of the OpenID provider per client IP in 10 minutes. */
  deviceFlowPerIp: number;
  /**
   * Named-user leases: valid `hours` after a checkout, then `graceDays` more while the product is offline.
   * Network leases: a heartbeat every `heartbeatSeconds`; a lease with none for two intervals frees its seat.
   */
  lease: { hours: number; graceDays: number; heartbeatSeconds: number };
  /**
   * Webhook endpoints may be on loopback and private networks (`SEATWISE_WEBHOOKS_ALLOW_PRIVATE=1`):
   * for tests and a demo on one machine only. Off (the default): such addresses are refused when an
   * endpoint is saved and again when a delivery resolves the host. Link-local and cloud metadata
   * addresses are refused either way.
   */
  webhooksAllowPrivate: boolean;
  /**
   * Which peers' `X-Forwarded-For` express believes when it reads the client's IP (per-IP limits,
   * session list, alerts): true, false, a number of proxy hops, or addresses, CIDR ranges and
   * express's named subnets (`loopback`, `linklocal`, `uniquelocal`).
   */
  trustProxy: boolean | number | string[];
  /**
   * DNS servers (`host` or `host:port`) asked for the TXT records that prove an email domain for
   * single sign-on, from `SEATWISE_DNS_SERVERS` (comma-separated); empty: the system's resolvers.
   */
  dnsServers: string[];
  /** HMAC secret for download links; generated into `dataDir` when not configured. */
  downloadSecret: string | null;
  /** The vendor's Ed25519 private key (PEM) for licence files; generated into `dataDir` when not configured. */
  licencePrivateKey: string | null;
  downloadLinkMinutes: number;
  uploads: UploadConfig;
  /** Whether this instance runs background jobs (custom install packages). */
  jobWorker: boolean;
  /** How often an instance that runs jobs looks for due cron schedules (`SEATWISE_SCHEDULE_CHECK_SECONDS`); they fire at minute granularity. */
  scheduleCheckSeconds: number;
  retention: RetentionConfig;
  graphql: GraphqlConfig;
  /** The bearer token `/metrics` asks for (`METRICS_TOKEN`); null: no metrics are served. */
  metricsToken: string | null;
  /** How long a SIGTERM waits for requests in flight and the job in hand (`SEATWISE_SHUTDOWN_SECONDS`). */
  shutdownSeconds: number;
  /** The clock reports and renewal notices read "today" from; tests pin it to the seeded day. */
  now: () => Date;
}

/**
 * How many days rows that only grow are kept; 0 keeps them for good. The instances that run jobs
 * delete older ones hourly.
 */
export interface RetentionConfig {
  /** Raw usage events, by when they arrived (`SEATWISE_RETAIN_USAGE_EVENTS_DAYS`); reports read the roll-ups, which stay. */
  usageEventDays: number;
  /** Customers' and the vendor's audit entries (`SEATWISE_RETAIN_AUDIT_DAYS`). */
  auditDays: number;
  /** Finished jobs and delivered events (`SEATWISE_RETAIN_JOBS_DAYS`); waiting and running ones are never removed. */
  jobDays: number;
}

/** The catalogue's file uploads (Vendor console). */
export interface UploadConfig {
  /** The largest file accepted, in bytes (`SEATWISE_UPLOAD_MAX_BYTES`). */
  maxBytes: number;
  /** An upload no byte reached for this long is discarded (`SEATWISE_UPLOAD_STALE_HOURS`). */
  staleHours: number;
}

/** Failed sign-ins allowed before further attempts are refused for the rest of the window. */
export interface SignInLimits {
  /** Per email address (known or not), in 15 minutes. */
  perAccount: number;
  /** Per client IP address, in one hour. */
  perIp: number;
}

export interface MailConfig {
  /** `smtp://` or `smtps://` URL of the relay; without one, messages land in the outbox folder. */
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
}

/** Q-03: what one GraphQL request may ask for, and whether the API describes itself. */
export interface GraphqlConfig {
  introspection: boolean;
  playground: boolean;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxBatch: number;
  maxBodyBytes: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
    whole?: string,
  ) {
    super(whole ?? `Invalid configuration: ${variable} ${message}`);
  }
}

/** A setting that production would run with, silently wrong: the variable and why, in one line. */
export interface ProductionProblem {
  variable: string;
  reason: string;
}

/** Start-up in production refused: every problem found, a line each. */
export class ProductionConfigError extends ConfigError {
  constructor(readonly problems: ProductionProblem[]) {
    super(
      problems[0]!.variable,
      problems[0]!.reason,
      [
        `Refusing to start in production (NODE_ENV=production): ${problems.length === 1 ? 'one setting' : `${problems.length} settings`} would silently misbehave.`,
        ...problems.map((problem) => `  ${problem.variable}: ${problem.reason}`),
      ].join('\n'),
    );
  }
}

const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });
const limit = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, `must be between 1 and ${max}`)
    .max(max, `must be between 1 and ${max}`)
    .default(fallback);

const days = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of days (0 keeps them for good)' })
    .int('must be a whole number of days (0 keeps them for good)')
    .min(0, 'must be 0 (keep for good) or a number of days up to 36500')
    .max(36_500, 'must be 0 (keep for good) or a number of days up to 36500')
    .default(fallback);

const PROXY_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_SUBNETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const trustProxy = z
  .string()
  .trim()
  .default('loopback')
  .transform((value, ctx): boolean | number | string[] => {
    if (value === 'true' || value === 'false') return value === 'true';
    if (/^\d{1,3}$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `must be true, false, a number of proxies, or addresses and CIDR ranges such as "loopback, 10.0.0.0/8" (got "${value}")`,
    });
    return z.NEVER;
  });

const env = z.object({
  DATABASE_URL: z.string().trim().min(1, 'must not be empty').optional(),
  DATABASE_REPLICA_URL: z.string().trim().min(1, 'must not be empty').optional(),
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
  SEATWISE_DATA_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  SEATWISE_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  SEATWISE_RESET_LINK_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(5).max(7 * 24 * 60).default(60),
  SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(1000).default(10),
  SEATWISE_SIGNIN_FAILURES_PER_IP: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100000).default(100),
  SEATWISE_LEASE_HOURS: limit(24, 24 * 30),
  SEATWISE_LEASE_GRACE_DAYS: days(7),
  SEATWISE_NETWORK_HEARTBEAT_SECONDS: limit(300, 3600),
  SEATWISE_DEVICE_FLOW_PER_IP: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100000).default(600),
  TRUST_PROXY: trustProxy,
  SEATWISE_DNS_SERVERS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((server) => server.trim()).filter(Boolean)),
  MAIL_FROM: z.string().trim().min(3, 'must be an address such as "Seatwise <no-reply@example.com>"').default('Seatwise <no-reply@seatwise.local>'),
  SEATWISE_DOWNLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEATWISE_LICENCE_PRIVATE_KEY: z
    .string()
    .refine((value) => value.includes('BEGIN PRIVATE KEY'), 'must be an Ed25519 private key in PEM (PKCS#8) form')
    .optional(),
  SEATWISE_DOWNLOAD_LINK_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(1).max(1440).default(60),
  // product_files.size is a 32-bit integer on PostgreSQL.
  SEATWISE_UPLOAD_MAX_BYTES: limit(2_000_000_000, 2_147_483_647),
  SEATWISE_UPLOAD_STALE_HOURS: limit(24, 24 * 30),
  SEATWISE_JOB_WORKER: flag.default('1'),
  SEATWISE_WEBHOOKS_ALLOW_PRIVATE: flag.default('0'),
  SEATWISE_SCHEDULE_CHECK_SECONDS: limit(15, 60),
  SEATWISE_MIGRATE: flag.default('1'),
  SEATWISE_MAIL_OUTBOX: flag.optional(),
  DATABASE_POOL_MAX: limit(10, 1000),
  SEATWISE_RETAIN_USAGE_EVENTS_DAYS: days(400),
  SEATWISE_RETAIN_AUDIT_DAYS: days(0),
  SEATWISE_RETAIN_JOBS_DAYS: days(30),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_PLAYGROUND: flag.optional(),
  GRAPHQL_MAX_DEPTH: limit(10, 100),
  GRAPHQL_MAX_ALIASES: limit(15, 1000),
  GRAPHQL_MAX_DIRECTIVES: limit(20, 1000),
  GRAPHQL_MAX_TOKENS: limit(3000, 100_000),
  GRAPHQL_MAX_COST: limit(10_000, 10_000_000),
  GRAPHQL_MAX_BATCH: limit(10, 1000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 24`)').optional(),
  SEATWISE_SHUTDOWN_SECONDS: limit(25, 3600),
  // A CSV import of 20,000 people travels as one GraphQL variable.
  GRAPHQL_MAX_BODY_BYTES: limit(8_000_000, 100_000_000),
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

/**
 * A PostgreSQL read replica (streaming replication, or a pooler in front of several) for reports:
 * only beside a PostgreSQL DATABASE_URL, since SQLite is one file in one process.
 */
export function parseReplicaUrl(raw: string | undefined, database: DatabaseConfig): string | undefined {
  if (raw === undefined) return undefined;
  if (database.driver !== 'postgresql') {
    throw new ConfigError('DATABASE_REPLICA_URL', 'is for PostgreSQL only: DATABASE_URL is SQLite, one file that has no replica (unset DATABASE_REPLICA_URL)');
  }
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_REPLICA_URL', `must start with postgres:// or postgresql:// (got "${raw}")`);
  }
  try {
    new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_REPLICA_URL', 'is not a valid postgres:// URL');
  }
  return raw;
}

type Values = z.infer<typeof env>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secrets that are examples, placeholders or typed by hand rather than generated: the documented
 * placeholder, words people put in them, and strings of few distinct characters ("aaaa…").
 */
export function looksLikeDevelopmentSecret(value: string): boolean {
  if (new Set(value).size < 10) return true;
  return /change.?me|example|placeholder|replace.?(me|with|this)|development|dev.?secret|not.?secret|insecure|secret.?key|password|seatwise/i.test(value);
}

/** What a production start would get silently wrong, a line each (empty: nothing). */
function productionProblems(values: Values, dataDir: string): ProductionProblem[] {
  const problems: ProductionProblem[] = [];
  if (!values.PUBLIC_URL) {
    problems.push({
      variable: 'PUBLIC_URL',
      reason: `is not set: links in mail (invitations, password resets, downloads, first run) would point at http://localhost:${values.PORT}.`,
    });
  } else {
    const url = new URL(values.PUBLIC_URL);
    if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
      problems.push({
        variable: 'PUBLIC_URL',
        reason: `is http:// (${url.host}): production cookies are Secure, so browsers would drop them and nobody could sign in; serve over https behind a TLS proxy.`,
      });
    }
  }
  if (!values.SMTP_URL && values.SEATWISE_MAIL_OUTBOX !== '1') {
    problems.push({
      variable: 'SMTP_URL',
      reason: `is not set: mail would only be written to ${resolve(dataDir, 'outbox')} and never sent (set SEATWISE_MAIL_OUTBOX=1 if that is what you want).`,
    });
  }
  if (values.SMTP_URL && /@seatwise\.local\b/i.test(values.MAIL_FROM)) {
    problems.push({
      variable: 'MAIL_FROM',
      reason: `is ${values.MAIL_FROM.includes('<') ? 'the default ' : ''}"${values.MAIL_FROM}": receiving servers reject mail from the made-up seatwise.local domain; set your own address.`,
    });
  }
  for (const variable of ['SEATWISE_SECRET_KEY', 'SEATWISE_DOWNLOAD_SECRET'] as const) {
    const value = values[variable];
    if (value && looksLikeDevelopmentSecret(value)) {
      problems.push({
        variable,
        reason: 'is a development or example value, guessable by anyone who read it: generate one with `openssl rand -base64 32`.',
      });
    }
  }
  return problems;
}

/**
 * Reads the environment once at start-up; a bad value stops start-up with one line naming it. In
 * production (NODE_ENV=production) settings that would run but silently misbehave are refused too,
 * all of them at once, a line each (ProductionConfigError).
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.SEATWISE_DATA_DIR ?? resolve(repoRoot, 'data'));
  if (production) {
    const problems = productionProblems(values, dataDir);
    if (problems.length) throw new ProductionConfigError(problems);
  }
  const database = parseDatabaseUrl(values.DATABASE_URL);
  const replicaUrl = parseReplicaUrl(values.DATABASE_REPLICA_URL, database);
  return {
    database:
      database.driver === 'postgresql'
        ? { ...database, poolMax: values.DATABASE_POOL_MAX, ...(replicaUrl ? { replicaUrl } : {}) }
        : database,
    migrate: values.SEATWISE_MIGRATE === '1',
    port: values.PORT,
    host: values.HOST,
    demo: values.SEATWISE_DEMO ? values.SEATWISE_DEMO === '1' : !production,
    production,
    logLevel: values.LOG_LEVEL,
    webDist: resolve(values.SEATWISE_WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    sessionDays: values.SEATWISE_SESSION_DAYS,
    dataDir,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    mail: {
      smtpUrl: values.SMTP_URL ?? null,
      from: values.MAIL_FROM,
      outboxDir: resolve(dataDir, 'outbox'),
    },
    secretKey: values.SEATWISE_SECRET_KEY ?? null,
    resetLinkMinutes: values.SEATWISE_RESET_LINK_MINUTES,
    signInLimits: {
      perAccount: values.SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT,
      perIp: values.SEATWISE_SIGNIN_FAILURES_PER_IP,
    },
    deviceFlowPerIp: values.SEATWISE_DEVICE_FLOW_PER_IP,
    lease: { hours: values.SEATWISE_LEASE_HOURS, graceDays: values.SEATWISE_LEASE_GRACE_DAYS, heartbeatSeconds: values.SEATWISE_NETWORK_HEARTBEAT_SECONDS },
    trustProxy: values.TRUST_PROXY,
    dnsServers: values.SEATWISE_DNS_SERVERS,
    downloadSecret: values.SEATWISE_DOWNLOAD_SECRET ?? null,
    licencePrivateKey: values.SEATWISE_LICENCE_PRIVATE_KEY ?? null,
    downloadLinkMinutes: values.SEATWISE_DOWNLOAD_LINK_MINUTES,
    uploads: { maxBytes: values.SEATWISE_UPLOAD_MAX_BYTES, staleHours: values.SEATWISE_UPLOAD_STALE_HOURS },
    jobWorker: values.SEATWISE_JOB_WORKER === '1',
    webhooksAllowPrivate: values.SEATWISE_WEBHOOKS_ALLOW_PRIVATE === '1',
    scheduleCheckSeconds: values.SEATWISE_SCHEDULE_CHECK_SECONDS,
    retention: {
      usageEventDays: values.SEATWISE_RETAIN_USAGE_EVENTS_DAYS,
      auditDays: values.SEATWISE_RETAIN_AUDIT_DAYS,
      jobDays: values.SEATWISE_RETAIN_JOBS_DAYS,
    },
    graphql: {
      // Off in production unless asked for: a public API need not hand out its map.
      introspection: values.GRAPHQL_INTROSPECTION ? values.GRAPHQL_INTROSPECTION === '1' : !production,
      playground: values.GRAPHQL_PLAYGROUND ? values.GRAPHQL_PLAYGROUND === '1' : !production,
      maxDepth: values.GRAPHQL_MAX_DEPTH,
      maxAliases: values.GRAPHQL_MAX_ALIASES,
      maxDirectives: values.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: values.GRAPHQL_MAX_TOKENS,
      maxCost: values.GRAPHQL_MAX_COST,
      maxBatch: values.GRAPHQL_MAX_BATCH,
      maxBodyBytes: values.GRAPHQL_MAX_BODY_BYTES,
    },
    metricsToken: values.METRICS_TOKEN ?? null,
    shutdownSeconds: values.SEATWISE_SHUTDOWN_SECONDS,
    now: () => new Date(),
  };
}
