import { AppError, InvalidInputError, msg } from '../../errors.js';

/** A change made on a revision someone has changed since: nothing is written, the client reloads. */
export const staleChange = (record: 'product' | 'version', id: string) =>
  new AppError(
    'STALE_CHANGE',
    record === 'product'
      ? msg('Someone changed this product since you opened it. Reload it and make your change again.')
      : msg('Someone changed this version since you opened it. Reload it and make your change again.'),
    'expectedRevision',
    { record, id },
  );

export const productNotFound = (field = 'productId') => new InvalidInputError(field, msg('There is no product with this id in the catalogue.'));

export const versionNotFound = (field = 'versionId') => new InvalidInputError(field, msg('There is no product version with this id in the catalogue.'));

export const uploadNotFound = (field = 'id') => new AppError('NOT_FOUND', msg('There is no upload with this id: it was finished, cancelled or discarded.'), field);

export const fileTooLarge = (max: number) =>
  new AppError('FILE_TOO_LARGE', msg('The file is larger than this server accepts ({max} bytes at most).', { max }), 'size', { maxBytes: max });
