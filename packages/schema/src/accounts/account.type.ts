import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An organisation that owns contracts, subscriptions and seats: the tenant everything else belongs to.' })
export class Account {
  @Field(() => ID, { description: 'Stable identifier of the account.' })
  id!: string;

  @Field(() => String, { description: 'Name of the organisation, as shown in the top bar.' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone in which the account counts its days (for reports), e.g. Europe/Ljubljana.' })
  timeZone!: string;
}
