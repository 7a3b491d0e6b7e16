import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotificationCategory } from '@seatwise/schema';
import { persistedSecret } from '../../common/data-secret.js';
import type { Config } from '../../config.js';

/** The categories a mail's one-click unsubscribe can turn off (security alerts keep their own rules). */
export const UNSUBSCRIBABLE: readonly NotificationCategory[] = [
  NotificationCategory.PRODUCT_UPDATES,
  NotificationCategory.SUBSCRIPTION_RENEWALS,
  NotificationCategory.USAGE_ALERTS,
];

export interface UnsubscribeGrant {
  userId: string;
  category: NotificationCategory;
}

const keys = new Map<string, Buffer>();

/**
 * The key of unsubscribe links: derived from the configured download secret (shared by every
 * instance), else generated once into the data folder. Unsubscribe links do not expire: a mail
 * read months later must still turn its category off.
 */
function signingKey(config: Config): Buffer {
  const cacheKey = config.downloadSecret ?? config.dataDir;
  let key = keys.get(cacheKey);
  if (!key) {
    key = config.downloadSecret
      ? createHmac('sha256', config.downloadSecret).update('seatwise unsubscribe links').digest()
      : Buffer.from(persistedSecret(config.dataDir, 'unsubscribe-link.key', () => randomBytes(32).toString('base64url')));
    keys.set(cacheKey, key);
  }
  return key;
}

/**
 * The key of a kind of mail link: unsubscribe links keep the key above; another purpose (e.g.
 * `keep-seat`) signs with a key derived from it, so a token of one kind is never valid as another.
 */
const keyFor = (config: Config, purpose: string) =>
  purpose === 'unsubscribe' ? signingKey(config) : createHmac('sha256', signingKey(config)).update(`seatwise ${purpose} links`).digest();

const mac = (config: Config, purpose: string, body: string) => createHmac('sha256', keyFor(config, purpose)).update(body).digest('base64url');

/** `<base64url JSON of fields>.<HMAC-SHA256>`: a mail link's token that proves itself without a sign-in. */
export function signLinkToken(config: Config, purpose: string, fields: readonly unknown[]): string {
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${body}.${mac(config, purpose, body)}`;
}

/** The fields of a token `signLinkToken` made for `purpose`; null when it is not one. */
export function checkLinkToken(config: Config, purpose: string, token: string): unknown[] | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(config, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const fields: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return Array.isArray(fields) ? fields : null;
  } catch {
    return null;
  }
}

/** `<base64url [userId, category]>.<HMAC-SHA256>`, the token of `/api/unsubscribe/<token>`. */
export function signUnsubscribe(config: Config, grant: UnsubscribeGrant): string {
  return signLinkToken(config, 'unsubscribe', [grant.userId, grant.category]);
}

export function checkUnsubscribe(config: Config, token: string): UnsubscribeGrant | null {
  const fields = checkLinkToken(config, 'unsubscribe', token);
  if (!fields || fields.length !== 2) return null;
  const [userId, category] = fields as [unknown, unknown];
  if (typeof userId !== 'string' || !UNSUBSCRIBABLE.includes(category as NotificationCategory)) return null;
  return { userId, category: category as NotificationCategory };
}

/** The link in a mail and its RFC 8058 headers: a POST to the link turns the category off, no sign-in. */
export function unsubscribeOf(config: Config, grant: UnsubscribeGrant): { link: string; headers: Record<string, string> } {
  const link = `${config.publicUrl}/api/unsubscribe/${signUnsubscribe(config, grant)}`;
  return { link, headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}
