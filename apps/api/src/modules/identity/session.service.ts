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
}

/**
 * Finds the live session behind a cookie token with one statement: session, membership and role
 * together. A session whose membership was removed or deactivated no longer counts.
 */
/** The viewer behind the request's session cookie, if it has a live one. */
export async function sessionViewer(em: EntityManager, req: Request): Promise<Viewer | null> {
  const token = readSessionToken(req);
  return token ? resolveViewer(em, token) : null;
}

export async function resolveViewer(em: EntityManager, token: string): Promise<Viewer | null> {
  const knex = em.getKnex();
  const row: SessionRow | undefined = await knex('sessions as s')
    .join('memberships as m', function () {
      this.on('m.account_id', 's.account_id').andOn('m.user_id', 's.user_id');
    })
    // A suspended or closed customer's sessions stop counting; signing in again says why.
    .join('accounts as a', 'a.id', 's.account_id')
    .where('s.token_hash', hashToken(token))
    .andWhere('a.status', 'ACTIVE')
    .andWhere('s.expires_at', '>', em.getPlatform().processDateProperty(new Date()) as Date)
    .andWhere('m.status', 'ACTIVE')
    .first('s.id', 's.user_id', 's.account_id', 'm.role', 's.last_seen_at')
    .options(preparedAs('seatwise_session_viewer_v2'));
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  if (Date.now() - lastSeen.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await knex('sessions')
      .where('id', row.id)
      .update({ last_seen_at: em.getPlatform().processDateProperty(new Date()) });
  }
  return { userId: row.user_id, accountId: row.account_id, role: row.role, sessionId: row.id, token: null };
}
