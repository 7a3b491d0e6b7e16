import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';

/** Who signed in, and the tokens the product holds for them. Never printed. */
export interface Session {
  /** The Seatwise server (its PUBLIC_URL), e.g. https://licences.example.com. */
  server: string;
  clientId: string;
  accessToken: string;
  /** When the access token stops working (ms since 1970), as the token response said. */
  accessTokenExpiresAt: number;
  /** Rotates: every refresh returns a new one and the old one stops working. */
  refreshToken: string | null;
  /** The person and account of the tokens (the provider's `sub`, `person_id`, `account_id`). */
  subject: string;
  personId: string;
  accountId: string;
  email: string;
  name: string;
  accountName: string;
}

/** A lease the server signed (a named-user checkout or a network lease), with what it was taken for. */
export interface StoredLease {
  kind: 'named' | 'network';
  server: string;
  clientId: string;
  /** The signed lease (a JWS); checked offline against `jwks.json`. */
  lease: string;
  /** The network lease's id, for heartbeats and the checkin. */
  leaseId: string | null;
  /** The named-user lease's device, as Seatwise lists it in the person's profile. */
  deviceId: string | null;
  product: string;
  version: string;
  machine: { fingerprint: string; name: string; platform: string };
  expiresAt: string;
  /** Named-user leases: the end of the offline grace period. */
  graceUntil: string | null;
  /** Network leases: how often to send a heartbeat. */
  heartbeatSeconds: number | null;
}

/**
 * The folder the client keeps its files in: `--config-dir`, else `SEATWISE_CONFIG_DIR`, else the
 * platform's per-user configuration folder (`%APPDATA%`, `~/Library/Application Support`,
 * `$XDG_CONFIG_HOME` or `~/.config`) with `seatwise-desktop` under it.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEATWISE_CONFIG_DIR) return env.SEATWISE_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Seatwise Desktop');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Seatwise Desktop');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'seatwise-desktop');
}

const FILES = { session: 'session.json', lease: 'lease.json', jwks: 'jwks.json', machine: 'machine-id' } as const;

/**
 * The client's files: the session (tokens), the lease, the cached JWKS and a machine id. The folder
 * is made readable by its owner only (0700) and every file is written whole to a temporary file
 * with mode 0600 and renamed over the old one, so a crash never leaves half a token behind.
 */
export class Store {
  constructor(readonly dir: string) {}

  private path(name: keyof typeof FILES) {
    return join(this.dir, FILES[name]);
  }

  private read<T>(name: keyof typeof FILES): T | null {
    const path = this.path(name);
    if (!existsSync(path)) return null;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch {
      throw new Error(`${path} is not readable JSON: delete it and sign in again.`);
    }
  }

  private write(name: keyof typeof FILES, value: unknown) {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = this.path(name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    // The mode of writeFileSync is only used for a new file (and the umask applies): set it outright.
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  }

  session = () => this.read<Session>('session');
  saveSession = (session: Session) => this.write('session', session);
  lease = () => this.read<StoredLease>('lease');
  saveLease = (lease: StoredLease) => this.write('lease', lease);
  jwks = () => this.read<JSONWebKeySet>('jwks');
  saveJwks = (jwks: JSONWebKeySet) => this.write('jwks', jwks);

  forget(name: 'session' | 'lease') {
    rmSync(this.path(name), { force: true });
  }

  /** A random id for this installation, made once: the fingerprint of a machine whose own id cannot be read. */
  installationId(create: () => string): string {
    const path = this.path('machine');
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
    const id = create();
    this.write('machine', `${id}\n`);
    return id;
  }
}
