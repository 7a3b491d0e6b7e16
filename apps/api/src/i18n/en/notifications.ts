import { plural } from '../plural.js';

/** English forms of the plural messages of renewal notices and usage alerts. */
export const notifications: Record<string, string> = {
  ...plural('{subscription}: renewal due in {count} days', {
    one: '{subscription}: renewal due in {count} day',
    other: '{subscription}: renewal due in {count} days',
  }),
  ...plural('The subscription {subscription} of {account} ends on {date}, in {count} days.', {
    one: 'The subscription {subscription} of {account} ends on {date}, in {count} day.',
    other: 'The subscription {subscription} of {account} ends on {date}, in {count} days.',
  }),
  ...plural('{subscription}: {count} cloud credits left', {
    one: '{subscription}: {count} cloud credit left',
    other: '{subscription}: {count} cloud credits left',
  }),
  ...plural('The subscription {subscription} of {account} has {count} cloud credits left, below the alert threshold of {threshold} set for the account.', {
    one: 'The subscription {subscription} of {account} has {count} cloud credit left, below the alert threshold of {threshold} set for the account.',
    other: 'The subscription {subscription} of {account} has {count} cloud credits left, below the alert threshold of {threshold} set for the account.',
  }),
};
