import { ApiScope, ApiTokenKind, personalOnlyScopes, Role } from '@seatwise/schema';
import { type Message, msg } from '../../i18n/messages.js';

export const MAX_ACTIVE_TOKENS = 50;
export const MAX_EXPIRY_DAYS = 365;
export const MAX_NAME_LENGTH = 100;

/** A person with the User role works only with their own profile and products. */
const userRoleScopes: readonly ApiScope[] = [
  ApiScope.READ_PROFILE,
  ApiScope.WRITE_PROFILE,
  ApiScope.READ_PRODUCTS,
  ApiScope.WRITE_PRODUCTS,
];

/** Why a scope cannot be given to a token of this kind created by this role; null when it can. */
export function scopeRefusal(scope: ApiScope, kind: ApiTokenKind, role: Role): Message | null {
  if (kind === ApiTokenKind.SERVICE && personalOnlyScopes.includes(scope)) {
    return msg('{scope} is about one person: only personal tokens can have it.', { scope });
  }
  if (kind === ApiTokenKind.PERSONAL && role === Role.USER && !userRoleScopes.includes(scope)) {
    return msg('Your role cannot use {scope}; you can choose {allowed}.', { scope, allowed: userRoleScopes.join(', ') });
  }
  return null;
}
