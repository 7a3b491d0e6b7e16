import { type ApiScope, apiScopeName, type ApiTokenKind, type Role } from '@seatwise/schema';
import { apiScopeRules, scopeRefusal as refusalOf, userRoleScopes } from '@seatwise/schema/client';
import { type Message, msg } from '../../i18n/messages.js';

export const MAX_ACTIVE_TOKENS = 50;
export const MAX_EXPIRY_DAYS = 365;
export const MAX_NAME_LENGTH = 100;

/**
 * Why a scope cannot be given to a token of this kind created by this role; null when it can. The
 * rules are the contract's (`@seatwise/schema/client`, which the SPA's form reads too); this only
 * words them.
 */
export function scopeRefusal(scope: ApiScope, kind: ApiTokenKind, role: Role): Message | null {
  switch (refusalOf(apiScopeName(scope), kind, role)) {
    case 'PERSONAL_ONLY':
      return msg('{scope} is about one person: only personal tokens can have it.', { scope });
    case 'ROLE': {
      const allowed = userRoleScopes.map((name) => apiScopeRules[name].value).join(', ');
      return msg('Your role cannot use {scope}; you can choose {allowed}.', { scope, allowed });
    }
    case null:
      return null;
  }
}
