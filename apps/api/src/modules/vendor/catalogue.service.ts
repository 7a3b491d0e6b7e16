import {
  type AddProductVersionInput,
  type CatalogueProduct,
  type CatalogueProductConnection,
  type CreateCatalogueProductInput,
  LicenceType,
  ProductVersionStatus as Status,
  type PublishProductVersionInput,
  type SetProductVersionStatusInput,
  type SetTrialOfferInput,
  type UpdateCatalogueProductInput,
} from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inTransaction, isUniqueViolation, run } from '../../common/transaction.js';
import { isPostgres } from '../../db/database.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { Product, ProductKind } from '../catalog/product.entity.js';
import { ProductVersion, ProductVersionStatus } from '../catalog/product-version.entity.js';
import { ProductFile } from '../downloads/product-file.entity.js';
import { productNotFound, staleChange, versionNotFound } from './catalogue.errors.js';
import { publishVersionReleased } from './catalogue.events.js';
import { toCatalogueProduct } from './catalogue-mapping.js';
import { FileUploadRow } from './file-upload.entity.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,19}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Message = ReturnType<typeof msg>;

function requireText(field: string, raw: string | null | undefined, max: number, empty: Message, tooLong: Message): string {
  const text = (raw ?? '').trim();
  if (!text) throw new InvalidInputError(field, empty);
  if (text.length > max) throw new InvalidInputError(field, tooLong);
  return text;
}

const requireName = (raw: string | null | undefined) => requireText('name', raw, 200, msg('Enter the name of the product.'), msg('The name can be at most 200 characters.'));

function optionalDescription(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (text.length > 2000) throw new InvalidInputError('description', msg('The description can be at most 2,000 characters.'));
  return text || null;
}

function requireLicenceTypes(kind: ProductKind, types: LicenceType[]): LicenceType[] {
  const unique = [...new Set(types)];
  if (!unique.length) throw new InvalidInputError('licenceTypes', msg('Choose at least one licence type the product is offered with.'));
  if (kind === ProductKind.CLOUD_SERVICE ? unique.some((type) => type !== LicenceType.CLOUD) : unique.includes(LicenceType.CLOUD)) {
    throw new InvalidInputError('licenceTypes', msg('Cloud licences are for cloud services, the other licence types for software.'));
  }
  return unique;
}

const codeTaken = (code: string) => new AppError('PRODUCT_CODE_TAKEN', msg('Another product already has the code {code}.', { code }), 'code', { productCode: code });

/**
 * Claims the next revision of a record made on `expected`, inside the change's transaction: the
 * conditional update lets exactly one of two changes on the same revision through, and the other
 * is refused as stale before it writes anything.
 */
async function claimRevision(tx: StaffContext, record: 'product' | 'version', entity: { id: string; revision: number }, expected: number) {
  const table = record === 'product' ? 'products' : 'product_versions';
  if (entity.revision !== expected || (await run(tx, `update ${table} set revision = revision + 1 where id = ? and revision = ?`, [entity.id, expected])) !== 1) {
    throw staleChange(record, entity.id);
  }
  entity.revision = expected + 1;
}

/** One product with its versions, files and unfinished uploads. */
export async function findCatalogueProduct(ctx: StaffContext, id: string, field = 'id'): Promise<CatalogueProduct> {
  const product = await ctx.em.findOne(Product, { id }, { refresh: true });
  if (!product) throw productNotFound(field);
  const [withDetails] = await withVersions(ctx, [product]);
  return withDetails!;
}

async function withVersions(ctx: StaffContext, products: Product[]): Promise<CatalogueProduct[]> {
  if (!products.length) return [];
  const ids = products.map((product) => product.id);
  const versions = await ctx.em.find(ProductVersion, { product: { $in: ids } }, { refresh: true });
  const versionIds = versions.map((version) => version.id);
  const [files, uploads] = versionIds.length
    ? await Promise.all([
        ctx.em.find(ProductFile, { version: { $in: versionIds } }),
        ctx.em.find(FileUploadRow, { version: { $in: versionIds } }, { orderBy: { createdAt: 'asc' } }),
      ])
    : [[], []];
  return products.map((product) => toCatalogueProduct(product, versions, files, uploads));
}

