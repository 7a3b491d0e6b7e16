import type { EntityManager } from '@mikro-orm/knex';
import QRCode from 'qrcode';
import {
  type AuthenticatorSetup,
  type BeginOperatorSetupInput,
  type CompleteOperatorSetupInput,
  Language,
  type OperatorSetupLink,
  type OperatorSetupResult,
  TwoStepMethod,
  VendorRole,
} from '@seatwise/schema';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { inTransaction, isUniqueViolation, run } from '../../common/transaction.js';
import { hashPassword } from '../identity/password.js';
import { checkNewPassword } from '../identity/password-policy.js';
import { hashToken, newToken } from '../identity/session.service.js';
import { hashCode, newRecoveryCode, newTotpSecret, normaliseDigits, normaliseRecoveryCode, RECOVERY_CODE_COUNT, totpFor, totpStep } from '../identity/two-step/codes.js';
import { RecoveryCode } from '../identity/two-step/recovery-code.entity.js';
import { openSecret, sealSecret } from '../identity/two-step/secret-box.js';
import { TwoStepFactor } from '../identity/two-step/two-step-factor.entity.js';
import { User } from '../identity/user.entity.js';
import { requirePerson } from '../users/person-rules.js';
import { SetupLink } from './setup-link.entity.js';
import { openStaffSession } from '../identity/staff/staff-session.service.js';
import { recordVendorAudit } from './vendor-audit.service.js';
import { VendorStaffMember } from '../identity/staff/vendor-staff.entity.js';

/** Wrong first codes a link takes before it stops working. */
const MAX_WRONG_CODES = 5;

/** A set-up link works for an hour, once. */
export const SETUP_LINK_HOURS = 1;

export const setupUrl = (config: Config, token: string) => `${config.publicUrl}/setup/${encodeURIComponent(token)}`;

export interface IssuedSetupLink {
  url: string;
  expiresAt: Date;
}

/** A new set-up link (only its hash is stored); `email` fixes who it is for. */
export async function issueSetupLink(
  em: EntityManager,
  config: Config,
  options: { email?: string | null; role?: VendorRole; firstRun?: boolean; actorId?: string | null },
): Promise<IssuedSetupLink> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SETUP_LINK_HOURS * 60 * 60 * 1000);
  const role = options.role ?? VendorRole.OPERATOR;
  em.create(SetupLink, { tokenHash: hashToken(token), email: options.email ?? null, role, firstRun: options.firstRun ?? false, expiresAt });
  recordVendorAudit(em, {
    actorId: options.actorId ?? null,
    action: 'staff.setup-link',
    summary: options.firstRun ? 'Set-up link for the first operator issued at start-up' : `Set-up link issued for ${options.email ?? 'a new staff member'} as ${role}`,
    details: { email: options.email ?? null, role },
  });
  await em.flush();
  return { url: setupUrl(config, token), expiresAt };
}

/**
 * At start-up: an install with nobody on the vendor's staff gets a fresh first-run link (earlier
 * unused ones stop working); once anyone is on the staff, nothing.
 */
export async function firstRunSetupLink(em: EntityManager, config: Config): Promise<IssuedSetupLink | null> {
  if ((await em.count(VendorStaffMember, {})) > 0) return null;
  await em.nativeDelete(SetupLink, { firstRun: true, usedAt: null });
  return issueSetupLink(em, config, { firstRun: true });
}

/** `operator:create` and the console's `createStaffSetupLink`: refuses an address that already signs in to Seatwise, then issues its link. */
export async function createStaffSetupLink(em: EntityManager, config: Config, rawEmail: string, role: VendorRole, actorId: string | null = null): Promise<IssuedSetupLink> {
  const email = checkEmail(rawEmail);
  await assertEmailFree(em, email);
  return issueSetupLink(em, config, { email, role, actorId });
}

function checkEmail(raw: string): string {
  return requirePerson({ email: raw, firstName: '-', lastName: '-' }).email;
}

async function assertEmailFree(em: EntityManager, email: string): Promise<void> {
  if (await em.findOne(User, { email })) {
    throw new InvalidInputError(
      'email',
      msg('{email} already signs in to Seatwise. Vendor staff belong to no customer account: use another address.', { email }),
    );
  }
}

const linkInvalid = () =>
  new AppError('SETUP_LINK_INVALID', msg('This set-up link does not work: it was already used or has expired. Run `npm run seatwise -- operator:create` or restart the server for a new one.'), 'token');

async function liveLink(em: EntityManager, token: string): Promise<SetupLink> {
  const link = token ? await em.findOne(SetupLink, { tokenHash: hashToken(token) }) : null;
  if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) throw linkInvalid();
  return link;
}

