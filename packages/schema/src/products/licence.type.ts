import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LicenceRequestKind } from './product-enums.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({ description: 'A home-use or network licence request and what was issued (F-24).' })
export class LicenceRequest {
  @Field(() => ID, { description: 'Identifier of the request.' })
  id!: string;

  @Field(() => LicenceRequestKind, { description: 'Home use or network licence.' })
  kind!: LicenceRequestKind;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => String, { description: 'The product version.' })
  version!: string;

  @Field(() => String, { description: 'Serial number of the subscription the licence comes from.' })
  serialNumber!: string;

  @Field(() => String, { description: 'Name of the person who asked.' })
  requestedBy!: string;

  @Field(() => Date, { description: 'When it was requested.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Host name of the licence server (network licences).' })
  serverHostName!: string | null;

  @Field(() => String, { nullable: true, description: 'Host ID (MAC address) of the licence server (network licences).' })
  hostId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Concurrent seats in the licence file (network licences).' })
  seats!: number | null;

  @Field(() => String, { nullable: true, description: 'The licence file, signed with the vendor key (network licences).' })
  licenceFile!: string | null;
}

@InputType({ description: 'Ask for activation of a single-user licence on a home computer.' })
export class HomeUseLicenceInput {
  @Field(() => UUID, { description: 'The product.' })
  productId!: string;

  @Field(() => UUID, { description: 'A version of that product the person is entitled to.' })
  versionId!: string;
}

@InputType({ description: 'Ask for a network licence file for a licence server.' })
export class NetworkLicenceInput {
  @Field(() => UUID, { description: 'The network subscription the seats come from.' })
  subscriptionId!: string;

  @Field(() => UUID, { description: 'A version of a product of that subscription.' })
  versionId!: string;

  @Field(() => String, { description: 'Host name of the licence server (letters, digits, dots and hyphens).' })
  serverHostName!: string;

  @Field(() => String, { description: 'Host ID of the licence server: its MAC address, e.g. 00:1A:2B:3C:4D:5E.' })
  hostId!: string;

  @Field(() => Int, { description: 'Concurrent seats, from 1 up to the seats of the subscription.' })
  seats!: number;
}
