import { Field, InputType } from 'type-graphql';
import { UUID } from '../common/uuid.scalar.js';

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field(() => String, { description: 'Name, 1 to 100 characters, unique in the account.' })
  name!: string;
}

@InputType({ description: 'A new name for a team.' })
export class RenameTeamInput {
  @Field(() => UUID, { description: 'The team.' })
  id!: string;

  @Field(() => String, { description: 'New name, 1 to 100 characters, unique in the account.' })
  name!: string;
}

@InputType({ description: 'Delete a team: refused while it has members or subscriptions, unless they are moved first.' })
export class DeleteTeamInput {
  @Field(() => UUID, { description: 'The team to delete.' })
  id!: string;

  @Field(() => UUID, { nullable: true, description: 'Move its members and subscriptions to this team first.' })
  moveToTeamId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'true: move its members and subscriptions out of any team first.' })
  moveToNoTeam!: boolean;
}

@InputType({ description: 'Move subscriptions to another team, or out of any team.' })
export class MoveSubscriptionsToTeamInput {
  @Field(() => [UUID], { description: 'The subscriptions, 1 to 500.' })
  subscriptionIds!: string[];

  @Field(() => UUID, { nullable: true, description: 'The team to move them to; null for no team.' })
  teamId?: string | null;
}
