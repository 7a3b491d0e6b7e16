import { serialize, parse } from 'cookie';
import QRCode from 'qrcode';
import {
  type AuthenticatorSetup,
  type CompleteSignInInput,
  type ConfirmTwoStepInput,
  type RecoveryCodes,
  type RegenerateRecoveryCodesInput,
  SecondStepCodeKind,
  type SecondStepChallenge,
  type SignInPayload,
  type SmsSetup,
  type StartAuthenticatorSetupInput,
  type StartSmsSetupInput,
  type TurnOffTwoStepInput,
  TwoStepMethod,
  type TwoStepStatus,
} from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import type { AccountContext, RequestContext } from '../../../context.js';
import { AppError, InvalidInputError, msg } from '../../../errors.js';
import { inTransaction } from '../../../common/transaction.js';
import { publish, type Publishing } from '../../jobs/event-bus.js';
import { membershipHooks } from '../memberships.port.js';
import { openSession, signInMembership } from '../sign-in-session.js';
import { checkPasswordSignIn } from '../sso-required.js';
import { verifyPassword } from '../password.js';
import { checkPasswordThrottled } from '../rate-limits.js';
import { publishSecurityAlert } from '../security-alerts.js';
import { hashToken, newToken } from '../session.service.js';
import { User } from '../user.entity.js';
import { openStaffSession, staffMemberOf } from '../staff/staff-session.service.js';
import {
  hashCode,
  newRecoveryCode,
  newSmsCode,
  newTotpSecret,
  normaliseDigits,
  normalisePhone,
  normaliseRecoveryCode,
  phoneHint,
  RECOVERY_CODE_COUNT,
  totpFor,
  totpStep,
} from './codes.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { openSecret, sealSecret } from './secret-box.js';
import { SignInChallenge } from './sign-in-challenge.entity.js';
import { TwoStepFactor } from './two-step-factor.entity.js';

const MINUTE = 60_000;
const SMS_CODE_MINUTES = 10;
const SMS_RESEND_MS = 30_000;
/** Wrong codes in a row before codes are refused for a while; held in the database, so across instances. */
const MAX_FAILED_ATTEMPTS = 5;
const LOCK_MS = 15 * MINUTE;
const CHALLENGE_MS = 10 * MINUTE;
export const CHALLENGE_COOKIE = 'seatwise_2step';

// ---------------------------------------------------------------------------------------------
// Status and set-up (signed in)

async function viewerUser(ctx: AccountContext): Promise<User> {
  return ctx.em.findOneOrFail(User, ctx.viewer.userId);
}

async function requirePassword(ctx: AccountContext, user: User, password: string | null | undefined): Promise<void> {
  if (!password) throw new InvalidInputError('password', msg('Enter your current password.'));
  const right = await checkPasswordThrottled(ctx, user.email, 'password', async () =>
    user.passwordHash ? verifyPassword(user.passwordHash, password) : false,
  );
  if (!right) {
    throw new InvalidInputError('password', msg('The password is not correct.'));
  }
}

function enabledFactor(em: EntityManager, userId: string): Promise<TwoStepFactor | null> {
  return em.findOne(TwoStepFactor, { user: userId, enabledAt: { $ne: null } });
}

export async function twoStepStatus(em: EntityManager, userId: string): Promise<TwoStepStatus> {
  const factor = await enabledFactor(em, userId);
  if (!factor) return { enabled: false, method: null, phoneHint: null, recoveryCodesLeft: 0, enabledAt: null };
  const recoveryCodesLeft = await em.count(RecoveryCode, { user: userId, usedAt: null });
  return {
    enabled: true,
    method: factor.method,
    phoneHint: factor.phone ? phoneHint(factor.phone) : null,
    recoveryCodesLeft,
    enabledAt: factor.enabledAt,
  };
}

/**
 * The row a new set-up writes to: an unfinished set-up is reused (keeping its count of wrong codes,
 * so starting over does not reset the limit); with 2-step already on, it must be turned off first.
 */
