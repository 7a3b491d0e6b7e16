import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { MembershipStatus, Role } from './role.enum.js';

@ObjectType({ description: 'A short reference to a team, as shown next to a user.' })
export class TeamRef {
  @Field(() => ID, { description: 'Identifier of the team.' })
  id!: string;

  @Field(() => String, { description: 'Name of the team.' })
  name!: string;
}

@ObjectType({ description: 'A person as a member of the current account: who they are and what they may do here.' })
export class User {
  @Field(() => ID, { description: 'Stable identifier of the person (the same in every account they belong to).' })
  id!: string;

  @Field(() => String, { description: 'Email address the person signs in with.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'First and last name together, as shown in lists.' })
  name!: string;

  @Field(() => Role, { description: "The person's role in this account." })
  role!: Role;

  @Field(() => MembershipStatus, { description: 'Whether the person is active, invited or removed in this account.' })
  status!: MembershipStatus;

  @Field(() => TeamRef, { nullable: true, description: 'The team the person belongs to in this account, if any.' })
  team!: TeamRef | null;

  @Field(() => Int, { description: "How many of this account's seats the person holds." })
  seatCount!: number;

  @Field(() => Date, { description: 'When the person joined (or was invited to) this account.' })
  joinedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the person last signed in to this account; null if never, and while they have not accepted the invitation.' })
  lastSignInAt!: Date | null;

  @Field(() => Int, { description: 'Changes with every edit of the membership; edits pass it back so two admins never overwrite each other silently.' })
  version!: number;
}

export const UserConnection = connectionTypes(User, 'User', { one: 'user', many: 'users',
  page: "A page of the account's users.",
  total: 'How many users match the filter, on all pages together.' });
export type UserConnection = InstanceType<typeof UserConnection>;
export type UserEdge = UserConnection['edges'][number];
