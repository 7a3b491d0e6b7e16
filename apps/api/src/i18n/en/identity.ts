import { plural } from '../plural.js';

/** English forms of the plural messages of modules/identity. */
export const identity: Record<string, string> = {
  ...plural('Too many failed attempts. Wait {count} minutes and try again, or reset your password.', {
    one: 'Too many failed attempts. Wait {count} minute and try again, or reset your password.',
    other: 'Too many failed attempts. Wait {count} minutes and try again, or reset your password.',
  }),
  ...plural('A code was just sent. Wait {count} seconds before asking for another.', {
    one: 'A code was just sent. Wait {count} second before asking for another.',
    other: 'A code was just sent. Wait {count} seconds before asking for another.',
  }),
  ...plural('Too many wrong codes. Try again in {count} minutes.', {
    one: 'Too many wrong codes. Try again in {count} minute.',
    other: 'Too many wrong codes. Try again in {count} minutes.',
  }),
};
