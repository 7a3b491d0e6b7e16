import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse, serialize } from 'cookie';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@seatwise/schema';
import type { Config } from '../../config.js';
import type { Viewer } from '../../context.js';
import { preparedAs } from '../../db/database.js';

export const SESSION_COOKIE = 'seatwise_session';
/** Writing `last_seen_at` on every request would turn reads into writes; once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[SESSION_COOKIE] ?? null;
}

/** Not readable by scripts, not sent on cross-site posts, HTTPS-only in production. */
const cookieOptions = (config: Config) =>
  ({ httpOnly: true, sameSite: 'lax', secure: config.production, path: '/' }) as const;

export function writeSessionCookie(res: Response, config: Config, token: string, expiresAt: Date) {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, { ...cookieOptions(config), expires: expiresAt }),
  );
}

export function clearSessionCookie(res: Response, config: Config) {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { ...cookieOptions(config), maxAge: 0 }),
  );
}

interface SessionRow {
  id: string;
  user_id: string;
  account_id: string;
  role: Role;
  last_seen_at: string | number | Date;
  expires_at: string | number | Date;
}

/**
 * How long an instance may answer from its own memory that a session is live (issue 21, item 2):
 * the session lookup was most of a small request's fixed cost. A session ended, a membership
 * deactivated or a role changed on ANOTHER instance is seen here within this time at most; on this
 * instance at once, as every request that may write forgets the whole cache before it answers
 * (`forgetSessions`, called by the GraphQL plugin after a mutation and by the REST write routes).
 */
export const SESSION_CACHE_MS = 1_000;
/** Sessions remembered at most; past this, the oldest are dropped. */
const SESSION_CACHE_ENTRIES = 10_000;

interface CachedSession {
  viewer: Viewer;
  /** Until when the entry may be used: the cache's time or the session's end, whichever is first. */
  until: number;
}

/**
 * The live sessions an instance looked up in the last second, by token hash. `generation` goes up
 * with every `forget`, and a lookup begun before it is not stored: a lookup that read a session
 * just before a sign-out committed cannot put it back after the sign-out forgot it.
 */
class SessionCache {
  readonly entries = new Map<string, CachedSession>();
  generation = 0;

  get(hash: string, now: number): Viewer | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (entry.until > now) return entry.viewer;
    this.entries.delete(hash);
    return null;
  }

  set(hash: string, viewer: Viewer, until: number, generation: number) {
    if (generation !== this.generation) return;
    if (this.entries.size >= SESSION_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { viewer, until });
  }

  forget() {
    this.generation += 1;
    this.entries.clear();
  }
}

/** One cache per app (the ORM's configuration is one per app; tests run several apps in one process). */
const caches = new WeakMap<object, SessionCache>();
function sessionCache(em: EntityManager): SessionCache {
  const key = em.config;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new SessionCache()));
  return cache;
}

/**
 * Forgets every session this instance remembers: called after anything that may end a session or
 * change who its person is (sign-out, ended sessions, a removed or deactivated membership, a new
 * role, a suspended customer), before the answer is sent.
 */
export function forgetSessions(em: EntityManager): void {
  sessionCache(em).forget();
}

/** The viewer behind the request's session cookie, if it has a live one. */
export async function sessionViewer(em: EntityManager, req: Request): Promise<Viewer | null> {
  const token = readSessionToken(req);
  return token ? resolveViewer(em, token) : null;
}

/**
 * Finds the live session behind a cookie token with one statement: session, membership and role
 * together. A session whose membership was removed or deactivated no longer counts. Remembered
 * for `SESSION_CACHE_MS` (never past the session's end).
 */
export async function resolveViewer(em: EntityManager, token: string): Promise<Viewer | null> {
  const hash = hashToken(token);
  const cache = sessionCache(em);
  const now = Date.now();
  const cached = cache.get(hash, now);
  if (cached) return { ...cached };
  const generation = cache.generation;
  const knex = em.getKnex();
  const row: SessionRow | undefined = await knex('sessions as s')
    .join('memberships as m', function () {
      this.on('m.account_id', 's.account_id').andOn('m.user_id', 's.user_id');
    })
    // A suspended or closed customer's sessions stop counting; signing in again says why.
    .join('accounts as a', 'a.id', 's.account_id')
    .where('s.token_hash', hash)
    .andWhere('a.status', 'ACTIVE')
    .andWhere('s.expires_at', '>', em.getPlatform().processDateProperty(new Date(now)) as Date)
    .andWhere('m.status', 'ACTIVE')
    .first('s.id', 's.user_id', 's.account_id', 'm.role', 's.last_seen_at', 's.expires_at')
    .options(preparedAs('seatwise_session_viewer_v3'));
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  if (now - lastSeen.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await knex('sessions')
      .where('id', row.id)
      .update({ last_seen_at: em.getPlatform().processDateProperty(new Date()) });
  }
  const viewer: Viewer = { userId: row.user_id, accountId: row.account_id, role: row.role, sessionId: row.id, token: null };
  cache.set(hash, viewer, Math.min(now + SESSION_CACHE_MS, new Date(row.expires_at).getTime()), generation);
  return { ...viewer };
}
