import type {
  CreateInstallPackageInput,
  DownloadLink,
  InstallPackage as InstallPackageType,
  InstallPackageConnection,
  InstallPackageStatus,
  Platform as PlatformType,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { linkFor } from '../downloads/downloads.service.js';
import { ProductFile, ProductFileKind } from '../downloads/product-file.entity.js';
import { User } from '../identity/user.entity.js';
import { JobStatus } from '../jobs/job.entity.js';
import { enqueueJob, jobErrorText } from '../jobs/job-queue.js';
import { isAdminRole } from './entitlement-rules.js';
import { findVersionGrant } from './entitlements.js';
import { InstallPackage, type InstallSettings } from './install-package.entity.js';
import { recordProductAudit } from '../audit/audit.service.js';
import { entityConnection, LATEST_FIRST, type PageArgs } from '../../common/keyset.js';

export const BUILD_INSTALL_PACKAGE = 'install-package.build';

const defaultInstallPath: Record<string, string> = {
  WINDOWS: 'C:\\Program Files\\Seatwise',
  MACOS: '/Applications',
  LINUX: '/opt/seatwise',
};

function toInstallPackage(pkg: InstallPackage, addOnNames: Map<string, string>): InstallPackageType {
  return {
    id: pkg.id,
    name: pkg.name,
    productName: pkg.version.product.name,
    version: pkg.version.version,
    platform: pkg.platform as unknown as PlatformType,
    language: pkg.language,
    addOns: pkg.addOnIds.map((id) => addOnNames.get(id) ?? id),
    settings: pkg.settings,
    status: pkg.job.status as unknown as InstallPackageStatus,
    progress: pkg.job.progress,
    error: pkg.job.status === JobStatus.FAILED ? jobErrorText(pkg.job.error) : null,
    size: pkg.size === null ? null : Number(pkg.size),
    sha256: pkg.sha256,
    createdAt: pkg.createdAt,
  };
}

async function addOnNamesOf(ctx: AccountContext, packages: InstallPackage[]) {
  const ids = [...new Set(packages.flatMap((pkg) => pkg.addOnIds))];
  const files = ids.length ? await ctx.em.find(ProductFile, { id: { $in: ids } }, { fields: ['name'] }) : [];
  return new Map(files.map((file) => [file.id, file.name]));
}

/** Line breaks and every other control character (C0, DEL, C1, the Unicode line and paragraph separators). */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The name and the install folder end up in the package's install script. The sh script quotes
 * every value, so a Linux or macOS folder may hold any character but a control character; cmd has
 * no quoting that keeps " % or ! literal (nor a line break), so a Windows folder may not hold them.
 */
function validName(input: CreateInstallPackageInput): string {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw new InvalidInputError('name', msg('Give the package a name of 1 to 100 characters.'));
  if (CONTROL.test(name)) throw new InvalidInputError('name', msg('The package name must be one line, without control characters.'));
  return name;
}

function validSettings(input: CreateInstallPackageInput, platform: string): InstallSettings {
  const installPath = input.settings?.installPath?.trim() || defaultInstallPath[platform]!;
  if (installPath.length > 200 || CONTROL.test(installPath)) {
    throw new InvalidInputError('settings.installPath', msg('The install folder must be one line of at most 200 characters, without control characters.'));
  }
  if (platform === 'WINDOWS' && /["%!]/.test(installPath)) {
    throw new InvalidInputError('settings.installPath', msg('A Windows install folder cannot contain ", % or !.'));
  }
  return { installPath, desktopShortcut: input.settings?.desktopShortcut ?? true, silent: input.settings?.silent ?? false };
}

/** F-24 custom install package: validated completely, then queued for the background build in one transaction. */
export async function createInstallPackage(ctx: AccountContext, input: CreateInstallPackageInput): Promise<InstallPackageType> {
  const name = validName(input);
  const found = await findVersionGrant(ctx, input.versionId);
  if (!found) throw new InvalidInputError('versionId', msg('You are not entitled to this version, or it does not exist.'));
  const version = found.grant.version;
  if (version.product.id !== input.productId) {
    throw new InvalidInputError('versionId', msg('Version {version} is not a version of the chosen product.', { version: version.version }));
  }
  const files = await ctx.em.find(ProductFile, { version: version.id });
  const installers = files.filter((file) => file.kind === ProductFileKind.INSTALLER);
  if (!installers.some((file) => file.platform === (input.platform as string))) {
    throw new InvalidInputError('platform', msg('{product} {version} has no installer for {platform}.', { product: version.product.name, version: version.version, platform: input.platform }));
  }
  if (!installers.some((file) => file.platform === (input.platform as string) && file.language === input.language)) {
    throw new InvalidInputError('language', msg('{product} {version} has no {platform} installer in "{language}".', {
      product: version.product.name,
      version: version.version,
      platform: input.platform,
      language: input.language,
    }));
  }
  const addOnIds = [...new Set(input.addOnIds ?? [])];
  addOnIds.forEach((id, index) => {
    if (!files.some((file) => file.id === id && file.kind === ProductFileKind.ADD_ON)) {
      throw new InvalidInputError(`addOnIds[${index}]`, msg('This add-on does not belong to the chosen version.'));
    }
  });
  const settings = validSettings(input, input.platform);

  const pkg = await inTransaction(ctx, async (tx) => {
    const job = enqueueJob(tx.em, ctx.viewer.accountId, BUILD_INSTALL_PACKAGE, {});
    const created = tx.em.create(InstallPackage, {
      account: ctx.viewer.accountId,
      name,
      createdBy: tx.em.getReference(User, ctx.viewer.userId),
      version,
      platform: input.platform as never,
      language: input.language,
      addOnIds,
      settings,
      job,
    });
    job.payload = { packageId: created.id };
    recordProductAudit(tx.em, {
      accountId: ctx.viewer.accountId,
      actorId: ctx.viewer.userId,
      action: 'package.create',
      targetType: 'InstallPackage',
      targetId: created.id,
      summary: msg('Custom install package "{name}": {product} {version}, {platform}, {language}', { name, product: version.product.name, version: version.version, platform: input.platform, language: input.language }),
      after: { addOnIds, settings },
    });
    return created;
  });
  return toInstallPackage(pkg, await addOnNamesOf(ctx, [pkg]));
}

/** The packages a person made; admins see every package of the account. Newest first. */
export async function listInstallPackages(ctx: AccountContext, page: PageArgs): Promise<InstallPackageConnection> {
  const where = isAdminRole(ctx.viewer.role) ? {} : { createdBy: ctx.viewer.userId };
  return entityConnection(
    ctx.em,
    InstallPackage,
    where,
    LATEST_FIRST,
    page,
    async (packages) => {
      const names = await addOnNamesOf(ctx, packages);
      return packages.map((pkg) => toInstallPackage(pkg, names));
    },
    { populate: ['job', 'version', 'version.product'] },
  );
}

async function visiblePackage(ctx: AccountContext, id: string): Promise<InstallPackage | null> {
  const pkg = await ctx.em.findOne(InstallPackage, { id }, { populate: ['job', 'version', 'version.product'] });
  if (!pkg || (!isAdminRole(ctx.viewer.role) && pkg.createdBy.id !== ctx.viewer.userId)) return null;
  return pkg;
}

export async function installPackageDownloadLink(ctx: AccountContext, id: string): Promise<DownloadLink> {
  const pkg = await visiblePackage(ctx, id);
  if (!pkg) throw new NotFoundError('Install package', 'id');
  if (pkg.job.status !== JobStatus.SUCCEEDED || !pkg.sha256 || pkg.size === null) {
    throw new InvalidInputError('id', msg('The package is not built yet: wait until its status is Ready.'));
  }
  if (!(await findVersionGrant(ctx, pkg.version.id))) throw new InvalidInputError('id', msg('You are no longer entitled to this version.'));
  return linkFor(ctx, 'p', { id: pkg.id, fileName: packageFileName(pkg), size: Number(pkg.size), sha256: pkg.sha256 });
}

export function packageFileName(pkg: InstallPackage): string {
  const slug = pkg.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'package';
  return `${slug}.tar.gz`;
}

/** For the download route: the built archive, if the person may still have it. */
export async function packageForDownload(ctx: AccountContext, id: string) {
  const pkg = await visiblePackage(ctx, id);
  if (!pkg || pkg.job.status !== JobStatus.SUCCEEDED || !pkg.storageKey || !pkg.sha256) return null;
  if (!(await findVersionGrant(ctx, pkg.version.id))) return null;
  return { storageKey: pkg.storageKey, fileName: packageFileName(pkg), sha256: pkg.sha256, label: `install package "${pkg.name}"` };
}
