import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { ApiTokenStatus, PersonRef } from '../tokens/api-token.type.js';
import { VendorScope } from './vendor-scope.enum.js';

@ObjectType({
  description:
    "A vendor service token: created by an operator for a billing system; acts as the vendor (belongs to no customer account), limited to its scopes. Its secret is shown once.",
})
export class VendorApiToken {
  @Field(() => UUID, { description: 'Stable identifier of the token.' })
  id!: string;

  @Field(() => String, { description: 'Name given at creation (e.g. "Billing system"); the vendor audit log names the token by it.' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it (e.g. `sw_vnd_AbCd`).' })
  prefix!: string;

  @Field(() => [VendorScope], { description: 'What the token may do.' })
  scopes!: VendorScope[];

  @Field(() => ApiTokenStatus, { description: 'Active, expired or revoked.' })
  status!: ApiTokenStatus;

  @Field(() => PersonRef, { nullable: true, description: 'The operator who created it; null once they were deleted.' })
  createdBy!: PersonRef | null;

  @Field(() => Date, { description: 'When the token was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was last used (to the minute); null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null if it was not.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'One vendor service token in a page of them.' })
export class VendorApiTokenEdge {
  @Field(() => String, { description: 'Opaque cursor of this token in the list.' })
  cursor!: string;

  @Field(() => VendorApiToken, { description: 'The token.' })
  node!: VendorApiToken;
}

@ObjectType({ description: 'A page of vendor service tokens, newest first.' })
export class VendorApiTokenConnection {
  @Field(() => [VendorApiTokenEdge], { description: 'The tokens of this page, in order.' })
  edges!: VendorApiTokenEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many vendor tokens there are, on all pages together.' })
  totalCount!: number;
}

@ObjectType({ description: 'A newly created vendor service token and its secret.' })
export class CreateVendorApiTokenPayload {
  @Field(() => VendorApiToken, { description: 'The token as it is stored.' })
  token!: VendorApiToken;

  @Field(() => String, { description: 'The secret to send as `Authorization: Bearer <secret>`. Shown only now: it cannot be read again.' })
  secret!: string;
}

@InputType({ description: 'A new vendor service token.' })
export class CreateVendorApiTokenInput {
  @Field(() => String, { description: 'A name to recognise it by, 1 to 100 characters, unique among the active vendor tokens.' })
  name!: string;

  @Field(() => [VendorScope], { description: 'What it may do: at least one vendor scope.' })
  scopes!: VendorScope[];

  @Field(() => Int, { defaultValue: 90, description: 'Days until it stops working, 1 to 365 (default 90).' })
  expiresInDays!: number;
}