async function factorForSetup(ctx: AccountContext, user: User, method: TwoStepMethod): Promise<TwoStepFactor> {
  const existing = await ctx.em.findOne(TwoStepFactor, { user });
  if (existing?.enabledAt) {
    throw new AppError('TWO_STEP_ALREADY_ON', msg('2-step verification is already on. Turn it off first to change the method.'));
  }
  const factor = existing ?? ctx.em.create(TwoStepFactor, { user, method });
  Object.assign(factor, { method, secretSealed: null, phone: null, lastUsedStep: null, smsCodeHash: null, smsCodeExpiresAt: null });
  return factor;
}

export async function startAuthenticatorSetup(ctx: AccountContext, input: StartAuthenticatorSetupInput): Promise<AuthenticatorSetup> {
  const user = await viewerUser(ctx);
  await requirePassword(ctx, user, input.password);
  const factor = await factorForSetup(ctx, user, TwoStepMethod.AUTHENTICATOR_APP);
  const secret = newTotpSecret();
  factor.secretSealed = sealSecret(ctx.config, secret);
  await ctx.em.flush();
  const otpauthUri = totpFor(secret, user.email, await ctx.brandName()).toString();
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

export async function startSmsSetup(ctx: AccountContext, input: StartSmsSetupInput): Promise<SmsSetup> {
  const phone = normalisePhone(input.phone);
  if (!phone) throw new InvalidInputError('phone', msg('Enter a mobile number in international format, e.g. +386 40 123 456.'));
  const user = await viewerUser(ctx);
  await requirePassword(ctx, user, input.password);
  const factor = await factorForSetup(ctx, user, TwoStepMethod.SMS);
  factor.phone = phone;
  assertCanSendSms(factor);
  const code = issueSmsCode(factor);
  sendCodeAfterCommit(ctx, phone, user, code);
  await ctx.em.flush();
  ctx.events.wake();
  return { phoneHint: phoneHint(phone) };
}

/** Turns 2-step on once the app or phone has produced a right code; answers the recovery codes. */
export async function confirmTwoStep(ctx: AccountContext, input: ConfirmTwoStepInput): Promise<RecoveryCodes> {
  const user = await viewerUser(ctx);
  const factor = await ctx.em.findOne(TwoStepFactor, { user });
  if (!factor || factor.enabledAt) {
    throw new AppError('NO_TWO_STEP_SETUP', msg('There is no 2-step set-up to confirm. Start again.'), 'code');
  }
  const kind = factor.method === TwoStepMethod.SMS ? SecondStepCodeKind.SMS : SecondStepCodeKind.AUTHENTICATOR_APP;
  await checkCode(ctx, factor, input.code, kind);
  factor.enabledAt = new Date();
  const codes = replaceRecoveryCodes(ctx.em, user);
  await ctx.em.flush();
  return { codes };
}

export async function regenerateRecoveryCodes(ctx: AccountContext, input: RegenerateRecoveryCodesInput): Promise<RecoveryCodes> {
  const user = await viewerUser(ctx);
  await requirePassword(ctx, user, input.password);
  if (!(await enabledFactor(ctx.em, user.id))) throw new AppError('TWO_STEP_OFF', msg('2-step verification is off: there are no recovery codes.'));
  const codes = await inTransaction(ctx, async (tx) => {
    await tx.em.nativeDelete(RecoveryCode, { user: user.id });
    return replaceRecoveryCodes(tx.em, tx.em.getReference(User, user.id));
  });
  return { codes };
}

function replaceRecoveryCodes(em: EntityManager, user: User): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  for (const code of codes) em.create(RecoveryCode, { user, codeHash: hashCode(normaliseRecoveryCode(code)) });
  return [...codes];
}

