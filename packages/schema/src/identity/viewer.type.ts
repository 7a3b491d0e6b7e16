import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Account } from '../accounts/account.type.js';
import { Role } from '../users/role.enum.js';
import { SecondStepChallenge } from './two-step.type.js';
import { Language } from '../client/enums.js';
import { VendorStaff } from '../vendor/vendor-staff.type.js';

export { Language };

registerEnumType(Language, {
  name: 'Language',
  description: 'A language the whole user interface and all messages are available in.',
  valuesConfig: {
    EN: { description: 'English.' },
    SL: { description: 'Slovenian (slovenščina).' },
  },
});

@ObjectType({ description: 'An account the signed-in person belongs to, and their role there.' })
export class ViewerMembership {
  @Field(() => Account, { description: 'The account.' })
  account!: Account;

  @Field(() => Role, { description: "The person's role in that account." })
  role!: Role;

  @Field(() => Boolean, { description: 'Whether the session is working in this account now.' })
  current!: boolean;
}

@ObjectType({ description: 'The signed-in person, in the account they are working in.' })
export class Viewer {
  @Field(() => ID, { description: "The signed-in person's user id." })
  id!: string;

  @Field(() => String, { description: 'Email address the person signs in with.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => Language, { description: 'Display language the person chose.' })
  language!: Language;

  @Field(() => Role, { description: "The person's role in the current account." })
  role!: Role;

  @Field(() => Account, { description: 'The account the person is working in.' })
  account!: Account;

  @Field(() => [ViewerMembership], {
    description:
      'Every account the person can work in, by name, the current one included (`current`). `switchAccount` moves the session to another; an API token sees only its own account.',
  })
  memberships?: ViewerMembership[];
}

@InputType({ description: 'Email and password to sign in with.' })
export class SignInInput {
  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType({
  description:
    'The result of a sign-in step. Either `viewer` is set (signed in, session cookie set) or, when the person has 2-step verification on, `secondStep` is set and no session exists until `completeSignIn` succeeds.',
})
export class SignInPayload {
  @Field(() => Viewer, { nullable: true, description: 'The person now signed in; null while a second step is still needed.' })
  viewer!: Viewer | null;

  @Field(() => SecondStepChallenge, {
    nullable: true,
    description: 'Set when the password was right but a second step is needed; null once signed in.',
  })
  secondStep!: SecondStepChallenge | null;

  @Field(() => VendorStaff, {
    nullable: true,
    description: "Set instead of `viewer` when a member of the vendor's staff signed in: they work in the Vendor console, outside every customer account.",
  })
  staff?: VendorStaff | null;
}
