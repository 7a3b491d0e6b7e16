import type { ConnectedApp, ConnectedAppConnection, DeviceAuthorization, OidcInteraction } from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import type { AccountContext, Viewer } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { OAuthClient } from './oauth-client.entity.js';
import { OidcModel } from './oidc-model.entity.js';
import { subjectOf } from './oidc-accounts.js';
import { connectedAppNotFound, interactionEnded, invalidUserCode, tooManyUserCodes } from './oidc.errors.js';
import { OIDC_SCOPES, type OidcProvider } from './oidc-provider.js';

/** The scopes granted for a request: what it asked for among those Seatwise knows, `openid` always. */
const grantedScopes = (requested: unknown) =>
  [...new Set(['openid', ...String(requested ?? '').split(' ').filter((scope) => OIDC_SCOPES.includes(scope))])];

/** As oidc-provider stores user codes: upper case, no dashes or spaces. */
const normalizeUserCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

const epoch = () => Math.floor(Date.now() / 1000);

async function clientName(provider: OidcProvider, clientId: string): Promise<string> {
  const client = await provider.Client.find(clientId);
  return (client?.clientName as string | undefined) ?? clientId;
}

function requireSession(ctx: AccountContext) {
  if (!ctx.viewer.sessionId) throw new InvalidInputError('session', msg('Sign in to Seatwise in this browser to connect a product.'));
}

/**
 * A device code the person typed, while it waits. Each code that matches nothing costs one of the
 * person's attempts (`userCodeByPerson`, 15 minutes), so nobody can walk the code space.
 */
async function pendingDeviceCode(ctx: AccountContext, userCode: string) {
  const key = ctx.viewer.userId;
  const spent = await ctx.limits.userCodeByPerson.get(key);
  if (spent && spent.consumedPoints >= ctx.limits.userCodeByPerson.points) throw tooManyUserCodes();
  const code = await ctx.oidc.DeviceCode.findByUserCode(normalizeUserCode(userCode)).catch(() => undefined);
  if (!code || code.isExpired || code.accountId || code.error) {
    await ctx.limits.userCodeByPerson.penalty(key);
    throw invalidUserCode();
  }
  return code;
}

export async function deviceAuthorization(ctx: AccountContext, userCode: string): Promise<DeviceAuthorization> {
  const code = await pendingDeviceCode(ctx, userCode);
  return {
    clientName: await clientName(ctx.oidc, code.clientId ?? ''),
    scopes: grantedScopes(code.params?.scope),
    expiresAt: new Date((code.exp ?? epoch()) * 1000),
  };
}

/** The person allows the device: the code gets their grant, and the device's next poll receives tokens. */
export async function approveDeviceAuthorization(ctx: AccountContext, userCode: string, allow: boolean): Promise<boolean> {
  requireSession(ctx);
  const code = await pendingDeviceCode(ctx, userCode);
  if (!allow) {
    Object.assign(code, { error: 'access_denied', errorDescription: 'The person refused the device.' });
    await code.save();
    return false;
  }
  const accountId = subjectOf(ctx.viewer);
  const grant = new ctx.oidc.Grant({ accountId, clientId: code.clientId });
  const scopes = grantedScopes(code.params?.scope);
  grant.addOIDCScope(scopes.join(' '));
  const grantId = await grant.save();
  Object.assign(code, { accountId, grantId, authTime: epoch(), scope: scopes.join(' '), amr: ['pwd'] });
  await code.save();
  return true;
}

export async function interactionFor(ctx: AccountContext, uid: string): Promise<OidcInteraction> {
  const interaction = await ctx.oidc.Interaction.find(uid).catch(() => undefined);
  if (!interaction) throw interactionEnded();
  const clientId = String(interaction.params.client_id);
  return { uid, clientName: await clientName(ctx.oidc, clientId), scopes: grantedScopes(interaction.params.scope) };
}

/**
 * The person signed in to Seatwise (the session cookie) allows or refuses a product's sign-in:
 * the interaction gets its result (login as the person in their current account, and a grant of
 * the scopes asked), and the browser continues at the provider (`returnTo`), which redirects to the
 * product's loopback address.
 */
