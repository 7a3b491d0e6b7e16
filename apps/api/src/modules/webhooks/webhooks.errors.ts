import { AppError, msg } from '../../errors.js';

export const endpointNotFound = () => new AppError('NOT_FOUND', msg('The webhook endpoint was not found.'), 'id');
export const deliveryNotFound = () => new AppError('NOT_FOUND', msg('The webhook delivery was not found.'), 'deliveryId');
export const badUrl = () =>
  new AppError('BAD_USER_INPUT', msg('Enter an https:// address (http:// only for localhost while testing), without a user name or password.'), 'url');
export const tooManyEndpoints = (max: number) => new AppError('LIMIT_REACHED', msg('At most {max} webhook endpoints can be added: delete one first.', { max }), 'url');
export const vendorOnlyEvent = () => new AppError('BAD_USER_INPUT', msg('Customer events go only to the vendor\'s endpoints.'), 'events');
export const noEvents = () => new AppError('BAD_USER_INPUT', msg('Choose at least one event, or all events.'), 'events');
export const deliveryPending = () =>
  new AppError('WEBHOOK_DELIVERY_PENDING', msg('This delivery is still being tried: wait for it to succeed or fail before sending it again.'), 'deliveryId');
export const endpointDisabled = () => new AppError('WEBHOOK_ENDPOINT_DISABLED', msg('Turn the endpoint on before sending it events again.'), 'deliveryId');
/** An endpoint on an internal address (webhook-address.ts): refused when it is saved. */
export const internalAddress = (host: string, address: string) =>
  host === address
    ? new AppError('WEBHOOK_ADDRESS_NOT_ALLOWED', msg('{address} is a private or internal address: webhooks are sent only to public addresses.', { address }), 'url')
    : new AppError(
        'WEBHOOK_ADDRESS_NOT_ALLOWED',
        msg('{host} points to a private or internal address ({address}): webhooks are sent only to public addresses.', { host, address }),
        'url',
      );
