import {
  InstallMethod,
  type InstallMethodInfo,
  type Platform,
  type ProductDownloads,
  type ProductEntitlement,
  type ProductFileConnection,
} from '@seatwise/schema';
import { entityConnection, type PageArgs } from '../../common/keyset.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { ProductFile, ProductFileKind } from '../downloads/product-file.entity.js';
import { findVersionGrant, loadEntitlements } from './entitlements.js';
import { toEntitlement, toProductFile } from './product-mapping.js';

/**
 * The comparison on "View all" (F-21): the facts of each method, the words are the SPA's. Only
 * what this server really does is listed: "Install now" (install and activate in one step) needs an
 * install helper that verifies and runs the installer with the activation data, and there is none yet.
 */
const methods: InstallMethodInfo[] = [
  { method: InstallMethod.DOWNLOAD_MANAGER, installsDirectly: false, activatesAutomatically: false, resumable: true, keepsInstaller: true, needsHelperApp: true },
  { method: InstallMethod.BROWSER_DOWNLOAD, installsDirectly: false, activatesAutomatically: false, resumable: true, keepsInstaller: true, needsHelperApp: false },
];

async function filesOf(ctx: AccountContext, versionIds: string[], kinds: ProductFileKind[]) {
  if (versionIds.length === 0) return [];
  return ctx.em.find(
    ProductFile,
    { version: { $in: versionIds }, kind: { $in: kinds } },
    { populate: ['version', 'version.product'], orderBy: { releasedAt: 'desc', name: 'asc' } },
  );
}

/** F-20, F-22, F-23: every product the viewer is entitled to, with licences, versions, keys, updates and add-ons. */
export async function listEntitlements(ctx: AccountContext): Promise<ProductEntitlement[]> {
  const now = ctx.config.now();
  const entitlements = await loadEntitlements(ctx);
  const versionIds = entitlements.flatMap((entitlement) => entitlement.versions.map((grant) => grant.version.id));
  const files = await filesOf(ctx, versionIds, [ProductFileKind.UPDATE, ProductFileKind.ADD_ON]);
  return entitlements.map((entitlement) => toEntitlement(entitlement, files, now));
}

/** F-21: installers of one entitled version, narrowed to a platform and language when given. */
export async function productDownloads(
  ctx: AccountContext,
  args: { versionId: string; platform?: Platform | null; language?: string | null },
): Promise<ProductDownloads> {
  const found = await findVersionGrant(ctx, args.versionId);
  if (!found) throw new InvalidInputError('versionId', msg('You are not entitled to this product version, or it does not exist.'));
  const installers = await filesOf(ctx, [args.versionId], [ProductFileKind.INSTALLER]);
  const platforms = [...new Set(installers.map((file) => file.platform))];
  const languages = [...new Set(installers.map((file) => file.language))].sort();
  if (args.platform && !platforms.includes(args.platform as never)) {
    throw new InvalidInputError('platform', msg('No installer of this version for {platform}.', { platform: args.platform }));
  }
  if (args.language && !languages.includes(args.language)) {
    throw new InvalidInputError('language', msg('No installer of this version in language "{language}".', { language: args.language }));
  }
  const version = found.grant.version;
  return {
    productId: version.product.id,
    productName: version.product.name,
    versionId: version.id,
    version: version.version,
    platforms: platforms as unknown as Platform[],
    languages,
    installers: installers
      .filter((file) => (!args.platform || file.platform === (args.platform as string)) && (!args.language || file.language === args.language))
      .map(toProductFile),
    methods,
  };
}

/** F-25: every update of every version the viewer may download. */
export async function listProductUpdates(ctx: AccountContext, page: PageArgs): Promise<ProductFileConnection> {
  const entitlements = await loadEntitlements(ctx);
  const versionIds = entitlements.flatMap((entitlement) => entitlement.versions.map((grant) => grant.version.id));
  return entityConnection(
    ctx.em,
    ProductFile,
    { version: { $in: versionIds }, kind: ProductFileKind.UPDATE },
    { path: ['releasedAt'], direction: 'desc' },
    page,
    (files) => files.map(toProductFile),
    { populate: ['version', 'version.product'] },
  );
}
