import type {
  EntitledVersion,
  LicenceType,
  ProductEntitlement,
  ProductFile as ProductFileType,
  ProductKind,
  ProductLicence,
  SubscriptionTerm,
  Trial as TrialType,
} from '@seatwise/schema';
import type { ProductFile } from '../downloads/product-file.entity.js';
import { ProductFileKind } from '../downloads/product-file.entity.js';
import { SubscriptionState } from '../subscriptions/subscription.entity.js';
import type { Trial } from './trial.entity.js';
import { isOffered } from '../catalog/catalog-rules.js';
import { productKey } from './entitlement-rules.js';
import type { Entitlement, LicenceGrant } from './entitlements.js';

/** Entities to contract types for the products area; no queries here. */
export function toProductFile(file: ProductFile): ProductFileType {
  const version = file.version;
  return {
    id: file.id,
    kind: file.kind,
    name: file.name,
    description: file.description,
    productId: version.product.id,
    productName: version.product.name,
    versionId: version.id,
    version: version.version,
    platform: file.platform,
    language: file.language,
    fileName: file.fileName,
    size: Number(file.size),
    sha256: file.sha256,
    releasedAt: file.releasedAt,
  };
}

export function toTrial(trial: Trial, now: Date): TrialType {
  const current = [...trial.product.versions].filter(isOffered).sort((a, b) => b.releasedAt.localeCompare(a.releasedAt))[0];
  const left = Math.max(0, Math.ceil((trial.endsAt.getTime() - now.getTime()) / 86_400_000));
  return {
    id: trial.id,
    productId: trial.product.id,
    productName: trial.product.name,
    versionId: current?.id ?? null,
    startedAt: trial.createdAt,
    endsAt: trial.endsAt,
    daysLeft: left,
    active: trial.endsAt > now,
  };
}

function toLicence(licence: LicenceGrant): ProductLicence {
  const subscription = licence.subscription;
  return {
    subscriptionId: subscription.id,
    subscriptionName: subscription.name,
    licenceType: subscription.licenceType as unknown as LicenceType,
    term: subscription.term as unknown as SubscriptionTerm,
    seats: subscription.seats,
    seatsAssigned: licence.seatsAssigned,
    holdsSeat: licence.holdsSeat,
    startsOn: subscription.startsOn,
    endsOn: subscription.endsOn,
    daysLeft: licence.daysLeft,
    active: licence.running,
    cancelled: subscription.state === SubscriptionState.CANCELLED,
    serialNumber: subscription.serialNumber,
  };
}

/** `files` holds the updates and add-ons of the entitled versions. */
export function toEntitlement(entitlement: Entitlement, files: ProductFile[], now: Date): ProductEntitlement {
  const product = entitlement.product;
  const versions: EntitledVersion[] = entitlement.versions.map(({ version, subscription }, index) => {
    const own = files.filter((file) => file.version.id === version.id);
    return {
      id: version.id,
      version: version.version,
      releasedAt: version.releasedAt,
      current: index === 0,
      serialNumber: subscription?.serialNumber ?? `TRIAL-${product.code}-${version.version}`,
      productKey: productKey(product.code, version.version),
      trial: subscription === null,
      updates: own.filter((file) => file.kind === ProductFileKind.UPDATE).map(toProductFile),
      addOns: own.filter((file) => file.kind === ProductFileKind.ADD_ON).map(toProductFile),
    };
  });
  return {
    id: product.id,
    code: product.code,
    name: product.name,
    description: product.description,
    kind: product.kind as unknown as ProductKind,
    licences: entitlement.licences.map(toLicence),
    versions,
    trial: entitlement.trial ? toTrial(entitlement.trial, now) : null,
    homeUseAllowed: entitlement.homeUseAllowed,
    networkLicenceAllowed: entitlement.networkLicenceAllowed,
  };
}
