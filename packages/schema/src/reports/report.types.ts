import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { TeamRef } from '../users/user.type.js';
import { ProductRef } from '../subscriptions/subscription.type.js';

@InputType({ description: 'A span of whole days in the account time zone, both ends included; at most two years.' })
export class DateRangeInput {
  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  from!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD; not before `from`.' })
  to!: string;
}

@ObjectType({ description: 'A person as shown in a report row.' })
export class ReportUser {
  @Field(() => ID, { description: 'Identifier of the person.' })
  id!: string;

  @Field(() => String, { description: 'First and last name.' })
  name!: string;

  @Field(() => String, { description: 'Email address.' })
  email!: string;
}

@ObjectType({ description: 'A short reference to a subscription in a report.' })
export class SubscriptionRef {
  @Field(() => ID, { description: 'Identifier of the subscription.' })
  id!: string;

  @Field(() => String, { description: 'Name of the offering.' })
  name!: string;

  @Field(() => String, { description: 'Serial number.' })
  serialNumber!: string;
}

@ObjectType({ description: 'Insights (F-30): how the seats of one product are spread in one team.' })
export class SeatDistribution {
  @Field(() => TeamRef, { nullable: true, description: 'The team owning the subscriptions; null for those in no team.' })
  team!: TeamRef | null;

  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;

  @Field(() => Int, { description: 'Seats purchased on running (not expired, not cancelled) subscriptions.' })
  purchased!: number;

  @Field(() => Int, { description: 'Of those, seats assigned to people.' })
  assigned!: number;

  @Field(() => Int, { description: 'Of those, seats nobody holds.' })
  unassigned!: number;
}

@ObjectType({ description: 'One period of a usage trend (a day, a week or a month, see `bucketDays` of the report).' })
export class UsageTrendPoint {
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD.' })
  start!: string;

  @Field(() => Int, { description: 'People who used the product at least once in the period.' })
  activeUsers!: number;

  @Field(() => Int, { description: 'Person-days of use in the period.' })
  daysUsed!: number;
}

@ObjectType({ description: 'Seat Usage (F-31) of one product over the chosen days.' })
export class SeatUsageByProduct {
  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;

  @Field(() => Int, { description: 'Seats covering the product on running subscriptions.' })
  seatsTotal!: number;

  @Field(() => Int, { description: 'Of those, seats assigned to people.' })
  seatsAssigned!: number;

  @Field(() => Int, { description: 'Of those, seats nobody holds: candidates to reclaim.' })
  seatsUnassigned!: number;

  @Field(() => Int, { description: 'People who used the product in the chosen days.' })
  activeUsers!: number;

  @Field(() => Int, { description: 'Person-days of use in the chosen days.' })
  daysUsed!: number;

  @Field(() => Int, { description: 'Minutes of sessions in the chosen days.' })
  minutes!: number;

  @Field(() => [UsageTrendPoint], { description: 'Use per period over the chosen days, oldest first.' })
  trend!: UsageTrendPoint[];
}

@ObjectType({ description: 'Seat Usage (F-31) over the chosen days, by product, with the seats worth reclaiming.' })
export class SeatUsageReport {
  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  from!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD.' })
  to!: string;

  @Field(() => Int, { description: 'Length of one trend period in days: 1, 7 or 30.' })
  bucketDays!: number;

  @Field(() => [SeatUsageByProduct], { description: 'One row per product with seats, by name.' })
  products!: SeatUsageByProduct[];

  @Field(() => Int, { description: 'Seats of running subscriptions that nobody holds.' })
  unassignedSeats!: number;

  @Field(() => Int, { description: 'Assigned seats not used for 30 days or more (never used: counted from the assignment).' })
  idle30!: number;

  @Field(() => Int, { description: 'Assigned seats not used for 60 days or more.' })
  idle60!: number;

  @Field(() => Int, { description: 'Assigned seats not used for 90 days or more.' })
  idle90!: number;
}

@ObjectType({ description: 'Seat Usage by user (F-31): one seat held by one person.' })
export class SeatUsageByUser {
  @Field(() => ID, {
    description: 'Identifier of the seat assignment (for `unassignSeat`); for a removed person, a row id that names no assignment (`removed-<user>-<subscription>`).',
  })
  assignmentId!: string;

  @Field(() => ReportUser, { description: 'Who holds the seat.' })
  user!: ReportUser;

  @Field(() => SubscriptionRef, { description: 'The subscription the seat belongs to.' })
  subscription!: SubscriptionRef;

  @Field(() => String, { description: 'Day the seat was assigned, YYYY-MM-DD; for a removed person, the day they joined the account.' })
  assignedOn!: string;

  @Field(() => String, { nullable: true, description: 'Last day any product of the subscription was used, YYYY-MM-DD; null if never.' })
  lastUsedOn!: string | null;

  @Field(() => Int, { description: 'Days with use in the chosen days.' })
  daysUsed!: number;

  @Field(() => Int, { description: 'Minutes of sessions in the chosen days.' })
  minutes!: number;

  @Field(() => Int, { description: 'Days since the last use up to today (since the assignment when never used).' })
  idleDays!: number;

  @Field(() => [Int], { description: 'Days used per trend period over the chosen days, oldest first.' })
  trend!: number[];

  @Field(() => Boolean, {
    description:
      'The person was removed from the account: their seats were released, and the row is their past use in the chosen days of a subscription whose products they used. Nothing to unassign.',
  })
  removed!: boolean;
}

@ObjectType({ description: 'A page of Seat Usage by user.' })
export class SeatUsageByUserPage {
  @Field(() => [SeatUsageByUser], { description: 'The rows of this page.' })
  rows!: SeatUsageByUser[];

  @Field(() => Int, { description: 'Rows matching the filter on all pages.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Length of one trend period in days: 1, 7 or 30.' })
  bucketDays!: number;
}
