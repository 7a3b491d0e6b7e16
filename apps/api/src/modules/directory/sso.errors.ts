import { AppError, msg } from '../../errors.js';

/** The provider's discovery document could not be read or is not an OpenID provider's. */
export const providerUnreachable = (issuer: string) =>
  new AppError('SSO_PROVIDER_UNREACHABLE', msg('The OpenID provider at {issuer} did not answer with its discovery document.', { issuer }), 'issuer');

export const domainNotVerified = (domain: string) =>
  new AppError('SSO_DOMAIN_NOT_VERIFIED', msg('The domain {domain} is not verified for single sign-on in this account.', { domain }), 'domain');

/** Why a sign-in through a provider was refused: a stable code the sign-in page words. */
export type SsoRefusal =
  | 'SSO_STATE_MISMATCH'
  | 'SSO_WRONG_AUDIENCE'
  | 'SSO_WRONG_NONCE'
  | 'SSO_WRONG_ISSUER'
  | 'SSO_TOKEN_REFUSED'
  | 'SSO_PROVIDER_ERROR'
  | 'SSO_DOMAIN_NOT_VERIFIED'
  | 'SSO_IDENTITY_MISMATCH'
  | 'SSO_NOT_A_MEMBER'
  | 'SSO_JIT_CLAIM_MISSING'
  | 'SSO_MEMBERSHIP_INACTIVE';

/** A refused sign-in through a provider; the callback sends the browser to the sign-in page with its code. */
export class SsoSignInError extends Error {
  constructor(readonly code: SsoRefusal, detail?: string) {
    super(detail ?? code);
  }
}
