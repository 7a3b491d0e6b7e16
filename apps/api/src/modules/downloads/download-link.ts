import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { persistedSecret } from '../../common/data-secret.js';
import type { Config } from '../../config.js';

/** What a signed download link grants: one file (or built package, or export run) to one person in one account, until `exp`. */
export interface DownloadGrant {
  /** `f` = product file, `p` = custom install package, `e` = a scheduled export's run (`/api/report-exports/…`). */
  kind: 'f' | 'p' | 'e';
  id: string;
  userId: string;
  accountId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type LinkCheck = { ok: true; grant: DownloadGrant } | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

const secrets = new Map<string, Buffer>();

function signingKey(config: Config): Buffer {
  const cacheKey = config.downloadSecret ?? config.dataDir;
  let key = secrets.get(cacheKey);
  if (!key) {
    key = Buffer.from(
      config.downloadSecret ?? persistedSecret(config.dataDir, 'download-link.key', () => randomBytes(32).toString('base64url')),
    );
    secrets.set(cacheKey, key);
  }
  return key;
}

const mac = (config: Config, body: string) => createHmac('sha256', signingKey(config)).update(body).digest('base64url');

/** `<base64url payload>.<base64url HMAC-SHA256>`: the token in `/api/downloads/<token>/<file name>`. */
export function signDownloadGrant(config: Config, grant: DownloadGrant): string {
  const body = Buffer.from(JSON.stringify([grant.kind, grant.id, grant.userId, grant.accountId, grant.exp])).toString('base64url');
  return `${body}.${mac(config, body)}`;
}

export function checkDownloadToken(config: Config, token: string, now = new Date()): LinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(mac(config, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (!Array.isArray(fields) || fields.length !== 5) return { ok: false, reason: 'MALFORMED' };
  const [kind, id, userId, accountId, exp] = fields as [DownloadGrant['kind'], string, string, string, number];
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, grant: { kind, id, userId, accountId, exp } };
}
