import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The rule every new password must meet, so clients can state it before the person types.' })
export class PasswordPolicy {
  @Field(() => Int, { description: 'Fewest characters a password may have.' })
  minLength!: number;

  @Field(() => Int, { description: 'Most characters a password may have.' })
  maxLength!: number;

  @Field(() => String, { description: 'The rule in words (English), e.g. for other apps; the Seatwise UI states it in the reader’s language.' })
  description!: string;
}

@InputType({ description: 'Asks for a password reset link by email.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;
}

@ObjectType({ description: 'What a valid password reset link is for, shown before the person chooses a password.' })
export class PasswordResetLink {
  @Field(() => String, { description: 'Email address of the account the link resets.' })
  email!: string;

  @Field(() => Boolean, { description: 'True when the account has no password yet (an invited person setting their first one).' })
  firstPassword!: boolean;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@InputType({ description: 'Sets a new password through an emailed reset link.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link (the `token` parameter).' })
  token!: string;

  @Field(() => String, { description: 'The new password; see `passwordPolicy`.' })
  newPassword!: string;
}

@InputType({ description: 'Changes the own password.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password; see `passwordPolicy`.' })
  newPassword!: string;
}

@ObjectType({ description: 'The result of a password change.' })
export class ChangePasswordPayload {
  @Field(() => Int, { description: 'How many other sessions (browsers and devices) were signed out.' })
  endedSessions!: number;
}
