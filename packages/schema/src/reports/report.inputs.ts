import { Field, InputType, Int } from 'type-graphql';
import { SortDirection } from '../common/pagination.type.js';
import { SeatUsageSortField } from './report.enums.js';
import { UUID } from '../common/uuid.scalar.js';

@InputType({ description: 'Sort order of Seat Usage by user.' })
export class SeatUsageOrder {
  @Field(() => SeatUsageSortField, { description: 'What to sort by.' })
  field!: SeatUsageSortField;

  @Field(() => SortDirection, { nullable: true, description: 'Ascending when omitted.' })
  direction?: SortDirection | null;
}

@InputType({ description: 'Which seats Seat Usage by user lists; every given criterion must match.' })
export class SeatUsageFilter {
  @Field(() => UUID, { nullable: true, description: 'Only seats of subscriptions that include this product.' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name or email address; up to 100 characters.' })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only seats not used for at least this many days (30, 60 or 90 to find seats to reclaim).' })
  idleForAtLeast?: number | null;
}
