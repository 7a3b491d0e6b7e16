import { Role } from '@seatwise/schema';
import { AppError, msg } from '../../errors.js';
import type { AccountPlace } from './memberships.port.js';

/**
 * An account that requires single sign-on takes no password sign-in, except its primary admin's
 * (break-glass), and theirs only with 2-step verification: `hasSecondStep` says whether it is on.
 */
export function checkPasswordSignIn(place: AccountPlace, hasSecondStep: boolean): void {
  if (!place.account.ssoRequired) return;
  if (place.role !== Role.PRIMARY_ADMIN) {
    throw new AppError('SSO_REQUIRED', msg('{account} signs in with single sign-on: choose Use single sign-on and use your work account.', { account: place.account.name }));
  }
  if (!hasSecondStep) {
    throw new AppError('BREAK_GLASS_NEEDS_TWO_STEP', msg('{account} requires single sign-on: the primary admin may sign in with a password only with 2-step verification on.', { account: place.account.name }));
  }
}
