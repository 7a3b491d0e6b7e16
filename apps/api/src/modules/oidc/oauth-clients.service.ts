import { randomBytes } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/knex';
import type { OAuthClient as OAuthClientNode, OAuthClientConnection } from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { recordVendorAudit, staffActor } from '../vendor/vendor-audit.service.js';
import { OAuthClient } from './oauth-client.entity.js';
import { OidcModel } from './oidc-model.entity.js';
import { badClientName, badRedirectUri, oauthClientNotFound, tooManyRedirectUris } from './oidc.errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * RFC 8252 section 7.3: a native app's redirect is http on a loopback IP literal (not `localhost`,
 * which a resolver could send elsewhere); the port is chosen by the app when it signs in.
 */
export function checkRedirectUri(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw badRedirectUri(uri);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password || url.hash) throw badRedirectUri(uri);
  url.port = '';
  return url.href;
}

const nodeOf = (client: OAuthClient): OAuthClientNode => ({
  id: client.id,
  clientId: client.clientId,
  name: client.name,
  redirectUris: client.redirectUris,
  createdAt: client.createdAt,
});

export async function listOAuthClients(ctx: StaffContext, first?: number | null, after?: string | null): Promise<OAuthClientConnection> {
  const limit = pageSize(first);
  const where: FilterQuery<OAuthClient>[] = [{}];
  if (after) {
    const cursor = decodeCursor(after);
    const createdAt = new Date(cursor.sortValue);
    where.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: cursor.id } }] });
  }
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(OAuthClient, { $and: where }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1 }),
    ctx.em.count(OAuthClient, {}),
  ]);
  return connectionOf(rows, { limit, after, totalCount }, (row) => encodeCursor(row.createdAt.toISOString(), row.id), nodeOf);
}

export async function createOAuthClient(ctx: StaffContext, input: { name: string; redirectUris: string[] }): Promise<OAuthClientNode> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw badClientName();
  if (input.redirectUris.length > 10) throw tooManyRedirectUris();
  const redirectUris = [...new Set(input.redirectUris.map(checkRedirectUri))];
  return inTransaction(ctx, async (tx) => {
    const client = tx.em.create(OAuthClient, { clientId: `sw_app_${randomBytes(12).toString('base64url')}`, name, redirectUris });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'oauth_client.create',
      summary: `Registered the OAuth client "${name}"`,
      details: { clientId: client.clientId, redirectUris },
    });
    await tx.em.flush();
    return nodeOf(client);
  });
}

/** Removes a client and everything the provider issued to it: its people's connections end at once. */
export async function deleteOAuthClient(ctx: StaffContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const client = await tx.em.findOne(OAuthClient, { id });
    if (!client) throw oauthClientNotFound();
    await tx.em.nativeDelete(OidcModel, { clientId: client.clientId });
    tx.em.remove(client);
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'oauth_client.delete',
      summary: `Deleted the OAuth client "${client.name}"`,
      details: { clientId: client.clientId },
    });
    await tx.em.flush();
    return true;
  });
}
