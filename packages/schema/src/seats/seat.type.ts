import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({ description: 'A subscription whose seats can be handed out, with how many are still free.' })
export class AssignableSubscription {
  @Field(() => ID, { description: 'Identifier of the subscription.' })
  id!: string;

  @Field(() => String, { description: 'Name of the offering as sold, e.g. "Design & Engineering Collection".' })
  name!: string;

  @Field(() => [String], { description: 'Names of the products the subscription includes.' })
  productNames!: string[];

  @Field(() => Int, { description: 'Seats bought: the ceiling that assignments never exceed.' })
  seats!: number;

  @Field(() => Int, { description: 'Seats held by people now.' })
  assigned!: number;

  @Field(() => Int, { description: 'Seats still free (seats minus assigned).' })
  available!: number;

  @Field(() => String, { description: 'Renewal or end date (ISO date).' })
  endsOn!: string;
}

@ObjectType({ description: 'A seat of a subscription held by one person.' })
export class Seat {
  @Field(() => ID, { description: 'Identifier of the assignment; pass it to `unassignSeat`.' })
  id!: string;

  @Field(() => ID, { description: 'The person holding the seat.' })
  userId!: string;

  @Field(() => AssignableSubscription, { description: 'The subscription the seat belongs to.' })
  subscription!: AssignableSubscription;

  @Field(() => Date, { description: 'When the seat was assigned.' })
  assignedAt!: Date;
}

@InputType({ description: 'Give one person a seat of one subscription.' })
export class AssignSeatInput {
  @Field(() => UUID, { description: 'The person (user id) to assign the seat to.' })
  userId!: string;

  @Field(() => UUID, { description: 'The subscription whose seat to assign.' })
  subscriptionId!: string;
}

@InputType({ description: 'Take a seat back from the person who holds it.' })
export class UnassignSeatInput {
  @Field(() => UUID, { description: 'The assignment (`Seat.id`) to remove.' })
  assignmentId!: string;
}

@InputType({ description: 'Give several people a seat of one subscription, all or none.' })
export class BulkAssignSeatsInput {
  @Field(() => [UUID], { description: 'The people (user ids) to assign seats to; 1 to 500.' })
  userIds!: string[];

  @Field(() => UUID, { description: 'The subscription whose seats to assign.' })
  subscriptionId!: string;
}

@ObjectType({ description: 'What a bulk assignment did.' })
export class BulkAssignSeatsResult {
  @Field(() => Int, { description: 'People who got a new seat.' })
  assigned!: number;

  @Field(() => Int, { description: 'People who already held a seat of the subscription (left as they were).' })
  alreadyAssigned!: number;

  @Field(() => AssignableSubscription, { description: 'The subscription afterwards, with its free seats.' })
  subscription!: AssignableSubscription;
}
