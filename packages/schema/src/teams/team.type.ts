import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';

@ObjectType({ description: "A group of the account's users and subscriptions, e.g. a department or an office." })
export class Team {
  @Field(() => ID, { description: 'Stable identifier of the team.' })
  id!: string;

  @Field(() => String, { description: 'Name of the team, unique within the account.' })
  name!: string;

  @Field(() => Int, { description: 'How many active or invited users belong to the team.' })
  memberCount!: number;
}

export const TeamConnection = connectionTypes(Team, 'Team', { one: 'team', many: 'teams',
  page: "A page of the account's teams, by name.",
  total: 'How many teams the account has, on all pages together.' });
export type TeamConnection = InstanceType<typeof TeamConnection>;
