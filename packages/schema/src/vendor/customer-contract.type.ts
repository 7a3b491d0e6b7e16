import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UUID } from '../common/uuid.scalar.js';
import { ChangeTiming, LicenceType, RenewalMode, SubscriptionTerm } from '../subscriptions/subscription.enums.js';
import { Subscription } from '../subscriptions/subscription.type.js';

@InputType({ description: 'A subscription of a new contract: a product, or a collection of several.' })
export class NewSubscriptionInput {
  @Field(() => [UUID], { description: 'The products it includes: one product, or the products of a collection.' })
  productIds!: string[];

  @Field(() => String, { nullable: true, description: "Name of the offering as sold, e.g. \"AEC Collection\"; the product's name when omitted for one product." })
  name?: string | null;

  @Field(() => LicenceType, { description: 'How its seats are licensed.' })
  licenceType!: LicenceType;

  @Field(() => SubscriptionTerm, { description: 'Length of one period.' })
  term!: SubscriptionTerm;

  @Field(() => Int, { description: 'Seats, 1 to 100000.' })
  seats!: number;

  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD; not before `startsOn`.' })
  endsOn!: string;

  @Field(() => RenewalMode, { description: 'Whether it renews by itself.' })
  renewal!: RenewalMode;
}

@InputType({ description: 'A new contract of a customer with its subscriptions.' })
export class CreateContractInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => String, { description: "Contract number as printed by the vendor; unique within the customer's contracts, up to 40 characters." })
  number!: string;

  @Field(() => String, { description: 'First day of the contract, YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day of the contract, YYYY-MM-DD; not before `startsOn`.' })
  endsOn!: string;

  @Field(() => UUID, { nullable: true, description: 'A team of the customer the contract and its subscriptions belong to.' })
  teamId?: string | null;

  @Field(() => [NewSubscriptionInput], { description: 'Its subscriptions, at least one.' })
  subscriptions!: NewSubscriptionInput[];
}

@InputType({ description: 'A new number of seats for a subscription.' })
export class ChangeSeatsInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => UUID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => Int, { description: 'The `version` of the subscription the change was made on; STALE_CHANGE when it has changed since.' })
  expectedVersion!: number;

  @Field(() => Int, { description: 'Seats, 1 to 100000.' })
  seats!: number;

  @Field(() => ChangeTiming, {
    nullable: true,
    description: 'NOW (when omitted): an increase, or a decrease not below the seats assigned; AT_RENEWAL: from the renewal date.',
  })
  when?: ChangeTiming | null;
}

@InputType({ description: 'Renews a subscription for a new term.' })
export class RenewSubscriptionInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => UUID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => Int, { description: 'The `version` of the subscription; STALE_CHANGE when it has changed since.' })
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of the new term, YYYY-MM-DD; one term (its `term`) after the current end when omitted.',
  })
  endsOn?: string | null;
}

@InputType({ description: 'Cancels a subscription.' })
export class CancelSubscriptionInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => UUID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => Int, { description: 'The `version` of the subscription; STALE_CHANGE when it has changed since.' })
  expectedVersion!: number;

  @Field(() => ChangeTiming, { description: 'NOW: its seats stop at once; AT_RENEWAL: it runs to the end of its term and does not renew.' })
  when!: ChangeTiming;
}

@InputType({ description: 'Cloud credits bought for a subscription, added to its ledger.' })
export class PurchaseCloudCreditsInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => UUID, { description: 'The subscription the credits are for.' })
  subscriptionId!: string;

  @Field(() => Int, { description: 'Credits, 1 to 10000000.' })
  credits!: number;
}

@ObjectType({ description: 'A purchase of cloud credits and the balance after it.' })
export class CloudCreditPurchase {
  @Field(() => Subscription, { description: 'The subscription.' })
  subscription!: Subscription;

  @Field(() => Int, { description: 'Credits bought.' })
  credits!: number;

  @Field(() => Int, { description: 'Credits remaining on the subscription after the purchase.' })
  balance!: number;
}
