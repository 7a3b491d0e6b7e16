import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** `issuer` is the name an authenticator app lists the code under: the vendor's brand. */
export function totpFor(secretBase32: string, label: string, issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/**
 * The time step a code belongs to, if it is the code of the current step or of one step either
 * side (clocks drift); null when it is no valid code.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secretBase32, '').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** No 0/O, 1/I/L: recovery codes are typed from paper. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

/** `ABCD-EFGH`: 40 bits each, plenty for single-use codes that are tried at a limited rate. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** How a typed recovery code is compared: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Digits only, so "123 456" from an app's display counts. */
export const normaliseDigits = (code: string) => code.replace(/[\s-]/g, '');

export function phoneHint(phone: string): string {
  return `${'•'.repeat(Math.max(phone.length - 3, 0))}${phone.slice(-3)}`;
}

/** E.164 after removing spaces, dashes, dots and brackets: "+386 40 123 456" → "+38640123456". */
export function normalisePhone(raw: string): string | null {
  const phone = raw.trim().replace(/[\s\-().]/g, '').replace(/^00/, '+');
  return /^\+[1-9]\d{7,14}$/.test(phone) ? phone : null;
}
