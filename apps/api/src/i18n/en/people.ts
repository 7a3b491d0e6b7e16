import { plural } from '../plural.js';

/** English forms of the plural messages of modules/users, modules/teams and modules/seats. */
export const people: Record<string, string> = {
  ...plural('A file can hold at most {max} people; this one has {count}.', {
    one: 'A file can hold at most {max} people; this one has {count}.',
    other: 'A file can hold at most {max} people; this one has {count}.',
  }),
  ...plural('Only {count} seats of {subscription} are free; {wanted} were asked for.', {
    one: 'Only {count} seat of {subscription} is free; {wanted} were asked for.',
    other: 'Only {count} seats of {subscription} are free; {wanted} were asked for.',
  }),
};
