import { plural } from '../plural.js';

/** English forms of the plural messages of the contracts the vendor runs. */
export const contracts: Record<string, string> = {
  ...plural('{count} seats are assigned above the new number: unassign them first, or schedule the decrease for the renewal date.', {
    one: '{count} seat is assigned above the new number: unassign it first, or schedule the decrease for the renewal date.',
    other: '{count} seats are assigned above the new number: unassign them first, or schedule the decrease for the renewal date.',
  }),
};
