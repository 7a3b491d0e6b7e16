import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../../config.js';
import { databaseAdapter } from './oidc-adapter.js';
import { claimsOf, personOf } from './oidc-accounts.js';
import { storedKeys } from './signing-keys.service.js';

export type OidcProvider = InstanceType<typeof Provider>;

/** Where the provider is mounted in the API (its issuer is `PUBLIC_URL` + this). */
export const OIDC_PATH = '/oidc';

/** The scopes a product may ask for; `offline_access` is implied (every grant gets a refresh token). */
export const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email'];

interface OidcKeys {
  jwks: { keys: Record<string, unknown>[] };
  cookieKeys: string[];
}

/** Generated once per installation (`signing_keys`, sealed), so tokens and cookies outlive a restart. */
async function generateKeys(): Promise<OidcKeys> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return {
    jwks: { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Seatwise as the OpenID provider of the vendor's products (oidc-provider 8, certified): the
 * device authorization grant (RFC 8628) and the authorization code with PKCE (S256, required) on a
 * loopback redirect (RFC 8252), refresh tokens that rotate on every use, userinfo and revocation.
 * Its pages are Seatwise's: an interaction goes to the SPA (`/connect/:uid`), the device
 * verification page is the SPA's `/device`; the provider renders only its error page, plain HTML
 * that the Content-Security-Policy allows.
 */
export async function createOidcProvider(orm: MikroORM, config: Config): Promise<OidcProvider> {
  const keys = await storedKeys(orm, config, 'oidc', generateKeys);
  const day = 24 * 60 * 60;
  const configuration: Configuration = {
    adapter: databaseAdapter(orm),
    clients: [],
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys, long: { signed: true }, short: { signed: true } },
    async findAccount(_ctx, sub) {
      const person = await personOf(orm.em.fork() as EntityManager, sub);
      if (!person) return undefined;
      return { accountId: sub, claims: () => claimsOf(sub, person) };
    },
    claims: {
      openid: ['sub', 'person_id', 'account_id'],
      profile: ['name', 'given_name', 'family_name', 'locale', 'account_name', 'seatwise_role'],
      email: ['email', 'email_verified'],
    },
    scopes: OIDC_SCOPES,
    pkce: { required: () => true, methods: ['S256'] },
    features: {
      devInteractions: { enabled: false },
      // The person enters and confirms the code in the SPA (`/device`), never on the provider's own pages.
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        userCodeInputSource: (ctx) => ctx.redirect('/device'),
        userCodeConfirmSource: (ctx) => ctx.redirect('/device'),
        successSource: (ctx) => ctx.redirect('/device'),
      },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: false },
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    // Every grant of a product gets a refresh token; each use of one returns a new one.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      DeviceCode: 10 * 60,
      IdToken: 60 * 60,
      Interaction: 10 * 60,
      Session: day,
      Grant: 90 * day,
      RefreshToken: 30 * day,
    },
    async renderError(ctx: KoaContextWithOIDC, out) {
      ctx.type = 'html';
      const lines = Object.entries(out).map(([name, value]) => `<p><b>${escapeHtml(name)}</b>: ${escapeHtml(String(value))}</p>`);
      ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Seatwise</title></head><body><h1>Sign-in failed</h1>${lines.join('')}<p><a href="/">Seatwise</a></p></body></html>`;
    },
  };
  const provider = new Provider(`${config.publicUrl}${OIDC_PATH}`, configuration);
  // Behind the proxies TRUST_PROXY names, X-Forwarded-Proto says whether the request was https.
  provider.proxy = config.trustProxy !== false;
  return provider;
}