/** Needs the password, or a code of the current method (or a recovery code). Sends the security alert. */
export async function turnOffTwoStep(ctx: AccountContext, input: TurnOffTwoStepInput): Promise<TwoStepStatus> {
  const user = await viewerUser(ctx);
  const factor = await enabledFactor(ctx.em, user.id);
  if (!factor) throw new AppError('TWO_STEP_OFF', msg('2-step verification is already off.'));
  if (input.password) {
    await requirePassword(ctx, user, input.password);
  } else if (input.code) {
    const kind = /^[\d\s-]+$/.test(input.code)
      ? factor.method === TwoStepMethod.SMS
        ? SecondStepCodeKind.SMS
        : SecondStepCodeKind.AUTHENTICATOR_APP
      : SecondStepCodeKind.RECOVERY_CODE;
    await checkCode(ctx, factor, input.code, kind);
  } else {
    throw new InvalidInputError('password', msg('Enter your current password or a code to turn 2-step verification off.'));
  }
  await inTransaction(ctx, async (tx) => {
    await tx.em.nativeDelete(RecoveryCode, { user: user.id });
    await tx.em.nativeDelete(SignInChallenge, { user: user.id });
    await tx.em.nativeDelete(TwoStepFactor, { id: factor.id });
    publishSecurityAlert(tx, user, 'TWO_STEP_OFF');
  });
  ctx.em.clear();
  return twoStepStatus(ctx.em, user.id);
}

/** For turning 2-step off with a code when the method is SMS. */
export async function sendTwoStepSmsCode(ctx: AccountContext): Promise<SmsSetup> {
  const user = await viewerUser(ctx);
  const factor = await enabledFactor(ctx.em, user.id);
  if (!factor || factor.method !== TwoStepMethod.SMS || !factor.phone) {
    throw new AppError('NO_SMS_METHOD', msg('Your 2-step verification does not use text messages.'));
  }
  await sendFactorSms(ctx, user, factor);
  return { phoneHint: phoneHint(factor.phone) };
}

// ---------------------------------------------------------------------------------------------
// Codes

function issueSmsCode(factor: TwoStepFactor): string {
  const code = newSmsCode();
  factor.smsCodeHash = hashCode(code);
  factor.smsCodeExpiresAt = new Date(Date.now() + SMS_CODE_MINUTES * MINUTE);
  factor.smsSentAt = new Date();
  return code;
}

/** One text message per 30 seconds and person: SMS costs money and must not be pumped. */
function assertCanSendSms(factor: TwoStepFactor): void {
  if (factor.smsSentAt && Date.now() - factor.smsSentAt.getTime() < SMS_RESEND_MS) {
    const seconds = Math.ceil((SMS_RESEND_MS - (Date.now() - factor.smsSentAt.getTime())) / 1000);
    throw new AppError('TOO_MANY_REQUESTS', msg('A code was just sent. Wait {count} seconds before asking for another.', { count: seconds }));
  }
}

async function sendFactorSms(ctx: RequestContext, user: User, factor: TwoStepFactor): Promise<void> {
  assertCanSendSms(factor);
  const code = issueSmsCode(factor);
  sendCodeAfterCommit(ctx, factor.phone!, user, code);
  await ctx.em.flush();
  ctx.events.wake();
}

/**
 * The text message with `code`, through the outbox (`identity.sms-code`): written with the change
 * that issued the code, sent once it committed, retried while the SMS provider is unreachable.
 */
function sendCodeAfterCommit(tx: Publishing, to: string, user: User, code: string): void {
  publish(tx, 'identity.sms-code', { to, language: user.language, code, minutes: SMS_CODE_MINUTES });
}

const dbDate = (em: EntityManager, date: Date) => em.getPlatform().processDateProperty(date) as Date;

/**
 * Checks one code and uses it up, or counts a failure (kept even though the request fails, and in
 * the database, so the limit holds across instances). Every check is a conditional update, so a
 * code is accepted once even when two requests race.
 */
