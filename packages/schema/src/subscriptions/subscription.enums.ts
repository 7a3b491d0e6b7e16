import { registerEnumType } from 'type-graphql';
import { ChangeTiming, LicenceType, RenewalMode, SubscriptionEventKind, SubscriptionSortField, SubscriptionStatus, SubscriptionTerm } from '../client/enums.js';

export { SubscriptionStatus, LicenceType, SubscriptionTerm, SubscriptionSortField, RenewalMode, ChangeTiming, SubscriptionEventKind };

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

registerEnumType(RenewalMode, {
  name: 'RenewalMode',
  description: 'Whether a subscription renews by itself at the end of its term.',
  valuesConfig: {
    AUTO: { description: 'Renews for another term at the end of its last day, unless cancelled at term end.' },
    MANUAL: { description: 'Expires at the end of its last day unless the vendor renews it.' },
  },
});

registerEnumType(ChangeTiming, {
  name: 'ChangeTiming',
  description: 'When a change of a subscription takes effect.',
  valuesConfig: {
    NOW: { description: 'At once.' },
    AT_RENEWAL: { description: 'At the end of the current term (its renewal date), in the account time zone.' },
  },
});

registerEnumType(SubscriptionEventKind, {
  name: 'SubscriptionEventKind',
  description: 'What happened to a subscription.',
  valuesConfig: {
    CREATED: { description: 'The vendor created it.' },
    SEATS_CHANGED: { description: 'Its seats changed.' },
    SEATS_SCHEDULED: { description: 'A change of its seats was scheduled for the renewal date.' },
    RENEWED: { description: 'It was renewed for a new term.' },
    CANCELLED: { description: 'It was cancelled.' },
    CANCEL_SCHEDULED: { description: 'It will be cancelled at the end of its term.' },
    EXPIRED: { description: 'Its last day ended: its seats can no longer be used.' },
    CREDITS_PURCHASED: { description: 'Cloud credits were bought for it.' },
  },
});
