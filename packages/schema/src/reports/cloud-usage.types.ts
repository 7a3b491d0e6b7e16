import { Field, Int, ObjectType } from 'type-graphql';
import { ContractRef } from '../subscriptions/subscription.type.js';
import { ReportUser, SubscriptionRef } from './report.types.js';

@ObjectType({ description: 'Cloud credits of one subscription (F-32): the ledger summed.' })
export class CloudCreditBalance {
  @Field(() => SubscriptionRef, { description: 'The subscription holding the credits.' })
  subscription!: SubscriptionRef;

  @Field(() => ContractRef, { description: 'Its contract.' })
  contract!: ContractRef;

  @Field(() => Int, { description: 'Credits purchased (and adjusted) to date.' })
  purchased!: number;

  @Field(() => Int, { description: 'Credits consumed to date.' })
  consumed!: number;

  @Field(() => Int, { description: 'Credits left: purchased minus consumed.' })
  remaining!: number;

  @Field(() => Int, { description: 'Credits consumed in the chosen days.' })
  consumedInRange!: number;
}

@ObjectType({ description: 'Credits consumed in one period.' })
export class CloudUsagePoint {
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD.' })
  start!: string;

  @Field(() => Int, { description: 'Credits consumed in the period.' })
  credits!: number;
}

@ObjectType({ description: 'Consumption of one cloud service over the chosen days.' })
export class CloudServiceUsage {
  @Field(() => String, { description: 'The service, e.g. "rendering".' })
  service!: string;

  @Field(() => Int, { description: 'Credits consumed in the chosen days.' })
  credits!: number;

  @Field(() => [CloudUsagePoint], { description: 'Credits per period, oldest first.' })
  trend!: CloudUsagePoint[];
}

@ObjectType({ description: 'Cloud Services Usage (F-32) over the chosen days.' })
export class CloudServicesUsage {
  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  from!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD.' })
  to!: string;

  @Field(() => Int, { description: 'Length of one trend period in days: 1, 7 or 30.' })
  bucketDays!: number;

  @Field(() => [CloudCreditBalance], { description: 'Credits per subscription, by name.' })
  balances!: CloudCreditBalance[];

  @Field(() => [CloudServiceUsage], { description: 'Consumption per service, most consumed first.' })
  services!: CloudServiceUsage[];
}

@ObjectType({ description: 'Credits one person consumed on one service.' })
export class ServiceCredits {
  @Field(() => String, { description: 'The service.' })
  service!: string;

  @Field(() => Int, { description: 'Credits consumed in the chosen days.' })
  credits!: number;
}

@ObjectType({ description: 'Cloud Services Usage by user (F-33): what one person consumed over the chosen days.' })
export class CloudUsageByUser {
  @Field(() => ReportUser, { description: 'The person.' })
  user!: ReportUser;

  @Field(() => Int, { description: 'Credits consumed in the chosen days.' })
  credits!: number;

  @Field(() => [ServiceCredits], { description: 'Per service, most consumed first.' })
  services!: ServiceCredits[];

  @Field(() => String, { nullable: true, description: 'Last day with consumption in the chosen days, YYYY-MM-DD.' })
  lastUsedOn!: string | null;
}
