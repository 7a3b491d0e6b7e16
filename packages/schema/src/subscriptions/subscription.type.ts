import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TeamRef } from '../users/user.type.js';
import { PageInfo } from '../common/pagination.type.js';
import { LicenceType, RenewalMode, SubscriptionEventKind, SubscriptionStatus, SubscriptionTerm } from './subscription.enums.js';

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

  @Field(() => RenewalMode, { description: 'Whether it renews by itself at the end of its term.' })
  renewal!: RenewalMode;

  @Field(() => Int, { nullable: true, description: 'Seats it will have from its renewal date, when a change is scheduled; null otherwise.' })
  scheduledSeats!: number | null;

  @Field(() => Boolean, { description: 'Whether it is cancelled at the end of its term (it runs until then).' })
  cancelAtTermEnd!: boolean;

  @Field(() => Int, { description: 'Raised by every change; a change that names an older version is refused (STALE_CHANGE).' })
  version!: number;
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

  @Field(() => Int, { description: 'Raised by every change of the contract itself (its dates).' })
  version!: number;
}

@ObjectType({ description: 'An edge of a list of subscriptions.' })
export class SubscriptionEdge {
  @Field(() => String, { description: 'Cursor of this subscription in the list.' })
  cursor!: string;

  @Field(() => Subscription, { description: 'The subscription.' })
  node!: Subscription;
}

@ObjectType({ description: 'A page of subscriptions.' })
export class SubscriptionConnection {
  @Field(() => [SubscriptionEdge], { description: 'The subscriptions of this page.' })
  edges!: SubscriptionEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many subscriptions match, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'An edge of a list of contracts.' })
export class ContractEdge {
  @Field(() => String, { description: 'Cursor of this contract in the list.' })
  cursor!: string;

  @Field(() => Contract, { description: 'The contract.' })
  node!: Contract;
}

@ObjectType({ description: 'A page of contracts.' })
export class ContractConnection {
  @Field(() => [ContractEdge], { description: 'The contracts of this page.' })
  edges!: ContractEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many contracts match, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'Something that happened to one of the account\'s subscriptions (shown on the home page).' })
export class SubscriptionEvent {
  @Field(() => ID, { description: 'Identifier of the event.' })
  id!: string;

  @Field(() => SubscriptionEventKind, { description: 'What happened.' })
  kind!: SubscriptionEventKind;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => String, { description: 'Name of the subscription.' })
  subscriptionName!: string;

  @Field(() => Int, { nullable: true, description: 'Seats after the change (seat changes), credits bought (purchases); null otherwise.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'The day it takes effect or ends on, YYYY-MM-DD, when it has one.' })
  effectiveOn!: string | null;
}
