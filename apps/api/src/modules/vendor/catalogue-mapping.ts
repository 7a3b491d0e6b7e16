import type { CatalogueFile, CatalogueProduct, CatalogueVersion, FileUpload, LicenceType, ProductVersionStatus } from '@seatwise/schema';
import type { Product } from '../catalog/product.entity.js';
import type { ProductVersion } from '../catalog/product-version.entity.js';
import type { ProductFile } from '../downloads/product-file.entity.js';
import type { FileUploadRow } from './file-upload.entity.js';

export const uploadUrl = (id: string) => `/api/uploads/${id}`;

export const toCatalogueFile = (file: ProductFile): CatalogueFile => ({
  id: file.id,
  kind: file.kind as CatalogueFile['kind'],
  name: file.name,
  platform: file.platform as CatalogueFile['platform'],
  language: file.language,
  fileName: file.fileName,
  size: Number(file.size),
  sha256: file.sha256,
  createdAt: file.createdAt,
});

export const toFileUpload = (upload: FileUploadRow): FileUpload => ({
  id: upload.id,
  versionId: upload.version.id,
  kind: upload.kind as FileUpload['kind'],
  name: upload.name,
  platform: upload.platform as FileUpload['platform'],
  language: upload.language,
  fileName: upload.fileName,
  size: Number(upload.size),
  received: Number(upload.received),
  url: uploadUrl(upload.id),
  createdAt: upload.createdAt,
});

const kindOrder = { INSTALLER: 0, UPDATE: 1, ADD_ON: 2 } as const;

export function toCatalogueVersion(version: ProductVersion, files: ProductFile[], uploads: FileUploadRow[]): CatalogueVersion {
  return {
    id: version.id,
    productId: version.product.id,
    version: version.version,
    releasedOn: version.releasedAt,
    status: version.status as ProductVersionStatus,
    publishedAt: version.publishedAt,
    revision: version.revision,
    files: files
      .filter((file) => file.version.id === version.id)
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name) || a.platform.localeCompare(b.platform) || a.language.localeCompare(b.language))
      .map(toCatalogueFile),
    uploads: uploads.filter((upload) => upload.version.id === version.id).map(toFileUpload),
  };
}

export function toCatalogueProduct(product: Product, versions: ProductVersion[], files: ProductFile[] = [], uploads: FileUploadRow[] = []): CatalogueProduct {
  const own = versions.filter((version) => version.product.id === product.id).sort((a, b) => b.releasedAt.localeCompare(a.releasedAt) || b.version.localeCompare(a.version));
  return {
    id: product.id,
    code: product.code,
    name: product.name,
    kind: product.kind as CatalogueProduct['kind'],
    description: product.description,
    licenceTypes: product.licenceTypes as LicenceType[],
    trialDays: product.trialDays,
    revision: product.revision,
    versionCount: own.length,
    currentVersion: own.find((version) => version.status === 'CURRENT')?.version ?? null,
    versions: own.map((version) => toCatalogueVersion(version, files, uploads)),
  };
}