export async function finishInteraction(provider: OidcProvider, viewer: Viewer, uid: string, allow: boolean): Promise<string> {
  const interaction = await provider.Interaction.find(uid).catch(() => undefined);
  if (!interaction) throw interactionEnded();
  let result: Record<string, unknown>;
  if (!allow) {
    result = { error: 'access_denied', error_description: 'The person refused the sign-in.' };
  } else {
    const accountId = subjectOf(viewer);
    const clientId = String(interaction.params.client_id);
    let grant = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
    if (!grant || grant.accountId !== accountId || grant.clientId !== clientId) grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(grantedScopes(interaction.params.scope).join(' '));
    const grantId = await grant.save();
    result = { login: { accountId, amr: ['pwd'] }, consent: { grantId } };
  }
  interaction.result = result;
  await interaction.save(Math.max(1, (interaction.exp ?? epoch()) - epoch()));
  return interaction.returnTo;
}

interface GrantPayload {
  accountId?: string;
  clientId?: string;
  iat?: number;
  exp?: number;
  openid?: { scope?: string };
}

/** The products and devices the person connected, in every account, latest first. */
export async function listConnectedApps(ctx: AccountContext, args: { first?: number | null; after?: string | null }): Promise<ConnectedAppConnection> {
  const limit = pageSize(args.first);
  const em = ctx.em;
  const like = { $like: `${ctx.viewer.userId}:%` };
  const live = { model: 'Grant', subject: like, expiresAt: { $gt: new Date() } };
  const conditions: object[] = [live];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const createdAt = new Date(cursor.sortValue);
    if (Number.isNaN(createdAt.getTime())) throw new InvalidInputError('after', msg('after is not a cursor of this list.'));
    const key = `Grant:${cursor.id}`;
    conditions.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, key: { $lt: key } }] });
  }
  const [rows, totalCount] = await Promise.all([
    em.find(OidcModel, { $and: conditions }, { orderBy: [{ createdAt: 'desc' }, { key: 'desc' }], limit: limit + 1 }),
    em.count(OidcModel, live),
  ]);
  const payloads = rows.map((row) => ({ row, payload: JSON.parse(row.payload) as GrantPayload }));
  const clientIds = [...new Set(payloads.map(({ row }) => row.clientId).filter((id): id is string => !!id))];
  const accountIds = [...new Set(payloads.map(({ row }) => row.subject?.split(':')[1]).filter((id): id is string => !!id))];
  const [clients, accounts] = await Promise.all([
    clientIds.length ? em.find(OAuthClient, { clientId: { $in: clientIds } }) : [],
    accountIds.length ? em.find(Account, { id: { $in: accountIds } }, { filters: false }) : [],
  ]);
  const names = new Map(clients.map((client) => [client.clientId, client.name]));
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  return connectionOf(
    payloads,
    { limit, after: args.after, totalCount },
    ({ row }) => encodeCursor(row.createdAt.toISOString(), row.key.slice('Grant:'.length)),
    ({ row, payload }): ConnectedApp => ({
      id: row.key.slice('Grant:'.length),
      name: names.get(row.clientId ?? '') ?? row.clientId ?? '',
      accountName: accountNames.get(row.subject?.split(':')[1] ?? '') ?? '',
      scopes: (payload.openid?.scope ?? '').split(' ').filter(Boolean),
      connectedAt: row.createdAt,
      expiresAt: row.expiresAt ?? new Date((payload.exp ?? 0) * 1000),
    }),
  );
}

/** Signs a connected product or device out: its grant and every token issued under it are removed at once. */
export async function disconnectApp(ctx: AccountContext, id: string): Promise<boolean> {
  const grant = await ctx.em.findOne(OidcModel, { key: `Grant:${id}`, subject: { $like: `${ctx.viewer.userId}:%` } });
  if (!grant) throw connectedAppNotFound();
  await ctx.em.nativeDelete(OidcModel, { $or: [{ key: grant.key }, { grantId: id }] });
  return true;
}

