import type { EntityManager } from '@mikro-orm/knex';
import { parse, serialize } from 'cookie';
import type { IDToken } from 'openid-client';
import { CustomerStatus, MembershipStatus, Role, type SingleSignOnStart } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { RequestContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordSsoAudit } from '../audit/audit.service.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { hashToken } from '../identity/session.service.js';
import { openSession } from '../identity/sign-in-session.js';
import { openSecret } from '../identity/two-step/secret-box.js';
import { sortNameOf, User } from '../identity/user.entity.js';
import { Membership, typedPerson } from '../users/membership.entity.js';
import { DirectoryGroup } from './directory-group.entity.js';
import { authorizationUrl, discoverProvider, newPendingSignIn, redeemCode, ssoRedirectUri } from './sso-client.js';
import { domainNotVerified, SsoSignInError } from './sso.errors.js';
import { SsoDomain, SsoIdentity, type SsoProvider, SsoSignIn } from './sso-provider.entity.js';

/** The cookie that ties the provider's answer to the browser that started the sign-in (login CSRF). */
export const SSO_STATE_COOKIE = 'seatwise_sso_state';
const SIGN_IN_MINUTES = 10;
const everyAccount = { filters: false } as const;

const cookieOptions = (ctx: RequestContext) =>
  ({ httpOnly: true, sameSite: 'lax', secure: ctx.config.production, path: '/api/sso' }) as const;

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** The verified domain claim routing an email address's sign-ins, or null. */
function routedDomain(em: EntityManager, domain: string) {
  return em.findOne(SsoDomain, { verifiedDomain: domain }, { ...everyAccount, populate: ['provider'] });
}

/**
 * Whether the email's domain signs in through a provider (verified by its TXT record): the sign-in
 * page asks before it asks for a password.
 */
export async function singleSignOnRoutes(ctx: RequestContext, emailInput: string): Promise<boolean> {
  const email = normaliseEmail(emailInput);
  if (!email.includes('@')) return false;
  return Boolean(await routedDomain(ctx.em, domainOf(email)));
}

/**
 * Starts a sign-in through the provider of the email's verified domain: state, nonce and PKCE
 * verifier are kept (the state hashed) for ten minutes, the state also in a cookie of this browser.
 */
export async function beginSingleSignOn(ctx: RequestContext, emailInput: string): Promise<SingleSignOnStart> {
  const email = normaliseEmail(emailInput);
  if (!email || !email.includes('@')) throw new InvalidInputError('email', msg('Enter your email address.'));
  const claim = await routedDomain(ctx.em, domainOf(email));
  if (!claim) throw domainNotVerified(domainOf(email));
  const provider = claim.provider;
  const config = await discoverProvider(provider.issuer, provider.clientId, openSecret(ctx.config, provider.clientSecretSealed));
  const pending = newPendingSignIn();
  ctx.em.create(SsoSignIn, {
    account: ctx.em.getReference(Account, claim.account.id),
    provider,
    stateHash: hashToken(pending.state),
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
    expiresAt: new Date(Date.now() + SIGN_IN_MINUTES * 60_000),
  });
  await ctx.em.flush();
  ctx.res.append('Set-Cookie', serialize(SSO_STATE_COOKIE, pending.state, { ...cookieOptions(ctx), maxAge: SIGN_IN_MINUTES * 60 }));
  return { redirectUrl: await authorizationUrl(config, ctx.config.publicUrl, pending, email) };
}

const present = (value: unknown) => value === true || (typeof value === 'string' && value.trim() !== '' && value !== 'false') || (Array.isArray(value) && value.length > 0);

/** The person's first group (in the claim's order) that the directory maps to a team moves them into it. */
async function applyGroupClaims(em: EntityManager, accountId: string, membership: Membership, provider: SsoProvider, claims: IDToken): Promise<void> {
  const value = claims[provider.groupsClaim];
  const names = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase());
  if (!names.length) return;
  const groups = await em.find(DirectoryGroup, { account: accountId, displayNameKey: { $in: names }, team: { $ne: null } }, { ...everyAccount, populate: ['team'] });
  const first = names.map((name) => groups.find((group) => group.displayNameKey === name)).find(Boolean);
  if (!first?.team || membership.team?.id === first.team.id) return;
  const before = membership.team ? (await em.findOne(DirectoryGroup, { account: accountId, team: membership.team.id }, everyAccount))?.team?.name ?? null : null;
  membership.team = first.team;
  recordSsoAudit(em, accountId, {
    action: 'sso.user.update',
    targetType: 'user',
    targetId: membership.user.id,
    summary: msg('Single sign-on moved {email} into the team {team} (group {group})', { email: membership.email, team: first.team.name, group: first.displayName }),
    before: { team: before },
    after: { team: first.team.name, group: first.displayName },
  });
}

