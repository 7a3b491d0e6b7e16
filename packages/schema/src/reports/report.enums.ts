import { registerEnumType } from 'type-graphql';
import { SeatUsageSortField } from '../client/enums.js';

export { SeatUsageSortField };

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
