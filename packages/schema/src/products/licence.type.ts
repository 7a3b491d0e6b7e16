import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
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

  @Field(() => String, { nullable: true, description: 'Last day the licence file is valid, YYYY-MM-DD (network licences).' })
  expiresOn!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a newer file for the same host ID replaced this one (network licences); a revoked file holds no seats.',
  })
  revokedAt!: Date | null;
}

@InputType({ description: 'Which licence requests to list.' })
export class LicenceRequestFilter {
  @Field(() => UUID, { nullable: true, description: 'Only the requests for this product.' })
  productId?: string | null;
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

  @Field(() => String, {
    description:
      "Host ID of the licence server: its MAC address, 12 hex digits bare (lmhostid's form, 0050569A1B2C) or in pairs separated by colons or hyphens; stored as 00:50:56:9A:1B:2C. A new file for a host ID that already has one replaces (revokes) it.",
  })
  hostId!: string;

  @Field(() => Int, {
    description: "Concurrent seats, 1 or more; the active files of a subscription together never hold more than its seats (a replaced file's seats count as free).",
  })
  seats!: number;
}

export const LicenceRequestConnection = connectionTypes(LicenceRequest, 'LicenceRequest', { one: 'licence request', many: 'licence requests',
  page: "A page of licence requests (a User's own, the whole account's for admins), the newest first.",
  total: 'How many licence requests there are, on all pages together.' });
export type LicenceRequestConnection = InstanceType<typeof LicenceRequestConnection>;
