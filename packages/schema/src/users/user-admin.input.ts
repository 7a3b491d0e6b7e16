import { Field, InputType, Int } from 'type-graphql';
import { Role } from './role.enum.js';
import { UUID } from '../common/uuid.scalar.js';

@InputType({ description: 'Change a person\'s role (F-45) between User and Secondary admin.' })
export class ChangeRoleInput {
  @Field(() => UUID, { description: 'The person (user id).' })
  userId!: string;

  @Field(() => Role, { description: 'The new role: USER or SECONDARY_ADMIN (the primary admin changes only by handover).' })
  role!: Role;

  @Field(() => Int, { description: '`User.version` as the admin saw it; a newer version means someone else changed the user first (CONFLICT).' })
  version!: number;
}

@InputType({ description: 'Hand the primary admin role to another active user; the current primary admin confirms with their password.' })
export class TransferPrimaryAdminInput {
  @Field(() => UUID, { description: 'The person (user id) who becomes primary admin.' })
  userId!: string;

  @Field(() => String, { description: "The current primary admin's password, as confirmation." })
  password!: string;
}

@InputType({ description: 'Remove a person from the account (F-46).' })
export class RemoveUserInput {
  @Field(() => UUID, { description: 'The person (user id).' })
  userId!: string;

  @Field(() => Int, { description: '`User.version` as the admin saw it (CONFLICT when it changed since).' })
  version!: number;
}

@InputType({ description: 'Move people to another team, or out of any team.' })
export class MoveUsersToTeamInput {
  @Field(() => [UUID], { description: 'The people (user ids), 1 to 500.' })
  userIds!: string[];

  @Field(() => UUID, { nullable: true, description: 'The team to move them to; null for no team.' })
  teamId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'With exactly one user: `User.version` as the admin saw it (CONFLICT when it changed since). Bulk moves from the list leave it out.',
  })
  version?: number | null;
}
