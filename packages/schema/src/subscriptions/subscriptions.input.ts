import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../common/pagination.type.js';
import { SubscriptionSortField, SubscriptionStatus } from './subscription.enums.js';
import { UUID } from '../common/uuid.scalar.js';

@InputType({ description: 'Narrows the list of subscriptions or contracts; every given criterion must match.' })
export class SubscriptionsFilter {
  @Field(() => UUID, { nullable: true, description: 'Only those of this team ("view by team").' })
  teamId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the name, serial number, contract number or product names; up to 100 characters.',
  })
  search?: string | null;

  @Field(() => [SubscriptionStatus], { nullable: true, description: 'Only those with one of these statuses.' })
  statuses?: SubscriptionStatus[] | null;
}

@InputType({ description: 'Sort order of the list of subscriptions.' })
export class SubscriptionsOrder {
  @Field(() => SubscriptionSortField, { description: 'What to sort by.' })
  field!: SubscriptionSortField;

  @Field(() => SortDirection, { nullable: true, description: 'Ascending when omitted.' })
  direction?: SortDirection | null;
}
