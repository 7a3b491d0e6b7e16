import { AppError, InvalidInputError, msg } from '../../errors.js';

export const invalidUserCode = () =>
  new AppError('INVALID_USER_CODE', msg('This code does not work: check it on the device, or start again there for a new one.'), 'userCode');

export const tooManyUserCodes = () =>
  new AppError('TOO_MANY_ATTEMPTS', msg('Too many codes were tried. Wait a few minutes and try again.'), 'userCode');

export const interactionEnded = () =>
  new AppError('INTERACTION_NOT_FOUND', msg('This sign-in request has ended. Start again in the product.'), 'uid');

export const connectedAppNotFound = () => new AppError('NOT_FOUND', msg('There is no such connected app.'), 'id');

export const oauthClientNotFound = () => new AppError('NOT_FOUND', msg('There is no OAuth client with this id.'), 'id');

export const badClientName = () => new InvalidInputError('name', msg('Give the product a name of 1 to 100 characters.'));

export const badRedirectUri = (uri: string) =>
  new InvalidInputError('redirectUris', msg('{uri} is not a loopback redirect: use http://127.0.0.1/… or http://[::1]/… (RFC 8252).', { uri: uri.slice(0, 200) }));

export const tooManyRedirectUris = () => new InvalidInputError('redirectUris', msg('At most 10 redirect URIs.'));
