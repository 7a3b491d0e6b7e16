import type { JSONWebKeySet } from 'jose';
import { CliError, ExitCode, RefusedError } from './errors.js';
import type { Machine } from './machine.js';
import { freshSession, refresh } from './signin.js';
import type { Session, StoredLease, Store } from './store.js';
import { verifyLease } from './verify.js';

/** The language Seatwise answers refusals in: the first of LC_ALL, LC_MESSAGES, LANG (sl_SI.UTF-8 → sl), else English. */
export function requestLanguage(env: NodeJS.ProcessEnv = process.env): string {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = /^([a-z]{2,3})(?:[_-]|\.|$)/i.exec(locale)?.[1]?.toLowerCase();
  return language && language !== 'c' ? language : 'en';
}

interface Refusal {
  error?: { code?: string; message?: string } | string;
  error_description?: string;
}

/**
 * A POST to one of Seatwise's licence routes with the session's access token. An access token
 * that the server no longer takes (401) is refreshed once and the call sent again.
 */
async function post<T>(store: Store, path: string, body: unknown): Promise<{ session: Session; answer: T }> {
  let session = await freshSession(store);
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(`${session.server}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}`, 'accept-language': requestLanguage() },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(ExitCode.UNREACHABLE, `Seatwise at ${session.server} could not be reached (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}).`);
    }
    if (response.status === 401 && attempt === 0) {
      await response.body?.cancel();
      session = await refresh(store, session);
      continue;
    }
    const answer = (await response.json().catch(() => ({}))) as T & Refusal;
    if (response.ok) return { session, answer };
    const refusal = typeof answer.error === 'object' ? answer.error : { code: answer.error, message: answer.error_description };
    if (response.status === 401) throw new CliError(ExitCode.NOT_SIGNED_IN, refusal.message ?? 'Seatwise no longer takes this sign-in. Run `login` again.', refusal.code ?? 'UNAUTHENTICATED');
    throw new RefusedError(refusal.code ?? `HTTP_${response.status}`, refusal.message ?? `The server answered ${response.status}.`, response.status);
  }
}

/** The public keys of the server's leases, fetched and cached for offline checks. */
export async function cacheJwks(store: Store, server: string): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetch(`${server}/.well-known/jwks.json`);
  } catch (error) {
    throw new CliError(ExitCode.UNREACHABLE, `Seatwise at ${server} could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!response.ok) throw new CliError(ExitCode.FAILED, `${server}/.well-known/jwks.json answered ${response.status}.`);
  const jwks = (await response.json()) as JSONWebKeySet;
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new CliError(ExitCode.FAILED, `${server}/.well-known/jwks.json holds no keys.`);
  store.saveJwks(jwks);
  return jwks;
}

export interface CheckoutRequest {
  product: string;
  version: string;
  machine: Machine;
}

interface NamedAnswer {
  lease: string;
  expiresAt: string;
  graceUntil: string;
  deviceId: string;
}

interface NetworkAnswer {
  leaseId: string;
  lease: string;
  expiresAt: string;
  heartbeatSeconds: number;
  renewed: boolean;
}

/**
 * Stores a lease the server just signed, after checking it as `verify` will offline (the keys
 * cached afresh): a lease that would not verify here is no use to the product later.
 */
async function keep(store: Store, lease: StoredLease): Promise<StoredLease> {
  const jwks = await cacheJwks(store, lease.server);
  await verifyLease(lease, jwks, { machine: lease.machine.fingerprint, session: store.session() });
  store.saveLease(lease);
  return lease;
}

/**
 * A named-user checkout (`POST /api/licences/checkout`): the signed-in person may run the product
 * at this version on this machine. The answer is a lease valid for a day (the server's setting),
 * with an offline grace period after it. Checking out again on the same machine renews it.
 */
export async function checkoutNamed(store: Store, request: CheckoutRequest): Promise<StoredLease> {
  const { session, answer } = await post<NamedAnswer>(store, '/api/licences/checkout', request);
  return keep(store, {
    kind: 'named',
    server: session.server,
    clientId: session.clientId,
    lease: answer.lease,
    leaseId: null,
    deviceId: answer.deviceId,
    product: request.product,
    version: request.version,
    machine: request.machine,
    expiresAt: answer.expiresAt,
    graceUntil: answer.graceUntil,
    heartbeatSeconds: null,
  });
}

/** A network checkout (`POST /api/licences/network/checkout`): one of the account's concurrent network seats, held while heartbeats come. */
export async function checkoutNetwork(store: Store, request: CheckoutRequest): Promise<StoredLease & { renewed: boolean }> {
  const { session, answer } = await post<NetworkAnswer>(store, '/api/licences/network/checkout', request);
  const lease = await keep(store, {
    kind: 'network',
    server: session.server,
    clientId: session.clientId,
    lease: answer.lease,
    leaseId: answer.leaseId,
    deviceId: null,
    product: request.product,
    version: request.version,
    machine: request.machine,
    expiresAt: answer.expiresAt,
    graceUntil: null,
    heartbeatSeconds: answer.heartbeatSeconds,
  });
  return { ...lease, renewed: answer.renewed };
}

/** The stored lease, or NOT_SIGNED_IN-like usage error when there is none. */
export function storedLease(store: Store): StoredLease {
  const lease = store.lease();
  if (!lease) throw new CliError(ExitCode.INVALID_LEASE, 'No lease is stored: run `checkout` first.');
  return lease;
}

/**
 * Keeps the stored lease alive: a network lease gets a heartbeat (`POST /api/licences/network/heartbeat`,
 * extended to two intervals from now); a named-user lease is checked out again for the same
 * product, version and machine, which renews it (and fails once the seat is unassigned or the
 * subscription has ended).
 */
export async function heartbeat(store: Store): Promise<StoredLease> {
  const lease = storedLease(store);
  if (lease.kind === 'named') return checkoutNamed(store, { product: lease.product, version: lease.version, machine: lease.machine });
  const { answer } = await post<NetworkAnswer>(store, '/api/licences/network/heartbeat', { leaseId: lease.leaseId });
  return keep(store, { ...lease, lease: answer.lease, expiresAt: answer.expiresAt, heartbeatSeconds: answer.heartbeatSeconds });
}

/** Refusals that say the network lease has already ended: the stored one is of no more use. */
const ENDED = new Set(['LEASE_EXPIRED', 'LEASE_RELEASED', 'LEASE_NOT_FOUND']);

/**
 * Gives the stored lease back. A network lease is checked in (`POST /api/licences/network/checkin`):
 * its seat is free for someone else at once. Seatwise has no route for a product to release a
 * named-user machine: the lease is forgotten here, and the machine counts against the person's
 * device limit until they release it in their Seatwise profile (Devices) or an admin revokes it.
 */
export async function release(store: Store): Promise<{ lease: StoredLease; endedAt: string | null }> {
  const lease = storedLease(store);
  if (lease.kind === 'named') {
    store.forget('lease');
    return { lease, endedAt: null };
  }
  try {
    const { answer } = await post<{ endedAt: string }>(store, '/api/licences/network/checkin', { leaseId: lease.leaseId });
    store.forget('lease');
    return { lease, endedAt: answer.endedAt };
  } catch (error) {
    // The seat is no longer this lease's (it expired, an admin released it): nothing is left to give back.
    if (error instanceof RefusedError && ENDED.has(error.code!)) store.forget('lease');
    throw error;
  }
}
