import { randomBytes } from 'node:crypto';
import type { AddSsoProviderInput, SingleSignOnSettings, SsoDomain as SsoDomainType, SsoProvider as SsoProviderType } from '@seatwise/schema';
import { inTransaction, isUniqueViolation } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { sealSecret } from '../identity/two-step/secret-box.js';
import { twoStepStatus } from '../identity/two-step/two-step.service.js';
import { requirePrimaryAdmin } from './directory-tokens.service.js';
import { discoverProvider, ssoRedirectUri } from './sso-client.js';
import { TXT_PREFIX, txtRecords } from './sso-dns.js';
import { domainNotVerified } from './sso.errors.js';
import { SsoDomain, SsoProvider } from './sso-provider.entity.js';

const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;
const CLAIM = /^[A-Za-z0-9_:.\-/]{1,100}$/;

const toProvider = (provider: SsoProvider): SsoProviderType => ({
  id: provider.id,
  name: provider.name,
  issuer: provider.issuer,
  clientId: provider.clientId,
  jitEnabled: provider.jitEnabled,
  jitClaim: provider.jitClaim,
  groupsClaim: provider.groupsClaim,
  createdAt: provider.createdAt,
});

const toDomain = (domain: SsoDomain): SsoDomainType => ({
  id: domain.id,
  domain: domain.domain,
  providerId: domain.provider.id,
  txtRecord: `${TXT_PREFIX}${domain.token}`,
  verifiedAt: domain.verifiedAt,
});