/** The catalogue by name: search by code or name, keyset pages. */
export async function listCatalogueProducts(ctx: StaffContext, args: { first?: number | null; after?: string | null; filter?: { search?: string | null } | null }): Promise<CatalogueProductConnection> {
  const limit = pageSize(args.first);
  const search = args.filter?.search?.trim().toLowerCase();
  const where: Record<string, unknown> = {};
  if (search) {
    // Wildcards are dropped rather than escaped: `$ilike` sets no escape character on SQLite.
    const pattern = `%${search.replace(/[\\%_]/g, '')}%`;
    // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL needs ILIKE.
    const like = isPostgres(ctx.em) ? '$ilike' : '$like';
    where.$or = [{ code: { [like]: pattern } }, { name: { [like]: pattern } }];
  }
  const totalCount = await ctx.em.count(Product, where);
  const page: Record<string, unknown>[] = [where];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    page.push({ $or: [{ name: { $gt: String(cursor.sortValue) } }, { name: String(cursor.sortValue), id: { $gt: cursor.id } }] });
  }
  const rows = await ctx.em.find(Product, { $and: page }, { orderBy: { name: 'asc', id: 'asc' }, limit: limit + 1, refresh: true });
  const nodes = await withVersions(ctx, rows.slice(0, limit));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return connectionOf(rows, { limit, after: args.after, totalCount }, (row) => encodeCursor(row.name, row.id), (row) => byId.get(row.id)!);
}

export async function createCatalogueProduct(ctx: StaffContext, input: CreateCatalogueProductInput): Promise<CatalogueProduct> {
  const code = (input.code ?? '').trim().toUpperCase();
  if (!CODE.test(code)) throw new InvalidInputError('code', msg('The code is 2 to 20 capital letters, digits or hyphens, such as DRF or PLANT-3D.'));
  const name = requireName(input.name);
  const kind = (input.kind as ProductKind | null | undefined) ?? ProductKind.SOFTWARE;
  const description = optionalDescription(input.description);
  const licenceTypes = requireLicenceTypes(kind, input.licenceTypes);
  if (await ctx.em.count(Product, { code })) throw codeTaken(code);
  const id = await inTransaction(ctx, async (tx) => {
    const product = tx.em.create(Product, { code, name, kind, description, licenceTypes, trialDays: kind === ProductKind.SOFTWARE ? 30 : null });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.product.create',
      summary: `Added the product ${code} ${name} to the catalogue`,
      details: { code, name, kind, licenceTypes },
    });
    await tx.em.flush();
    return product.id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw codeTaken(code);
    throw error;
  });
  return findCatalogueProduct(ctx, id);
}

export async function updateCatalogueProduct(ctx: StaffContext, input: UpdateCatalogueProductInput): Promise<CatalogueProduct> {
  const name = input.name === undefined || input.name === null ? null : requireName(input.name);
  const description = input.description === undefined || input.description === null ? undefined : optionalDescription(input.description);
  await inTransaction(ctx, async (tx) => {
    const product = await tx.em.findOne(Product, { id: input.id }, { refresh: true });
    if (!product) throw productNotFound('id');
    await claimRevision(tx, 'product', product, input.expectedRevision);
    const before = { name: product.name, description: product.description, licenceTypes: product.licenceTypes };
    if (name !== null) product.name = name;
    if (description !== undefined) product.description = description;
    if (input.licenceTypes) product.licenceTypes = requireLicenceTypes(product.kind, input.licenceTypes);
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.product.update',
      summary: `Changed the product ${product.code} ${product.name}`,
      details: { before, after: { name: product.name, description: product.description, licenceTypes: product.licenceTypes } },
    });
    await tx.em.flush();
  });
  return findCatalogueProduct(ctx, input.id);
}

/** The trial customers may start of a product: its length, or none. */
export async function setTrialOffer(ctx: StaffContext, input: SetTrialOfferInput): Promise<CatalogueProduct> {
  if (input.days !== null && (!Number.isInteger(input.days) || input.days < 1 || input.days > 365)) {
    throw new InvalidInputError('days', msg('A trial lasts 1 to 365 days.'));
  }
  await inTransaction(ctx, async (tx) => {
    const product = await tx.em.findOne(Product, { id: input.productId }, { refresh: true });
    if (!product) throw productNotFound();
    await claimRevision(tx, 'product', product, input.expectedRevision);
    if (input.days !== null && product.kind !== ProductKind.SOFTWARE) {
      throw new InvalidInputError('days', msg('{product} is a cloud service: there is nothing to try out.', { product: product.name }));
    }
    const before = product.trialDays;
    product.trialDays = input.days;
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.trial-offer.set',
      summary: input.days === null ? `Stopped offering a trial of ${product.code}` : `Offered a ${input.days}-day trial of ${product.code}`,
      details: { before, after: input.days },
    });
    await tx.em.flush();
  });
  return findCatalogueProduct(ctx, input.productId);
}

