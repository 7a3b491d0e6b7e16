import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LicenceType, SubscriptionTerm } from '../subscriptions/subscription.enums.js';
import { ProductKind } from './product-enums.js';
import { ProductFile } from './product-file.type.js';
import { Trial } from './trial.type.js';

@ObjectType({ description: 'The licences of one subscription that cover a product, with its status (F-20, F-24 subscription status).' })
export class ProductLicence {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => String, { description: 'Name of the subscription as sold.' })
  subscriptionName!: string;

  @Field(() => LicenceType, { description: 'Type of the licences.' })
  licenceType!: LicenceType;

  @Field(() => SubscriptionTerm, { description: 'Term of the subscription.' })
  term!: SubscriptionTerm;

  @Field(() => Int, { description: 'Number of licences (seats) in the subscription.' })
  seats!: number;

  @Field(() => Int, { description: 'How many of the seats are assigned.' })
  seatsAssigned!: number;

  @Field(() => Boolean, { description: 'Whether the signed-in person holds one of the seats.' })
  holdsSeat!: boolean;

  @Field(() => String, { description: 'Subscription start date (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, { description: 'Subscription end (renewal) date (YYYY-MM-DD).' })
  endsOn!: string;

  @Field(() => Int, { description: 'Days until the end date; negative once it has passed.' })
  daysLeft!: number;

  @Field(() => Boolean, { description: 'Whether the subscription is in force (its end date has not passed).' })
  active!: boolean;

  @Field(() => Boolean, { description: 'Whether automatic renewal was cancelled.' })
  cancelled!: boolean;

  @Field(() => String, { description: 'Serial number of the subscription.' })
  serialNumber!: string;
}

@ObjectType({ description: 'A version of a product the person may download and activate (F-20, F-22, F-23).' })
export class EntitledVersion {
  @Field(() => ID, { description: 'Identifier of the product version.' })
  id!: string;

  @Field(() => String, { description: 'The version, e.g. "2026".' })
  version!: string;

  @Field(() => String, { description: 'Release date (YYYY-MM-DD).' })
  releasedAt!: string;

  @Field(() => Boolean, { description: 'Whether this is the current (latest) version.' })
  current!: boolean;

  @Field(() => String, { description: 'Serial number to activate this version with.' })
  serialNumber!: string;

  @Field(() => String, { description: 'Product key of this product and version, asked for at activation.' })
  productKey!: string;

  @Field(() => Boolean, { description: 'Whether this version is reachable only through an active trial.' })
  trial!: boolean;

  @Field(() => [ProductFile], { description: 'Updates (hotfixes, service packs) of this version.' })
  updates!: ProductFile[];

  @Field(() => [ProductFile], { description: 'Add-ons for this version.' })
  addOns!: ProductFile[];
}

@ObjectType({ description: 'A product or service the account (for a User: the person) is entitled to (F-20).' })
export class ProductEntitlement {
  @Field(() => ID, { description: 'Identifier of the product.' })
  id!: string;

  @Field(() => String, { description: 'Short product code.' })
  code!: string;

  @Field(() => String, { description: 'Product name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the product does.' })
  description!: string | null;

  @Field(() => ProductKind, { description: 'Software or cloud service.' })
  kind!: ProductKind;

  @Field(() => [ProductLicence], { description: 'The subscriptions that include the product.' })
  licences!: ProductLicence[];

  @Field(() => [EntitledVersion], { description: 'Versions that may be downloaded now, newest first (empty when every licence has ended).' })
  versions!: EntitledVersion[];

  @Field(() => Trial, { nullable: true, description: "The person's trial of the product, if they started one." })
  trial!: Trial | null;

  @Field(() => Boolean, { description: 'Whether the person may request home-use activation (holds a seat of an active single-user licence).' })
  homeUseAllowed!: boolean;

  @Field(() => Boolean, { description: 'Whether a network licence file may be requested (an admin, with an active network licence).' })
  networkLicenceAllowed!: boolean;
}