export async function singleSignOnSettings(ctx: AccountContext): Promise<SingleSignOnSettings> {
  requirePrimaryAdmin(ctx);
  const account = await ctx.em.findOneOrFail(Account, { id: ctx.viewer.accountId });
  const providers = await ctx.em.find(SsoProvider, {}, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const domains = await ctx.em.find(SsoDomain, {}, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return {
    required: account.ssoRequired,
    redirectUri: ssoRedirectUri(ctx.config.publicUrl),
    providers: providers.map(toProvider),
    domains: domains.map(toDomain),
  };
}

function checkedInput(input: AddSsoProviderInput) {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new InvalidInputError('name', msg('Enter a name of 1 to 100 characters.'));
  const issuer = input.issuer.trim().replace(/\/$/, '');
  if (!issuer || issuer.length > 500) throw new InvalidInputError('issuer', msg('Enter the issuer address of the provider.'));
  const clientId = input.clientId.trim();
  if (!clientId || clientId.length > 200) throw new InvalidInputError('clientId', msg('Enter the client id of Seatwise at the provider.'));
  if (!input.clientSecret) throw new InvalidInputError('clientSecret', msg('Enter the client secret.'));
  const jitClaim = input.jitClaim?.trim() || null;
  if (jitClaim && !CLAIM.test(jitClaim)) throw new InvalidInputError('jitClaim', msg('A claim name is 1 to 100 letters, digits and _ : . - /.'));
  const groupsClaim = input.groupsClaim?.trim() || 'groups';
  if (!CLAIM.test(groupsClaim)) throw new InvalidInputError('groupsClaim', msg('A claim name is 1 to 100 letters, digits and _ : . - /.'));
  return { name, issuer, clientId, clientSecret: input.clientSecret, jitEnabled: input.jitEnabled ?? false, jitClaim, groupsClaim };
}

/** Adds a provider after reading its discovery document (the issuer must be the document's). */
export async function addSsoProvider(ctx: AccountContext, input: AddSsoProviderInput): Promise<SsoProviderType> {
  requirePrimaryAdmin(ctx);
  const checked = checkedInput(input);
  const discovered = await discoverProvider(checked.issuer, checked.clientId, checked.clientSecret);
  const issuer = discovered.serverMetadata().issuer;
  try {
    return await inTransaction(ctx, async (tx) => {
      const provider = tx.em.create(SsoProvider, {
        account: tx.em.getReference(Account, tx.viewer.accountId),
        name: checked.name,
        issuer,
        clientId: checked.clientId,
        clientSecretSealed: sealSecret(tx.config, checked.clientSecret),
        jitEnabled: checked.jitEnabled,
        jitClaim: checked.jitClaim,
        groupsClaim: checked.groupsClaim,
      });
      recordAudit(tx, {
        action: 'sso.provider.add',
        targetType: 'sso_provider',
        targetId: provider.id,
        summary: msg('Added the single sign-on provider {name} ({issuer})', { name: checked.name, issuer }),
        after: { name: checked.name, issuer, clientId: checked.clientId, jitEnabled: checked.jitEnabled, jitClaim: checked.jitClaim, groupsClaim: checked.groupsClaim },
      });
      await tx.em.flush();
      return toProvider(provider);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('SSO_PROVIDER_EXISTS', msg('This account already has a provider with this issuer and client id.'), 'clientId');
    throw error;
  }
}

export async function removeSsoProvider(ctx: AccountContext, providerId: string): Promise<boolean> {
  requirePrimaryAdmin(ctx);
  return inTransaction(ctx, async (tx) => {
    const provider = await tx.em.findOne(SsoProvider, { id: providerId });
    if (!provider) throw new NotFoundError('Single sign-on provider', 'providerId');
    const routed = await tx.em.count(SsoDomain, { provider: provider.id, verifiedAt: { $ne: null } });
    const account = await tx.em.findOneOrFail(Account, { id: tx.viewer.accountId });
    if (account.ssoRequired && routed && (await tx.em.count(SsoDomain, { provider: { $ne: provider.id }, verifiedAt: { $ne: null } })) === 0) {
      throw new AppError('SSO_REQUIRED_NEEDS_PROVIDER', msg('Single sign-on is required: turn that off before removing its last provider.'), 'providerId');
    }
    recordAudit(tx, { action: 'sso.provider.remove', targetType: 'sso_provider', targetId: provider.id, summary: msg('Removed the single sign-on provider {name}', { name: provider.name }), before: { issuer: provider.issuer } });
    tx.em.remove(provider);
    await tx.em.flush();
    return true;
  });
}

/** Claims a domain for a provider of this account: it routes sign-ins once `verifySsoDomain` finds its TXT record. */
export async function claimSsoDomain(ctx: AccountContext, providerId: string, domainInput: string): Promise<SsoDomainType> {
  requirePrimaryAdmin(ctx);
  const domain = domainInput.trim().toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(domain)) throw new InvalidInputError('domain', msg('"{domain}" is not a domain name.', { domain: domainInput.slice(0, 100) }));
  try {
    return await inTransaction(ctx, async (tx) => {
      const provider = await tx.em.findOne(SsoProvider, { id: providerId });
      if (!provider) throw new NotFoundError('Single sign-on provider', 'providerId');
      const claim = tx.em.create(SsoDomain, {
        account: tx.em.getReference(Account, tx.viewer.accountId),
        domain,
        provider,
        token: randomBytes(16).toString('hex'),
      });
      recordAudit(tx, { action: 'sso.domain.claim', targetType: 'sso_domain', targetId: claim.id, summary: msg('Claimed the domain {domain} for {provider}', { domain, provider: provider.name }), after: { domain } });
      await tx.em.flush();
      return toDomain(claim);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('SSO_DOMAIN_CLAIMED', msg('This account has claimed {domain} already.', { domain }), 'domain');
    throw error;
  }
}

/**
 * Looks up the domain's TXT records on the configured DNS servers: with `seatwise-verification=<token>`
 * among them the domain is verified and routes sign-ins; without it nothing changes.
 */
export async function verifySsoDomain(ctx: AccountContext, domainId: string): Promise<SsoDomainType> {
  requirePrimaryAdmin(ctx);
  const claim = await ctx.em.findOne(SsoDomain, { id: domainId });
  if (!claim) throw new NotFoundError('Email domain', 'domainId');
  if (claim.verifiedAt) return toDomain(claim);
  const records = await txtRecords(ctx.config.dnsServers, claim.domain);
  if (!records.includes(`${TXT_PREFIX}${claim.token}`)) throw domainNotVerified(claim.domain);
  try {
    return await inTransaction(ctx, async (tx) => {
      const fresh = await tx.em.findOneOrFail(SsoDomain, { id: domainId });
      fresh.verifiedAt = new Date();
      fresh.verifiedDomain = fresh.domain;
      recordAudit(tx, { action: 'sso.domain.verify', targetType: 'sso_domain', targetId: fresh.id, summary: msg('Verified the domain {domain} by its DNS TXT record', { domain: fresh.domain }), after: { domain: fresh.domain } });
      await tx.em.flush();
      return toDomain(fresh);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('SSO_DOMAIN_TAKEN', msg('Another account routes sign-ins of {domain} already.', { domain: claim.domain }), 'domainId');
    throw error;
  }
}

export async function removeSsoDomain(ctx: AccountContext, domainId: string): Promise<boolean> {
  requirePrimaryAdmin(ctx);
  return inTransaction(ctx, async (tx) => {
    const claim = await tx.em.findOne(SsoDomain, { id: domainId });
    if (!claim) throw new NotFoundError('Email domain', 'domainId');
    const account = await tx.em.findOneOrFail(Account, { id: tx.viewer.accountId });
    if (account.ssoRequired && claim.verifiedAt && (await tx.em.count(SsoDomain, { id: { $ne: claim.id }, verifiedAt: { $ne: null } })) === 0) {
      throw new AppError('SSO_REQUIRED_NEEDS_PROVIDER', msg('Single sign-on is required: turn that off before removing its last verified domain.'), 'domainId');
    }
    recordAudit(tx, { action: 'sso.domain.remove', targetType: 'sso_domain', targetId: claim.id, summary: msg('Removed the domain {domain}', { domain: claim.domain }), before: { domain: claim.domain, verified: Boolean(claim.verifiedAt) } });
    tx.em.remove(claim);
    await tx.em.flush();
    return true;
  });
}

/**
 * Require single sign-on (or not). Turning it on needs a verified domain, and 2-step verification
 * on the primary admin's own sign-in: they are the break-glass way in when the provider is down.
 */
export async function setSingleSignOnRequired(ctx: AccountContext, required: boolean): Promise<SingleSignOnSettings> {
  requirePrimaryAdmin(ctx);
  if (required) {
    if (!(await ctx.em.count(SsoDomain, { verifiedAt: { $ne: null } }))) {
      throw new AppError('SSO_DOMAIN_NOT_VERIFIED', msg('Verify an email domain before requiring single sign-on.'), 'required');
    }
    if (!(await twoStepStatus(ctx.em, ctx.viewer.userId)).enabled) {
      throw new AppError('BREAK_GLASS_NEEDS_TWO_STEP', msg('Turn on 2-step verification for your own sign-in first: you keep signing in with password and 2-step when single sign-on is required.'), 'required');
    }
  }
  await inTransaction(ctx, async (tx) => {
    const account = await tx.em.findOneOrFail(Account, { id: tx.viewer.accountId });
    if (account.ssoRequired === required) return;
    account.ssoRequired = required;
    recordAudit(tx, {
      action: 'sso.required.change',
      targetType: 'account',
      targetId: account.id,
      summary: required ? 'Required single sign-on' : 'Stopped requiring single sign-on',
      before: { required: !required },
      after: { required },
    });
    await tx.em.flush();
  });
  return singleSignOnSettings(ctx);
}