/** A new version of a product, as a draft customers do not see until it is published. */
export async function addProductVersion(ctx: StaffContext, input: AddProductVersionInput): Promise<CatalogueProduct> {
  const version = requireText('version', input.version, 40, msg('Enter the version, such as 2027.'), msg('The version can be at most 40 characters.'));
  if (!DAY.test(input.releasedOn) || Number.isNaN(Date.parse(`${input.releasedOn}T00:00:00Z`)) || new Date(`${input.releasedOn}T00:00:00Z`).toISOString().slice(0, 10) !== input.releasedOn) {
    throw new InvalidInputError('releasedOn', msg('Enter the release date as YYYY-MM-DD.'));
  }
  const product = await ctx.em.findOne(Product, { id: input.productId });
  if (!product) throw productNotFound();
  if (product.kind !== ProductKind.SOFTWARE) throw new InvalidInputError('productId', msg('{product} is a cloud service: it has no versions to download.', { product: product.name }));
  const taken = () => new InvalidInputError('version', msg('{product} already has a version {version}.', { product: product.name, version }));
  if (await ctx.em.count(ProductVersion, { product, version })) throw taken();
  await inTransaction(ctx, async (tx) => {
    tx.em.create(ProductVersion, { product: tx.em.getReference(Product, product.id), version, releasedAt: input.releasedOn });
    recordVendorAudit(tx.em, {
    ...staffActor(ctx.staff),
    action: 'catalogue.version.add',
    summary: `Added the draft version ${version} of ${product.code}`,
    details: { version, releasedOn: input.releasedOn },
    });
    await tx.em.flush();
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  });
  return findCatalogueProduct(ctx, product.id);
}

/** Makes `version` current, the former current version of the product previous. */
async function makeCurrent(tx: StaffContext, version: ProductVersion) {
  const others = await tx.em.find(ProductVersion, { product: version.product, status: ProductVersionStatus.CURRENT, id: { $ne: version.id } });
  for (const other of others) {
    other.status = ProductVersionStatus.PREVIOUS;
    other.revision += 1;
  }
  version.status = ProductVersionStatus.CURRENT;
}

/** Between current, previous and retired, for a published version. */
export async function setProductVersionStatus(ctx: StaffContext, input: SetProductVersionStatusInput): Promise<CatalogueProduct> {
  if (input.status === Status.DRAFT) throw new InvalidInputError('status', msg('A published version cannot become a draft again: retire it instead.'));
  const productId = await inTransaction(ctx, async (tx) => {
    const version = await tx.em.findOne(ProductVersion, { id: input.versionId }, { populate: ['product'], refresh: true });
    if (!version) throw versionNotFound();
    await claimRevision(tx, 'version', version, input.expectedRevision);
    if (version.status === ProductVersionStatus.DRAFT) throw new InvalidInputError('versionId', msg('Publish the version first: it is still a draft.'));
    const before = version.status;
    if (input.status === Status.CURRENT) await makeCurrent(tx, version);
    else version.status = input.status as unknown as ProductVersionStatus;
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.version.status',
      summary: `Made ${version.product.code} ${version.version} ${input.status.toLowerCase()} (was ${before.toLowerCase()})`,
      details: { before, after: input.status },
    });
    await tx.em.flush();
    return version.product.id;
  });
  return findCatalogueProduct(ctx, productId);
}

/**
 * Publishes a draft: it becomes the current version (the former one previous), customers entitled
 * to the product see it in their latest updates, and those who want product updates by mail get
 * one, after commit.
 */
export async function publishProductVersion(ctx: StaffContext, input: PublishProductVersionInput): Promise<CatalogueProduct> {
  const productId = await inTransaction(ctx, async (tx) => {
    const version = await tx.em.findOne(ProductVersion, { id: input.versionId }, { populate: ['product'], refresh: true });
    if (!version) throw versionNotFound();
    await claimRevision(tx, 'version', version, input.expectedRevision);
    if (version.status !== ProductVersionStatus.DRAFT) throw new InvalidInputError('versionId', msg('This version is already published.'));
    if (!(await tx.em.count(ProductFile, { version }))) throw new InvalidInputError('versionId', msg('Add at least one file to the version before publishing it.'));
    await makeCurrent(tx, version);
    version.publishedAt = ctx.config.now();
    const recipients = await publishVersionReleased(tx, version);
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.version.publish',
      summary: `Published ${version.product.code} ${version.version} to customers; ${recipients} people notified by mail`,
      details: { version: version.version, recipients },
    });
    await tx.em.flush();
    return version.product.id;
  });
  return findCatalogueProduct(ctx, productId);
}
