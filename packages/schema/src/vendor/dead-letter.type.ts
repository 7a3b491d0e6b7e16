import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({
  description:
    'Background work that failed for good after its last attempt (the dead letter): a mail or text message that never went out, or another after-commit delivery. An operator can queue it again.',
})
export class FailedDelivery {
  @Field(() => UUID, { description: 'Stable identifier of the delivery.' })
  id!: string;

  @Field(() => String, { description: 'What happened, e.g. `identity.password-reset-requested`.' })
  event!: string;

  @Field(() => String, { description: 'Which part of Seatwise was to act on it, e.g. `mail` or `sms`.' })
  subscriber!: string;

  @Field(() => UUID, { nullable: true, description: 'The customer account it happened in; null for work of no account.' })
  accountId!: string | null;

  @Field(() => Int, { description: 'How many attempts were made.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, as the mail relay or provider said it.' })
  error!: string | null;

  @Field(() => Date, { description: 'When it was first queued.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was given up.' })
  failedAt!: Date;
}

@ObjectType({ description: 'One failed delivery in a page of them.' })
export class FailedDeliveryEdge {
  @Field(() => String, { description: 'Opaque cursor of this delivery in the list.' })
  cursor!: string;

  @Field(() => FailedDelivery, { description: 'The delivery.' })
  node!: FailedDelivery;
}

@ObjectType({ description: 'A page of failed deliveries, the most recently given up first.' })
export class FailedDeliveryConnection {
  @Field(() => [FailedDeliveryEdge], { description: 'The deliveries of this page, in order.' })
  edges!: FailedDeliveryEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many failed deliveries there are, on all pages together.' })
  totalCount!: number;
}
