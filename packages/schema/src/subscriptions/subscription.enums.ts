import { registerEnumType } from 'type-graphql';

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}

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

export enum LicenceType {
  SINGLE_USER = 'SINGLE_USER',
  MULTI_USER = 'MULTI_USER',
  NETWORK = 'NETWORK',
  CLOUD = 'CLOUD',
}

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

export enum SubscriptionTerm {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
  THREE_YEAR = 'THREE_YEAR',
}

registerEnumType(SubscriptionTerm, {
  name: 'SubscriptionTerm',
  description: 'Length of one subscription period.',
  valuesConfig: {
    MONTHLY: { description: 'One month.' },
    ANNUAL: { description: 'One year.' },
    THREE_YEAR: { description: 'Three years.' },
  },
});

export enum SubscriptionSortField {
  NAME = 'NAME',
  RENEWAL = 'RENEWAL',
  STATUS = 'STATUS',
  SEATS = 'SEATS',
}

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
