import * as oidc from 'openid-client';
import { providerUnreachable, SsoSignInError } from './sso.errors.js';

/** The redirect URI Seatwise registers at every provider. */
export const ssoRedirectUri = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/api/sso/callback`;

const TIMEOUT_SECONDS = 10;

/** Plain HTTP only for a provider on this machine (development and the tests' real provider). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The provider's configuration from its discovery document (openid-client checks that the
 * document's issuer is the one asked for), with client_secret_basic authentication.
 */
export async function discoverProvider(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw providerUnreachable(issuer);
  }
  if (url.protocol !== 'https:' && !isLoopback(url)) throw providerUnreachable(issuer);
  try {
    return await oidc.discovery(url, clientId, { client_secret: clientSecret }, oidc.ClientSecretBasic(clientSecret), {
      timeout: TIMEOUT_SECONDS,
      ...(isLoopback(url) ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch {
    throw providerUnreachable(issuer);
  }
}

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newPendingSignIn(): PendingSignIn {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/** The provider's authorization address for a sign-in: code flow with state, nonce and PKCE (S256). */
export async function authorizationUrl(config: oidc.Configuration, publicUrl: string, pending: PendingSignIn, loginHint: string): Promise<string> {
  return oidc
    .buildAuthorizationUrl(config, {
      redirect_uri: ssoRedirectUri(publicUrl),
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      login_hint: loginHint,
    })
    .toString();
}

const claimRefusals: Record<string, SsoSignInError['code']> = { aud: 'SSO_WRONG_AUDIENCE', azp: 'SSO_WRONG_AUDIENCE', nonce: 'SSO_WRONG_NONCE', iss: 'SSO_WRONG_ISSUER' };

function claimOf(error: unknown): string | undefined {
  const inner = (error as { cause?: { cause?: { claim?: unknown } } }).cause?.cause?.claim;
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * Exchanges the code (with the PKCE verifier) and checks the ID token: issuer, audience, nonce,
 * expiry and state; a token that fails is refused with the claim it failed on.
 */
export async function redeemCode(config: oidc.Configuration, callbackUrl: URL, pending: PendingSignIn): Promise<oidc.IDToken> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new SsoSignInError('SSO_TOKEN_REFUSED', 'no ID token');
    return claims;
  } catch (error) {
    if (error instanceof SsoSignInError) throw error;
    if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
      throw new SsoSignInError('SSO_PROVIDER_ERROR', error.error);
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
      throw new SsoSignInError(claimRefusals[claimOf(error) ?? ''] ?? 'SSO_TOKEN_REFUSED', (error as Error).message);
    }
    throw new SsoSignInError('SSO_TOKEN_REFUSED', (error as Error).message);
  }
}
