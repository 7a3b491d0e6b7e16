import { AppError, msg } from '../../errors.js';

/** Why a named-user checkout is refused: a stable code and a sentence in the request's language. */
export const checkoutRefusals = {
  PRODUCT_NOT_FOUND: () => new AppError('PRODUCT_NOT_FOUND', msg('There is no product with this code.'), 'product'),
  NO_SEAT: () => new AppError('NO_SEAT', msg('You hold no seat of this product. Ask an admin of your account to assign you one.'), 'product'),
  SUBSCRIPTION_EXPIRED: () => new AppError('SUBSCRIPTION_EXPIRED', msg('The subscription of your seat has ended or was cancelled.'), 'product'),
  VERSION_NOT_COVERED: () => new AppError('VERSION_NOT_COVERED', msg('Your subscription does not cover this version of the product.'), 'version'),
  TOO_MANY_MACHINES: (limit: number) =>
    new AppError('TOO_MANY_MACHINES', msg('This product already runs on the most machines your licence allows ({limit}). Release one in your Seatwise profile.', { limit }), 'machine', { limit }),
  INVALID_TOKEN: () => new AppError('UNAUTHENTICATED', msg('Sign in to Seatwise from the product again: its access token is missing, expired or revoked.')),
  BAD_MACHINE: () => new AppError('BAD_USER_INPUT', msg('Send product, version and machine (fingerprint, name, platform) as JSON.'), 'machine'),
};

export const deviceNotFound = () => new AppError('NOT_FOUND', msg('There is no such device.'), 'id');
