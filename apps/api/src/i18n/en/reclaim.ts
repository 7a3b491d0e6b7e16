import { plural } from '../plural.js';

/** English forms of the plural messages of reclaim policies. */
export const reclaim: Record<string, string> = {
  ...plural('Your seat of {subscription} in {account} has not been used for {count} days.', {
    one: 'Your seat of {subscription} in {account} has not been used for {count} day.',
    other: 'Your seat of {subscription} in {account} has not been used for {count} days.',
  }),
  ...plural('Not used since it was assigned {count} days ago', {
    one: 'Not used since it was assigned {count} day ago',
    other: 'Not used since it was assigned {count} days ago',
  }),
  ...plural('Not used for {count} days since the holder kept it', {
    one: 'Not used for {count} day since the holder kept it',
    other: 'Not used for {count} days since the holder kept it',
  }),
  ...plural('Not used for {count} days', {
    one: 'Not used for {count} day',
    other: 'Not used for {count} days',
  }),
};