async function checkCode(ctx: RequestContext, factor: TwoStepFactor, rawCode: string, kind: SecondStepCodeKind): Promise<void> {
  if (factor.lockedUntil && factor.lockedUntil.getTime() > Date.now()) throw tooManyAttempts(factor.lockedUntil);
  const expected = factor.method === TwoStepMethod.SMS ? SecondStepCodeKind.SMS : SecondStepCodeKind.AUTHENTICATOR_APP;
  if (kind !== SecondStepCodeKind.RECOVERY_CODE && kind !== expected) {
    throw new InvalidInputError(
      'kind',
      expected === SecondStepCodeKind.SMS
        ? msg('Your 2-step verification uses text messages: enter the code sent to your phone.')
        : msg('Your 2-step verification uses an authenticator app: enter the code it shows.'),
    );
  }
  let accepted: boolean;
  if (kind === SecondStepCodeKind.RECOVERY_CODE) {
    const code = normaliseRecoveryCode(rawCode);
    if (!/^[A-Z0-9]{8}$/.test(code)) throw new InvalidInputError('code', msg('A recovery code has 8 letters and digits, like ABCD-EFGH.'));
    accepted = await useRecoveryCode(ctx.em, factor.user.id, code);
  } else {
    const code = normaliseDigits(rawCode);
    if (!/^\d{6}$/.test(code)) throw new InvalidInputError('code', msg('Enter the 6-digit code.'));
    accepted = kind === SecondStepCodeKind.SMS ? await useSmsCode(ctx.em, factor, code) : await useTotpCode(ctx, factor, code);
  }
  const knex = ctx.em.getKnex();
  if (accepted) {
    await knex('two_step_factors').where('id', factor.id).update({ failed_attempts: 0, locked_until: null });
    factor.failedAttempts = 0;
    factor.lockedUntil = null;
    return;
  }
  await knex('two_step_factors').where('id', factor.id).increment('failed_attempts', 1);
  const row = (await knex('two_step_factors').where('id', factor.id).first('failed_attempts')) as { failed_attempts: number | string };
  if (Number(row.failed_attempts) >= MAX_FAILED_ATTEMPTS) {
    const lockedUntil = new Date(Date.now() + LOCK_MS);
    await knex('two_step_factors').where('id', factor.id).update({ failed_attempts: 0, locked_until: dbDate(ctx.em, lockedUntil) });
    throw tooManyAttempts(lockedUntil);
  }
  throw new InvalidInputError(
    'code',
    kind === SecondStepCodeKind.RECOVERY_CODE
      ? msg('That recovery code is not valid or was already used.')
      : kind === SecondStepCodeKind.SMS
        ? msg('That code is not correct or has expired.')
        : msg('That code is not correct. Enter the code the app shows now.'),
  );
}

function tooManyAttempts(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / MINUTE));
  return new AppError('TOO_MANY_ATTEMPTS', msg('Too many wrong codes. Try again in {count} minutes.', { count: minutes }), 'code');
}

async function useTotpCode(ctx: RequestContext, factor: TwoStepFactor, code: string): Promise<boolean> {
  if (!factor.secretSealed) return false;
  const step = totpStep(openSecret(ctx.config, factor.secretSealed), code);
  if (step === null) return false;
  // A code is good once: only a step later than the last accepted one counts.
  const updated = await ctx.em
    .getKnex()('two_step_factors')
    .where('id', factor.id)
    .andWhere((query) => query.whereNull('last_used_step').orWhere('last_used_step', '<', step))
    .update({ last_used_step: step });
  if (updated !== 1) return false;
  factor.lastUsedStep = step;
  return true;
}

async function useSmsCode(em: EntityManager, factor: TwoStepFactor, code: string): Promise<boolean> {
  const updated = await em
    .getKnex()('two_step_factors')
    .where('id', factor.id)
    .andWhere('sms_code_hash', hashCode(code))
    .andWhere('sms_code_expires_at', '>', dbDate(em, new Date()))
    .update({ sms_code_hash: null, sms_code_expires_at: null });
  if (updated !== 1) return false;
  factor.smsCodeHash = null;
  factor.smsCodeExpiresAt = null;
  return true;
}

async function useRecoveryCode(em: EntityManager, userId: string, code: string): Promise<boolean> {
  const updated = await em
    .getKnex()('two_step_recovery_codes')
    .where({ user_id: userId, code_hash: hashCode(code) })
    .whereNull('used_at')
    .update({ used_at: dbDate(em, new Date()) });
  return updated === 1;
}

