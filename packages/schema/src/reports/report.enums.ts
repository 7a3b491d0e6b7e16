import { registerEnumType } from 'type-graphql';

export enum SeatUsageSortField {
  NAME = 'NAME',
  LAST_USED = 'LAST_USED',
  DAYS_USED = 'DAYS_USED',
  IDLE_DAYS = 'IDLE_DAYS',
}

registerEnumType(SeatUsageSortField, {
  name: 'SeatUsageSortField',
  description: 'What Seat Usage by user can be sorted by.',
  valuesConfig: {
    NAME: { description: 'Name of the person, then the subscription.' },
    LAST_USED: { description: 'Last day of use (never used first when ascending).' },
    DAYS_USED: { description: 'Days used in the chosen days.' },
    IDLE_DAYS: { description: 'Days since the last use.' },
  },
});
