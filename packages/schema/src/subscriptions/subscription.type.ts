import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TeamRef } from '../users/user.type.js';
import { LicenceType, SubscriptionStatus, SubscriptionTerm } from './subscription.enums.js';

@ObjectType({ description: 'A product of the catalogue, as referred to from subscriptions and reports.' })
export class ProductRef {
  @Field(() => ID, { description: 'Identifier of the product.' })
  id!: string;

  @Field(() => String, { description: 'Short stable code, e.g. DRF.' })
  code!: string;

  @Field(() => String, { description: 'Name of the product.' })
  name!: string;
}

@ObjectType({ description: 'A product included in a subscription, with the seats that cover it.' })
export class SubscriptionProductLine {
  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;

  @Field(() => Int, { description: 'Seats of the subscription (every seat covers each of its products).' })
  seatsTotal!: number;

  @Field(() => Int, { description: 'Seats of the subscription assigned to people.' })
  seatsUsed!: number;
}

@ObjectType({ description: 'A short reference to a contract.' })
export class ContractRef {
  @Field(() => ID, { description: 'Identifier of the contract.' })
  id!: string;

  @Field(() => String, { description: 'Contract number as printed by the vendor.' })
  number!: string;
}

@ObjectType({ description: 'Seats of one or more products for a term, bought under a contract.' })
export class Subscription {
  @Field(() => ID, { description: 'Identifier of the subscription.' })
  id!: string;

  @Field(() => String, { description: 'Name of the offering, e.g. "Design & Engineering Collection".' })
  name!: string;

  @Field(() => String, { description: 'Serial number of the subscription.' })
  serialNumber!: string;

  @Field(() => ContractRef, { description: 'The contract it was bought under.' })
  contract!: ContractRef;

  @Field(() => SubscriptionStatus, { description: 'Status today.' })
  status!: SubscriptionStatus;

  @Field(() => Int, { description: 'Days from today to the renewal (end) date; negative once it has passed.' })
  daysToRenewal!: number;

  @Field(() => SubscriptionTerm, { description: 'Length of one period.' })
  term!: SubscriptionTerm;

  @Field(() => LicenceType, { description: 'How its seats are licensed.' })
  licenceType!: LicenceType;

  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { description: 'Renewal or end date, YYYY-MM-DD.' })
  endsOn!: string;

  @Field(() => Int, { description: 'Seats purchased.' })
  seatsTotal!: number;

  @Field(() => Int, { description: 'Seats assigned to people.' })
  seatsUsed!: number;

  @Field(() => TeamRef, { nullable: true, description: 'The team the subscription belongs to, if any.' })
  team!: TeamRef | null;

  @Field(() => [SubscriptionProductLine], { description: 'The products it includes, by name.' })
  products!: SubscriptionProductLine[];
}

@ObjectType({ description: 'An agreement with the vendor under which subscriptions are bought.' })
export class Contract {
  @Field(() => ID, { description: 'Identifier of the contract.' })
  id!: string;

  @Field(() => String, { description: 'Contract number as printed by the vendor.' })
  number!: string;

  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD.' })
  endsOn!: string;

  @Field(() => SubscriptionStatus, { description: 'Status today, from its end date (cancelled when every subscription is).' })
  status!: SubscriptionStatus;

  @Field(() => Int, { description: 'Days from today to the end date; negative once it has passed.' })
  daysToRenewal!: number;

  @Field(() => TeamRef, { nullable: true, description: 'The team the contract belongs to, if any.' })
  team!: TeamRef | null;

  @Field(() => Int, { description: 'Seats purchased over all its subscriptions.' })
  seatsTotal!: number;

  @Field(() => Int, { description: 'Seats assigned over all its subscriptions.' })
  seatsUsed!: number;

  @Field(() => [Subscription], { description: 'Every subscription under the contract, by name.' })
  subscriptions!: Subscription[];
}