/** The member signing in: linked by issuer and subject; else the email of a verified domain links an existing member once, or JIT makes one. */
async function memberOf(em: EntityManager, account: Account, provider: SsoProvider, claims: IDToken): Promise<Membership> {
  const accountId = account.id;
  const linked = await em.findOne(SsoIdentity, { account: accountId, issuer: claims.iss, subject: claims.sub }, everyAccount);
  if (linked) {
    linked.lastSignInAt = new Date();
    const membership = await em.findOne(Membership, { account: accountId, user: linked.user.id }, everyAccount);
    if (!membership) throw new SsoSignInError('SSO_NOT_A_MEMBER');
    return membership;
  }
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (!email.includes('@') || claims.email_verified === false) throw new SsoSignInError('SSO_DOMAIN_NOT_VERIFIED', 'no verified email claim');
  if (!(await em.count(SsoDomain, { account: accountId, verifiedDomain: domainOf(email) }, everyAccount))) throw new SsoSignInError('SSO_DOMAIN_NOT_VERIFIED', domainOf(email));
  let user = await em.findOne(User, { email });
  let membership = user ? await em.findOne(Membership, { account: accountId, user: user.id }, everyAccount) : null;
  if (membership && user) {
    // One subject per person and issuer: another subject with the same email is someone else.
    if (await em.count(SsoIdentity, { account: accountId, issuer: claims.iss, user: user.id }, everyAccount)) throw new SsoSignInError('SSO_IDENTITY_MISMATCH');
    recordSsoAudit(em, accountId, {
      action: 'sso.user.link',
      targetType: 'user',
      targetId: user.id,
      summary: msg('Single sign-on linked {email} to {provider}', { email, provider: provider.name }),
      after: { issuer: claims.iss, subject: claims.sub },
    });
  } else {
    if (!provider.jitEnabled) throw new SsoSignInError('SSO_NOT_A_MEMBER');
    if (provider.jitClaim && !present(claims[provider.jitClaim])) throw new SsoSignInError('SSO_JIT_CLAIM_MISSING');
    const firstName = (typeof claims.given_name === 'string' && claims.given_name.trim().slice(0, 100)) || email.slice(0, email.indexOf('@')).slice(0, 100);
    const lastName = (typeof claims.family_name === 'string' && claims.family_name.trim().slice(0, 100)) || '';
    user ??= em.create(User, { email, firstName, lastName, sortName: sortNameOf(firstName, lastName) });
    membership = em.create(Membership, { account, user, role: Role.USER, status: MembershipStatus.ACTIVE, ...typedPerson({ email, firstName, lastName }) });
    recordSsoAudit(em, accountId, {
      action: 'sso.user.create',
      targetType: 'user',
      targetId: user.id,
      summary: msg('Single sign-on made {email} a member just in time ({provider})', { email, provider: provider.name }),
      after: { email, firstName, lastName, issuer: claims.iss, subject: claims.sub },
    });
  }
  em.create(SsoIdentity, { account, provider, user: user!, issuer: claims.iss, subject: claims.sub, lastSignInAt: new Date() });
  return membership;
}

/**
 * The provider's answer at `/api/sso/callback`: the state must be this browser's and still pending
 * (used once), the code is redeemed with the PKCE verifier, the ID token's issuer, audience and
 * nonce checked; then the member is found or made and a session opened. A refusal writes nothing
 * but the used state's removal.
 */
export async function completeSingleSignOn(ctx: RequestContext, query: string): Promise<void> {
  const callbackUrl = new URL(`${ssoRedirectUri(ctx.config.publicUrl)}${query}`);
  const state = callbackUrl.searchParams.get('state') ?? '';
  const browserState = parse(ctx.req.headers.cookie ?? '')[SSO_STATE_COOKIE];
  ctx.res.append('Set-Cookie', serialize(SSO_STATE_COOKIE, '', { ...cookieOptions(ctx), maxAge: 0 }));
  if (!state || state !== browserState) throw new SsoSignInError('SSO_STATE_MISMATCH');
  const pending = await ctx.em.findOne(SsoSignIn, { stateHash: hashToken(state) }, { ...everyAccount, populate: ['provider', 'account'] });
  if (!pending) throw new SsoSignInError('SSO_STATE_MISMATCH');
  // Used once: of two requests with the same state (a replay, a double click) only the one whose delete removed the row goes on.
  if ((await ctx.em.nativeDelete(SsoSignIn, { id: pending.id }, everyAccount)) !== 1) throw new SsoSignInError('SSO_STATE_MISMATCH', 'used');
  if (pending.expiresAt.getTime() < Date.now()) throw new SsoSignInError('SSO_STATE_MISMATCH', 'expired');
  const provider = pending.provider;
  let claims: IDToken;
  try {
    const config = await discoverProvider(provider.issuer, provider.clientId, openSecret(ctx.config, provider.clientSecretSealed));
    claims = await redeemCode(config, callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
  } catch (error) {
    if (error instanceof SsoSignInError) throw error;
    throw new SsoSignInError('SSO_PROVIDER_ERROR', (error as Error).message);
  }
  const account = pending.account;
  if (account.status !== CustomerStatus.ACTIVE) throw new SsoSignInError('SSO_MEMBERSHIP_INACTIVE', account.status);
  const membershipId = await inTransaction(ctx, async (tx) => {
    const membership = await memberOf(tx.em, tx.em.getReference(Account, account.id), provider, claims);
    if (membership.status !== MembershipStatus.ACTIVE) throw new SsoSignInError('SSO_MEMBERSHIP_INACTIVE');
    await applyGroupClaims(tx.em, account.id, membership, provider, claims);
    await tx.em.flush();
    return membership.id;
  });
  const membership = await ctx.em.findOneOrFail(Membership, { id: membershipId }, { ...everyAccount, populate: ['account', 'user'] });
  await openSession(ctx, membership.user, membership);
}
