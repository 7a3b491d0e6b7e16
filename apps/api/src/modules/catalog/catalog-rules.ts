import { ProductVersionStatus } from './product-version.entity.js';

/**
 * Which versions customers are offered: published and not retired. Entitlements (products/
 * entitlements.ts), the admin home's latest releases and the catalogue's notifications all ask this.
 */
export const OFFERED_STATUSES: readonly ProductVersionStatus[] = [ProductVersionStatus.CURRENT, ProductVersionStatus.PREVIOUS];

export const isOffered = (version: { status: ProductVersionStatus }) => OFFERED_STATUSES.includes(version.status);

/** The same rule as SQL on a product_versions alias. */
export const offeredSql = (alias: string) => `${alias}.status in (${OFFERED_STATUSES.map((status) => `'${status}'`).join(', ')})`;
