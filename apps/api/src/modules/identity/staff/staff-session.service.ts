import type { Request } from 'express';
import { parse, serialize } from 'cookie';
import type { EntityManager } from '@mikro-orm/knex';
import type { VendorRole, VendorScope, VendorStaff, VendorStaffConnection } from '@seatwise/schema';
import type { RequestContext } from '../../../context.js';
import { preparedAs } from '../../../db/database.js';
import { UnauthenticatedError } from '../../../errors.js';
import type { User } from '../user.entity.js';
import { hashToken, newToken } from '../session.service.js';
import { StaffSession } from './staff-session.entity.js';
import { VendorStaffMember } from './vendor-staff.entity.js';
import { entityConnection, type PageArgs } from '../../../common/keyset.js';

/** Its own cookie: a browser can hold a staff session and a customer session without mixing them. */
export const STAFF_COOKIE = 'seatwise_staff_session';
const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Staff sessions are shorter than customers': the console reaches every customer. */
const STAFF_SESSION_HOURS = 12;

/** The vendor service token of a request (`Authorization: Bearer sw_vnd_…`): it acts as the vendor. */
export interface VendorTokenGrant {
  id: string;
  /** Its name, written beside its creator in the vendor audit log. */
  name: string;
  scopes: VendorScope[];
}

/**
 * Who of the vendor is asking (`ctx.staff`): a staff member from their session cookie, or a
 * vendor service token, which acts with the role of the operator who created it (`userId`),
 * limited to its scopes.
 */
export interface StaffViewer {
  userId: string;
  role: VendorRole;
  /** The staff session; null for a vendor service token. */
  sessionId: string | null;
  /** The vendor service token; null in the console. */
  token: VendorTokenGrant | null;
}

const cookieOptions = (ctx: RequestContext) => ({ httpOnly: true, sameSite: 'lax', secure: ctx.config.production, path: '/' }) as const;

function readStaffToken(req: Request): string | null {
  const header = req.headers.cookie;
  return header ? (parse(header)[STAFF_COOKIE] ?? null) : null;
}

/** The staff member behind the request's staff cookie, if it is a live session of someone still on the staff. */
export async function staffViewer(em: EntityManager, req: Request): Promise<StaffViewer | null> {
  const token = readStaffToken(req);
  if (!token) return null;
  const knex = em.getKnex();
  const row = (await knex('vendor_sessions as s')
    .join('vendor_staff as v', 'v.user_id', 's.user_id')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', hashToken(token))
    .andWhere('s.expires_at', '>', em.getPlatform().processDateProperty(new Date()) as Date)
    .whereNull('u.deleted_at')
    .first('s.id', 's.user_id', 'v.role', 's.last_seen_at')
    .options(preparedAs('seatwise_staff_viewer'))) as { id: string; user_id: string; role: VendorRole; last_seen_at: string | number | Date } | undefined;
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
    await knex('vendor_sessions').where('id', row.id).update({ last_seen_at: em.getPlatform().processDateProperty(new Date()) });
  }
  return { userId: row.user_id, role: row.role, sessionId: row.id, token: null };
}

export function staffMemberOf(em: EntityManager, user: User | string): Promise<VendorStaffMember | null> {
  return em.findOne(VendorStaffMember, { user });
}

export const toVendorStaff = (user: User, member: VendorStaffMember): VendorStaff => ({
  id: user.id,
  email: user.email,
  firstName: user.firstName,
  lastName: user.lastName,
  language: user.language,
  role: member.role,
});

/** Opens a staff session for someone who passed every sign-in step (2-step included) and sets its cookie. */
export async function openStaffSession(ctx: RequestContext, user: User, member: VendorStaffMember): Promise<VendorStaff> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + STAFF_SESSION_HOURS * 60 * 60 * 1000);
  const session = ctx.em.create(StaffSession, {
    tokenHash: hashToken(token),
    user,
    expiresAt,
    ip: ctx.req.ip ?? null,
    userAgent: ctx.req.headers['user-agent']?.slice(0, 400) ?? null,
  });
  user.lastSignInAt = new Date();
  await ctx.em.flush();
  ctx.res.append('Set-Cookie', serialize(STAFF_COOKIE, token, { ...cookieOptions(ctx), expires: expiresAt }));
  ctx.staff = { userId: user.id, role: member.role, sessionId: session.id, token: null };
  return toVendorStaff(user, member);
}

/** Ends the request's staff session, if it has one (part of `signOut`). */
export async function endStaffSession(ctx: RequestContext): Promise<void> {
  const token = readStaffToken(ctx.req);
  if (!token) return;
  await ctx.em.nativeDelete(StaffSession, { tokenHash: hashToken(token) });
  ctx.res.append('Set-Cookie', serialize(STAFF_COOKIE, '', { ...cookieOptions(ctx), maxAge: 0 }));
  ctx.staff = null;
}

/** The signed-in staff member, for `vendorViewer`; null when the request is not a staff session. */
export async function currentStaff(ctx: RequestContext): Promise<VendorStaff | null> {
  if (!ctx.staff) return null;
  const member = await ctx.em.findOne(VendorStaffMember, { user: ctx.staff.userId }, { populate: ['user'] });
  if (!member) throw new UnauthenticatedError();
  return toVendorStaff(member.user, member);
}

/** Everyone on the vendor's staff, by name. */
export async function listStaff(ctx: RequestContext, page: PageArgs): Promise<VendorStaffConnection> {
  return entityConnection(
    ctx.em,
    VendorStaffMember,
    { user: { deletedAt: null } },
    { path: ['user', 'sortName'], direction: 'asc' },
    page,
    (members) => members.map((member) => toVendorStaff(member.user, member)),
    { populate: ['user'] },
  );
}
