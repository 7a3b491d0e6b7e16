import { registerEnumType } from 'type-graphql';
import { SubscriptionStatus, LicenceType, SubscriptionTerm, SubscriptionSortField } from '../client/enums.js';

export { SubscriptionStatus, LicenceType, SubscriptionTerm, SubscriptionSortField };

registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'Where a subscription or contract stands today (in the account time zone).',
  valuesConfig: {
    ACTIVE: { description: 'Running, and its renewal date is more than 90 days away.' },
    EXPIRING: { description: 'Running, and it ends or renews within 90 days (see `daysToRenewal`).' },
    EXPIRED: { description: 'Its end date has passed.' },
    CANCELLED: { description: 'Cancelled: it will not renew.' },
  },
});

registerEnumType(LicenceType, {
  name: 'LicenceType',
  description: 'How the seats of a subscription are licensed.',
  valuesConfig: {
    SINGLE_USER: { description: 'One named person per seat.' },
    MULTI_USER: { description: 'Seats shared by several people, one at a time.' },
    NETWORK: { description: 'Seats served by a licence server on the network.' },
    CLOUD: { description: 'Cloud services paid with cloud credits.' },
  },
});

registerEnumType(SubscriptionTerm, {
  name: 'SubscriptionTerm',
  description: 'Length of one subscription period.',
  valuesConfig: {
    MONTHLY: { description: 'One month.' },
    ANNUAL: { description: 'One year.' },
    THREE_YEAR: { description: 'Three years.' },
  },
});

registerEnumType(SubscriptionSortField, {
  name: 'SubscriptionSortField',
  description: 'What the list of subscriptions can be sorted by.',
  valuesConfig: {
    NAME: { description: 'Name of the offering, alphabetically.' },
    RENEWAL: { description: 'Renewal (end) date.' },
    STATUS: { description: 'Status: expiring, active, expired, cancelled.' },
    SEATS: { description: 'Number of seats purchased.' },
  },
});
