import type { DownloadLink } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { linkFor } from '../downloads/downloads.service.js';
import { ProductFile } from '../downloads/product-file.entity.js';
import { findVersionGrant, loadEntitlements } from './entitlements.js';

const MAX_LINKS = 100;

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

/** The file behind a grant, if the person still may download it (entitlement checked again at download time). */
export async function entitledFile(ctx: AccountContext, fileId: string): Promise<ProductFile | null> {
  const file = await ctx.em.findOne(ProductFile, { id: fileId }, { populate: ['version', 'version.product'] });
  if (!file) return null;
  return (await findVersionGrant(ctx, file.version.id)) ? file : null;
}
