import * as oidc from 'openid-client';
import { CliError, ExitCode } from './errors.js';
import type { Session, Store } from './store.js';

/** What the product asks for: who the person is, and a refresh token to stay signed in. */
export const SCOPES = 'openid profile email offline_access';
const DEVICE_CODE_EXPIRED = 'The code expired before anyone approved it. Run `login` again for a new code.';

/**
 * The server's address without a trailing slash (e.g. `https://licences.example.com`). http is
 * allowed only to this machine (a Seatwise on localhost while developing); anything else must be https.
 */
export function checkServerUrl(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError(ExitCode.USAGE, `"${server}" is not a URL: give the Seatwise address, e.g. https://licences.example.com.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new CliError(ExitCode.USAGE, `${url.origin} is not https: tokens and leases travel only over https (http only to localhost).`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Seatwise's OpenID provider, by discovery (`<server>/oidc/.well-known/openid-configuration`). */
export async function provider(server: string, clientId: string): Promise<oidc.Configuration> {
  const base = checkServerUrl(server);
  const execute = base.startsWith('http:') ? [oidc.allowInsecureRequests] : [];
  try {
    return await oidc.discovery(new URL(`${base}/oidc`), clientId, undefined, oidc.None(), { execute });
  } catch (error) {
    throw unreachable(base, error);
  }
}

/** A request that failed on the way (no connection: UNREACHABLE), or an answer that is not what a Seatwise sends (FAILED). */
function unreachable(base: string, error: unknown): CliError {
  const detail = (value: unknown): string => (value instanceof Error ? (value.cause instanceof Error ? detail(value.cause) : value.message) : String(value));
  if (error instanceof TypeError || (error instanceof DOMException && error.name === 'TimeoutError')) {
    return new CliError(ExitCode.UNREACHABLE, `Seatwise at ${base} could not be reached (${detail(error)}).`);
  }
  return new CliError(ExitCode.FAILED, `${base} did not answer as a Seatwise server does (${error instanceof Error ? error.message : String(error)}). Check the address.`);
}

export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  expiresIn: number;
}

/** The provider's own error (`invalid_client`, `expired_token`, …) as a sentence the person can act on. */
function signInFailure(error: unknown): CliError | null {
  if (!(error instanceof oidc.ResponseBodyError)) return null;
  switch (error.error) {
    case 'expired_token':
      return new CliError(ExitCode.NOT_SIGNED_IN, DEVICE_CODE_EXPIRED, 'expired_token');
    case 'access_denied':
      return new CliError(ExitCode.NOT_SIGNED_IN, 'The sign-in was refused in Seatwise. Run `login` again to start over.', 'access_denied');
    case 'invalid_client':
      return new CliError(ExitCode.USAGE, 'Seatwise does not know this client id: the vendor registers the product in the Vendor console (OAuth clients).', 'invalid_client');
    case 'invalid_grant':
      return new CliError(ExitCode.NOT_SIGNED_IN, 'The sign-in has ended (signed out in Seatwise, or unused for too long). Run `login` again.', 'invalid_grant');
    default:
      return new CliError(ExitCode.NOT_SIGNED_IN, `Seatwise refused the sign-in: ${error.error_description ?? error.error} (${error.error}).`, error.error);
  }
}

/** A session from a token response: the person and account from the provider's userinfo. */
async function sessionOf(config: oidc.Configuration, server: string, clientId: string, tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, previous?: Session): Promise<Session> {
  const subject = tokens.claims()?.sub ?? previous?.subject;
  if (!subject) throw new CliError(ExitCode.FAILED, 'The token response carries no ID token: ask for the openid scope.');
  const info = previous && previous.subject === subject ? null : await oidc.fetchUserInfo(config, tokens.access_token, subject);
  const claim = (name: string, fallback: string) => (info && typeof info[name] === 'string' ? (info[name] as string) : fallback);
  return {
    server,
    clientId,
    accessToken: tokens.access_token,
    accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
    // A refresh answer without a new refresh token keeps the old one (Seatwise always rotates it).
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    subject,
    personId: claim('person_id', previous?.personId ?? ''),
    accountId: claim('account_id', previous?.accountId ?? ''),
    email: claim('email', previous?.email ?? ''),
    name: claim('name', previous?.name ?? ''),
    accountName: claim('account_name', previous?.accountName ?? ''),
  };
}

/**
 * The device authorization grant (RFC 8628): asks for a code, hands it to `show` (the product
 * prints or displays it), then polls the token endpoint as the server says: every `interval`
 * seconds, five more after each `slow_down` (openid-client does both, and honours Retry-After),
 * until the person approves it in Seatwise, refuses it, or the code expires.
 */
export async function deviceLogin(address: string, clientId: string, show: (code: DeviceCode) => void): Promise<Session> {
  const server = checkServerUrl(address);
  const config = await provider(server, clientId);
  let started: oidc.DeviceAuthorizationResponse;
  try {
    started = await oidc.initiateDeviceAuthorization(config, { scope: SCOPES });
  } catch (error) {
    throw signInFailure(error) ?? unreachable(server, error);
  }
  show({
    userCode: started.user_code,
    verificationUri: started.verification_uri,
    verificationUriComplete: started.verification_uri_complete ?? null,
    expiresIn: started.expires_in,
  });
  let tokens: Awaited<ReturnType<typeof oidc.pollDeviceAuthorizationGrant>>;
  try {
    tokens = await oidc.pollDeviceAuthorizationGrant(config, started, undefined, { signal: AbortSignal.timeout(started.expires_in * 1000) });
  } catch (error) {
    if (error instanceof DOMException || (error instanceof Error && error.cause instanceof DOMException)) throw new CliError(ExitCode.NOT_SIGNED_IN, DEVICE_CODE_EXPIRED, 'expired_token');
    throw signInFailure(error) ?? unreachable(server, error);
  }
  return sessionOf(config, server, clientId, tokens);
}

/** A new access token (and a new refresh token: Seatwise rotates them) for the stored session, saved at once. */
export async function refresh(store: Store, session: Session): Promise<Session> {
  if (!session.refreshToken) throw new CliError(ExitCode.NOT_SIGNED_IN, 'The sign-in has expired. Run `login` again.');
  const config = await provider(session.server, session.clientId);
  let tokens: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
  try {
    tokens = await oidc.refreshTokenGrant(config, session.refreshToken);
  } catch (error) {
    const failure = signInFailure(error);
    // The old refresh token is spent or revoked: forget the session so nobody retries it.
    if (failure?.exitCode === ExitCode.NOT_SIGNED_IN) store.forget('session');
    throw failure ?? unreachable(session.server, error);
  }
  const next = await sessionOf(config, session.server, session.clientId, tokens, session);
  store.saveSession(next);
  return next;
}

/** The stored session, or NOT_SIGNED_IN. */
export function signedIn(store: Store): Session {
  const session = store.session();
  if (!session) throw new CliError(ExitCode.NOT_SIGNED_IN, 'Not signed in: run `login` first.');
  return session;
}

/** The session with an access token good for at least another minute (refreshed when it is not). */
export async function freshSession(store: Store): Promise<Session> {
  const session = signedIn(store);
  return session.accessTokenExpiresAt - Date.now() > 60_000 ? session : refresh(store, session);
}

/** Signs out: revokes the refresh token at Seatwise (ending the product's grant) and forgets the session. */
export async function logout(store: Store): Promise<boolean> {
  const session = store.session();
  if (!session) return false;
  try {
    const config = await provider(session.server, session.clientId);
    if (session.refreshToken) await oidc.tokenRevocation(config, session.refreshToken, { token_type_hint: 'refresh_token' });
  } finally {
    store.forget('session');
  }
  return true;
}