// ---------------------------------------------------------------------------------------------
// The second step of signing in

const challengeCookieOptions = (ctx: RequestContext) =>
  ({ httpOnly: true, sameSite: 'lax', secure: ctx.config.production, path: '/' }) as const;

/**
 * Called by `signIn` after the password was right: with 2-step on, records a pending sign-in
 * (cookie with a random token, only its hash stored) instead of a session, and for SMS sends a code.
 */
export async function beginSecondStep(ctx: RequestContext, user: User): Promise<SecondStepChallenge | null> {
  const factor = await enabledFactor(ctx.em, user.id);
  if (!factor) return null;
  const token = newToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_MS);
  await inTransaction(ctx, async (tx) => {
    await tx.em.nativeDelete(SignInChallenge, { user, expiresAt: { $lt: new Date() } });
    tx.em.create(SignInChallenge, { tokenHash: hashToken(token), user, expiresAt });
    // Each sign-in whose password was right gets a fresh text message; resending is limited.
    if (factor.method === TwoStepMethod.SMS) sendCodeAfterCommit(tx, factor.phone!, user, issueSmsCode(factor));
  });
  ctx.res.append('Set-Cookie', serialize(CHALLENGE_COOKIE, token, { ...challengeCookieOptions(ctx), expires: expiresAt }));
  return { method: factor.method, phoneHint: factor.phone ? phoneHint(factor.phone) : null, expiresAt };
}

async function pendingSignIn(ctx: RequestContext): Promise<{ challenge: SignInChallenge; factor: TwoStepFactor }> {
  const header = ctx.req.headers.cookie;
  const token = header ? parse(header)[CHALLENGE_COOKIE] : undefined;
  const challenge = token
    ? await ctx.em.findOne(SignInChallenge, { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } }, { populate: ['user'] })
    : null;
  const factor = challenge ? await enabledFactor(ctx.em, challenge.user.id) : null;
  if (!challenge || !factor) {
    throw new AppError('SECOND_STEP_EXPIRED', msg('This sign-in has expired. Sign in with your email and password again.'));
  }
  return { challenge, factor };
}

/** Resends the text-message code of a pending sign-in. */
export async function sendSignInSmsCode(ctx: RequestContext): Promise<SecondStepChallenge> {
  const { challenge, factor } = await pendingSignIn(ctx);
  if (factor.method !== TwoStepMethod.SMS || !factor.phone) {
    throw new AppError('NO_SMS_METHOD', msg('Your 2-step verification uses an authenticator app, not text messages.'));
  }
  await sendFactorSms(ctx, challenge.user, factor);
  return { method: factor.method, phoneHint: phoneHint(factor.phone), expiresAt: challenge.expiresAt };
}

/** Checks the second step and only then opens the session. */
export async function completeSignIn(ctx: RequestContext, input: CompleteSignInInput): Promise<SignInPayload> {
  const { challenge, factor } = await pendingSignIn(ctx);
  await checkCode(ctx, factor, input.code, input.kind);
  const user = challenge.user;
  const membership = await signInMembership(ctx, user);
  ctx.em.remove(challenge);
  ctx.res.append('Set-Cookie', serialize(CHALLENGE_COOKIE, '', { ...challengeCookieOptions(ctx), maxAge: 0 }));
  if (!membership) {
    const staff = await staffMemberOf(ctx.em, user);
    if (staff) {
      await ctx.em.flush();
      return { viewer: null, secondStep: null, staff: await openStaffSession(ctx, user, staff) };
    }
    await ctx.em.flush();
    throw new AppError('INVALID_CREDENTIALS', msg('The email address or password is not correct.'));
  }
  if (membership.account.ssoRequired) {
    // The role may have changed since the password step: only the primary admin gets through.
    checkPasswordSignIn(membership, true);
    membershipHooks().recordBreakGlass(ctx.em, user, membership);
  }
  // openSession sends the new-sign-in alert when this browser is new to the person.
  return { viewer: await openSession(ctx, user, membership), secondStep: null };
}
