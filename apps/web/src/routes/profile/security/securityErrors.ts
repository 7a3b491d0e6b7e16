import { CombinedGraphQLErrors } from '@apollo/client';

/** What the forms of the Security tab need from a failed mutation: which field, which message key. */
export interface FieldError {
  field: string | null;
  messageKey: string;
}

/**
 * Maps the API's error codes to translated messages, so the answer reads in the UI language; the
 * field tells the form which input to mark.
 */
export function securityError(error: unknown): FieldError {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.code;
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : null;
  switch (code) {
    case 'BAD_USER_INPUT':
      if (field === 'password') return { field, messageKey: 'security.errors.wrongPassword' };
      if (field === 'newEmail') return { field, messageKey: 'security.errors.invalidEmail' };
      if (field === 'phone') return { field, messageKey: 'security.errors.invalidPhone' };
      if (field === 'code' || field === 'kind') return { field: 'code', messageKey: 'security.errors.wrongCode' };
      return { field, messageKey: 'security.errors.generic' };
    case 'TOO_MANY_ATTEMPTS':
      return { field: 'code', messageKey: 'security.errors.tooManyAttempts' };
    case 'TOO_MANY_REQUESTS':
      return { field: null, messageKey: 'security.errors.tooManyRequests' };
    case 'TWO_STEP_ALREADY_ON':
      return { field: null, messageKey: 'security.errors.alreadyOn' };
    case 'NO_TWO_STEP_SETUP':
      return { field: null, messageKey: 'security.errors.setupGone' };
    case 'PRIMARY_ADMIN_HANDOVER_REQUIRED':
      return { field: null, messageKey: 'security.errors.primaryAdmin' };
    default:
      return { field: null, messageKey: 'security.errors.generic' };
  }
}

/** Same rules as the API: what the forms check before sending. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value.trim());
export const normalisePhone = (raw: string) => raw.trim().replace(/[\s\-().]/g, '').replace(/^00/, '+');
export const looksLikePhone = (raw: string) => /^\+[1-9]\d{7,14}$/.test(normalisePhone(raw));
export const looksLikeSixDigits = (raw: string) => /^\d{6}$/.test(raw.replace(/[\s-]/g, ''));
export const looksLikeRecoveryCode = (raw: string) => /^[A-Za-z0-9]{8}$/.test(raw.replace(/[\s-]/g, ''));
