import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';

@ObjectType({ description: "The account's SCIM token: its secret is shown once, when it is made; only a hash is stored." })
export class DirectoryToken {
  @Field(() => ID, { description: 'Identifier of the token.' })
  id!: string;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it.' })
  prefix!: string;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the directory last used it; null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who made it (name and email); null if they were deleted.' })
  createdBy!: string | null;
}

@ObjectType({ description: "How the account's directory connects: the SCIM address, the live token and what it has provisioned." })
export class DirectorySettings {
  @Field(() => String, { description: 'The SCIM 2.0 base address to give the identity provider (Tenant URL in Entra, Base URL in Okta).' })
  scimUrl!: string;

  @Field(() => DirectoryToken, { nullable: true, description: 'The live SCIM token; null when there is none (provisioning is off).' })
  token!: DirectoryToken | null;

  @Field(() => Int, { description: 'People the directory has provisioned.' })
  people!: number;

  @Field(() => Int, { description: 'Of those, the ones the directory has deactivated.' })
  deactivatedPeople!: number;

  @Field(() => Int, { description: 'Groups the directory has pushed (each mapped to a team).' })
  groups!: number;
}

@ObjectType({ description: 'A new SCIM token and its secret, shown only this once.' })
export class CreateDirectoryTokenPayload {
  @Field(() => DirectoryToken, { description: 'The new token; any older one stopped working.' })
  token!: DirectoryToken;

  @Field(() => String, { description: 'The secret: give it to the identity provider now; it cannot be shown again.' })
  secret!: string;
}

@ObjectType('DirectoryGroup', { description: 'A group the directory pushed, and the team its members are put in.' })
export class DirectoryGroupInfo {
  @Field(() => ID, { description: 'Identifier of the group (its SCIM id).' })
  id!: string;

  @Field(() => String, { description: 'Its name in the directory.' })
  displayName!: string;

  @Field(() => Int, { description: 'How many people the directory has put in it.' })
  memberCount!: number;

  @Field(() => ID, { nullable: true, description: 'The team its members are put in; null for none.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'That team\'s name.' })
  teamName!: string | null;
}

export const DirectoryGroupConnection = connectionTypes(DirectoryGroupInfo, 'DirectoryGroup', {
  one: 'group',
  many: 'groups',
  page: 'A page of the groups the directory pushed, oldest first.',
  total: 'How many groups the directory pushed, on all pages together.',
});
export type DirectoryGroupConnection = InstanceType<typeof DirectoryGroupConnection>;
