import type { DownloadLink } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { type Message, msg } from '../../errors.js';
import { checkDownloadToken, type DownloadGrant, signDownloadGrant } from './download-link.js';

export function downloadUrl(token: string, fileName: string): string {
  return `/api/downloads/${token}/${encodeURIComponent(fileName)}`;
}

export function linkFor(ctx: AccountContext, kind: DownloadGrant['kind'], target: { id: string; fileName: string; size: number; sha256: string }): DownloadLink {
  const expiresAt = new Date(Date.now() + ctx.config.downloadLinkMinutes * 60_000);
  const token = signDownloadGrant(ctx.config, {
    kind,
    id: target.id,
    userId: ctx.viewer.userId,
    accountId: ctx.viewer.accountId,
    exp: Math.floor(expiresAt.getTime() / 1000),
  });
  return { url: downloadUrl(token, target.fileName), expiresAt, fileName: target.fileName, size: target.size, sha256: target.sha256 };
}

export type DownloadRefusal = { status: 400 | 403 | 404 | 410; message: Message };

/** Checks a token's signature and expiry; the entitlement is checked by the route once the viewer is known. */
export function readDownloadToken(ctx: Pick<AccountContext, 'config'>, token: string): DownloadGrant | DownloadRefusal {
  const check = checkDownloadToken(ctx.config, token);
  if (check.ok) return check.grant;
  if (check.reason === 'EXPIRED') return { status: 410, message: msg('This download link has expired. Ask for a new one on View downloads.') };
  return { status: 403, message: msg('This download link is not valid.') };
}
