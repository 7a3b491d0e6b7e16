import { plural } from '../plural.js';

/** English forms of the plural messages of scheduled exports. */
export const reportExports: Record<string, string> = {
  ...plural('The scheduled export {name} covering {from} to {to} is ready ({count} rows).', {
    one: 'The scheduled export {name} covering {from} to {to} is ready ({count} row).',
    other: 'The scheduled export {name} covering {from} to {to} is ready ({count} rows).',
  }),
  ...plural('The scheduled export {name} failed after {count} attempts, so no file was made this time. The next run follows its schedule.', {
    one: 'The scheduled export {name} failed after {count} attempt, so no file was made this time. The next run follows its schedule.',
    other: 'The scheduled export {name} failed after {count} attempts, so no file was made this time. The next run follows its schedule.',
  }),
};
