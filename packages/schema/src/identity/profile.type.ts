import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Language } from './viewer.type.js';

@ObjectType({ description: "The signed-in person's own profile (the home page of a user, F-04)." })
export class Profile {
  @Field(() => ID, { description: "The person's user id." })
  id!: string;

  @Field(() => String, { description: 'Email address the person signs in with; changed from the Security tab.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Phone number in international (E.164) form, e.g. +38640123456; null if none.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Company the person works for; null if none.' })
  company!: string | null;

  @Field(() => String, { nullable: true, description: 'Country as an ISO 3166-1 alpha-2 code, e.g. SI; null if none.' })
  country!: string | null;

  @Field(() => Language, { description: 'Display language of the user interface and of every message Seatwise sends.' })
  language!: Language;
}

@InputType({
  description:
    'Changes to the own profile. A field left out stays as it is; for phone, company and country, null or an empty string clears it.',
})
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'New given name (1 to 100 characters).' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'New family name (1 to 100 characters).' })
  lastName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number with its country code (e.g. +386 40 123 456); stored in E.164 form.',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Company name (at most 200 characters).' })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'Country as an ISO 3166-1 alpha-2 code, e.g. SI.' })
  country?: string | null;

  @Field(() => Language, { nullable: true, description: 'Display language.' })
  language?: Language | null;
}
