import { plural } from '../plural.js';

/** English forms of the plural messages of mails and text messages. */
export const mail: Record<string, string> = {
  ...plural('The link works once and for {count} minutes. Setting a new password signs you out on every other device.', {
    one: 'The link works once and for {count} minute. Setting a new password signs you out on every other device.',
    other: 'The link works once and for {count} minutes. Setting a new password signs you out on every other device.',
  }),
  ...plural('To sign in to {brand} with {email} from now on, open this link within {count} hours:', {
    one: 'To sign in to {brand} with {email} from now on, open this link within {count} hour:',
    other: 'To sign in to {brand} with {email} from now on, open this link within {count} hours:',
  }),
  ...plural('{code} is your {brand} code. It expires in {count} minutes. Do not share it.', {
    one: '{code} is your {brand} code. It expires in {count} minute. Do not share it.',
    other: '{code} is your {brand} code. It expires in {count} minutes. Do not share it.',
  }),
};
