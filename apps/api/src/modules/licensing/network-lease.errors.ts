import { AppError, msg } from '../../errors.js';

/** Why a network lease call is refused: a stable code, the field, and a sentence in the request's language. */
export const leaseRefusals = {
  PRODUCT_NOT_FOUND: () => new AppError('PRODUCT_NOT_FOUND', msg('There is no product with this code.'), 'product'),
  NO_NETWORK_LICENCE: () => new AppError('NO_NETWORK_LICENCE', msg('Your account has no network licence of this product.'), 'product'),
  SUBSCRIPTION_EXPIRED: () => new AppError('SUBSCRIPTION_EXPIRED', msg('The network licence of this product has ended or was cancelled.'), 'product'),
  VERSION_NOT_COVERED: () => new AppError('VERSION_NOT_COVERED', msg('Your subscription does not cover this version of the product.'), 'version'),
  NO_FREE_SEAT: (held: { seats: number; leases: number; inLicenceFiles: number; freeAgainAt: Date | null }) =>
    new AppError(
      'NO_FREE_SEAT',
      msg('Every network seat of this product is in use: {leases} held by running products and {inLicenceFiles} in licence files, of {seats}. Try again when one is checked in.', { leases: held.leases, inLicenceFiles: held.inLicenceFiles, seats: held.seats }),
      'product',
      { seats: held.seats, leases: held.leases, inLicenceFiles: held.inLicenceFiles, freeAgainAt: held.freeAgainAt?.toISOString() ?? null },
    ),
  LEASE_NOT_FOUND: () => new AppError('LEASE_NOT_FOUND', msg('There is no such network lease of yours. Check out again.'), 'leaseId'),
  LEASE_EXPIRED: () => new AppError('LEASE_EXPIRED', msg('This network lease expired: no heartbeat came for two intervals. Check out again.'), 'leaseId'),
  LEASE_RELEASED: () => new AppError('LEASE_RELEASED', msg('This network lease was checked in or released by an admin. Check out again.'), 'leaseId'),
  BAD_LEASE: () => new AppError('BAD_USER_INPUT', msg('Send the leaseId of your checkout as JSON.'), 'leaseId'),
};

export const leaseNotFound = () => new AppError('NOT_FOUND', msg('There is no such network lease in this account, or it has already ended.'), 'id');
