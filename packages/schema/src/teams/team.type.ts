import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A group of the account's users and subscriptions, e.g. a department or an office." })
export class Team {
  @Field(() => ID, { description: 'Stable identifier of the team.' })
  id!: string;

  @Field(() => String, { description: 'Name of the team, unique within the account.' })
  name!: string;

  @Field(() => Int, { description: 'How many active or invited users belong to the team.' })
  memberCount!: number;
}
