import type { DownloadLink } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, type Message, msg } from '../../errors.js';
import { findVersionGrant, loadEntitlements } from '../products/entitlements.js';
import { checkDownloadToken, type DownloadGrant, signDownloadGrant } from './download-link.js';
import { ProductFile } from './product-file.entity.js';

const MAX_LINKS = 100;

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

/** Signed links for one or several files (F-21, F-25 "download selected / all"); every file must be entitled. */
export async function createDownloadLinks(ctx: AccountContext, fileIds: string[]): Promise<DownloadLink[]> {
  if (fileIds.length === 0) throw new InvalidInputError('fileIds', msg('Choose at least one file.'));
  if (fileIds.length > MAX_LINKS) throw new InvalidInputError('fileIds', msg('Choose at most {max} files at a time.', { max: MAX_LINKS }));
  const files = await ctx.em.find(ProductFile, { id: { $in: fileIds } }, { populate: ['version'] });
  const entitled = new Set(
    (await loadEntitlements(ctx)).flatMap((entitlement) => entitlement.versions.map((grant) => grant.version.id)),
  );
  return fileIds.map((id, index) => {
    const file = files.find((candidate) => candidate.id === id);
    if (!file || !entitled.has(file.version.id)) {
      throw new InvalidInputError(`fileIds[${index}]`, msg('This file does not exist or you are not entitled to download it.'));
    }
    return linkFor(ctx, 'f', { id: file.id, fileName: file.fileName, size: Number(file.size), sha256: file.sha256 });
  });
}

export type DownloadRefusal = { status: 400 | 403 | 404 | 410; message: Message };

/** Checks a token's signature and expiry; the entitlement is checked by the route once the viewer is known. */
export function readDownloadToken(ctx: Pick<AccountContext, 'config'>, token: string): DownloadGrant | DownloadRefusal {
  const check = checkDownloadToken(ctx.config, token);
  if (check.ok) return check.grant;
  if (check.reason === 'EXPIRED') return { status: 410, message: msg('This download link has expired. Ask for a new one on View downloads.') };
  return { status: 403, message: msg('This download link is not valid.') };
}

/** The file behind a grant, if the person still may download it (entitlement checked again at download time). */
export async function entitledFile(ctx: AccountContext, fileId: string): Promise<ProductFile | null> {
  const file = await ctx.em.findOne(ProductFile, { id: fileId }, { populate: ['version', 'version.product'] });
  if (!file) return null;
  return (await findVersionGrant(ctx, file.version.id)) ? file : null;
}