/** What the /setup page shows before anything is typed. */
export async function operatorSetupLink(ctx: RequestContext, token: string): Promise<OperatorSetupLink> {
  const link = await liveLink(ctx.em, token);
  return { email: link.email, role: link.role, expiresAt: link.expiresAt };
}

/**
 * Step one: who the person is and their password; answers the authenticator secret to scan.
 * Kept on the link until the first code is right, so an abandoned set-up leaves no person behind.
 */
export async function beginOperatorSetup(ctx: RequestContext, input: BeginOperatorSetupInput): Promise<AuthenticatorSetup> {
  const link = await liveLink(ctx.em, input.token);
  const person = requirePerson({ email: link.email ?? input.email ?? '', firstName: input.firstName, lastName: input.lastName });
  await assertEmailFree(ctx.em, person.email);
  checkNewPassword('password', input.password, person);
  const secret = newTotpSecret();
  Object.assign(link, {
    pendingEmail: person.email,
    pendingFirstName: person.firstName,
    pendingLastName: person.lastName,
    pendingLanguage: input.language ?? Language.EN,
    pendingPasswordHash: await hashPassword(input.password),
    pendingSecretSealed: sealSecret(ctx.config, secret),
  });
  await ctx.em.flush();
  const otpauthUri = totpFor(secret, person.email, await ctx.brandName()).toString();
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/**
 * Step two: the app's first code. In one transaction the link is used up (a conditional update,
 * so two tabs cannot both finish), the person, their staff role and their 2-step factor are
 * written; then they are signed in to the Vendor console.
 */
export async function completeOperatorSetup(ctx: RequestContext, input: CompleteOperatorSetupInput): Promise<OperatorSetupResult> {
  const link = await liveLink(ctx.em, input.token);
  if (!link.pendingSecretSealed || !link.pendingEmail || !link.pendingPasswordHash) {
    throw new AppError('SETUP_NOT_STARTED', msg('Enter your name and password first, then scan the code.'), 'code');
  }
  const code = normaliseDigits(input.code);
  if (!/^\d{6}$/.test(code)) throw new InvalidInputError('code', msg('Enter the 6-digit code.'));
  const step = totpStep(openSecret(ctx.config, link.pendingSecretSealed), code);
  if (step === null) {
    // Counted in the database (across instances); the fifth wrong code uses the link up.
    await run(ctx, 'update vendor_setup_links set failed_attempts = failed_attempts + 1 where id = ?', [link.id]);
    await run(ctx, 'update vendor_setup_links set used_at = ? where id = ? and failed_attempts >= ?', [
      ctx.em.getPlatform().processDateProperty(new Date()),
      link.id,
      MAX_WRONG_CODES,
    ]);
    throw new InvalidInputError('code', msg('That code is not correct. Enter the code the app shows now.'));
  }

  const recoveryCodes = new Set<string>();
  while (recoveryCodes.size < RECOVERY_CODE_COUNT) recoveryCodes.add(newRecoveryCode());
  const { user, member } = await inTransaction(ctx, async (tx) => {
    const used = await run(tx, 'update vendor_setup_links set used_at = ? where id = ? and used_at is null', [
      tx.em.getPlatform().processDateProperty(new Date()),
      link.id,
    ]);
    if (used !== 1) throw linkInvalid();
    const user = tx.em.create(User, {
      email: link.pendingEmail!,
      firstName: link.pendingFirstName!,
      lastName: link.pendingLastName!,
      sortName: '',
      passwordHash: link.pendingPasswordHash,
      language: link.pendingLanguage ?? Language.EN,
    });
    user.setName(link.pendingFirstName!, link.pendingLastName!);
    const member = tx.em.create(VendorStaffMember, { user, role: link.role });
    tx.em.create(TwoStepFactor, {
      user,
      method: TwoStepMethod.AUTHENTICATOR_APP,
      secretSealed: link.pendingSecretSealed,
      lastUsedStep: step,
      enabledAt: new Date(),
    });
    for (const recovery of recoveryCodes) tx.em.create(RecoveryCode, { user, codeHash: hashCode(normaliseRecoveryCode(recovery)) });
    recordVendorAudit(tx.em, {
      actorId: user.id,
      action: 'staff.create',
      summary: `${user.email} joined the vendor's staff as ${link.role} through a set-up link`,
      details: { email: user.email, role: link.role },
    });
    await tx.em.flush();
    return { user, member };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new InvalidInputError('email', msg('{email} already signs in to Seatwise. Vendor staff belong to no customer account: use another address.', { email: link.pendingEmail! }));
    throw error;
  });
  ctx.em.clear();
  const staff = await openStaffSession(ctx, ctx.em.merge(user), ctx.em.merge(member));
  return { staff, recoveryCodes: [...recoveryCodes] };
}
