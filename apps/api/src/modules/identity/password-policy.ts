import type { PasswordPolicy } from '@seatwise/schema';
import { InvalidInputError, msg } from '../../errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Length and a refusal of the obvious, as NIST SP 800-63B recommends, rather than rules about
 * character classes that push people to predictable patterns.
 */
export const passwordPolicy: PasswordPolicy = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. A common password, one character repeated, or your own email address or name is refused.`,
};

const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', '1111111111', 'qwertyuiop', 'password12', 'password123',
  'password1234', 'passw0rd123', 'iloveyou123', 'qwerty1234', 'qwerty12345', 'abcdefghij', 'abc1234567',
  'letmein123', 'welcome123', 'admin12345', 'administrator', 'changeme123', 'seatwise123', 'geslo12345',
  'asdfghjkl1', 'zxcvbnm123', '1q2w3e4r5t', 'football123', 'monkey1234', 'dragon1234', 'sunshine12',
]);

export interface PasswordOwner {
  email: string;
  firstName: string;
  lastName: string;
}

/** Throws a BAD_USER_INPUT naming `field` when the password breaks the policy. */
export function checkNewPassword(field: string, password: string, owner: PasswordOwner): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new InvalidInputError(field, msg('The new password is too short: use at least {min} characters.', { min: PASSWORD_MIN_LENGTH }));
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInputError(field, msg('The new password is too long: use at most {max} characters.', { max: PASSWORD_MAX_LENGTH }));
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) {
    throw new InvalidInputError(field, msg('This password is too easy to guess. Choose a less common one.'));
  }
  const personal = [owner.email, owner.email.split('@')[0] ?? '', owner.firstName, owner.lastName]
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) {
    throw new InvalidInputError(field, msg('The new password must not contain your email address or name.'));
  }
}
