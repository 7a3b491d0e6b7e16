import { Field, InputType, ObjectType } from 'type-graphql';
import { TwoStepStatus } from './two-step.type.js';

@ObjectType({ description: 'A change of sign-in email address waiting for the link sent to the new address.' })
export class PendingEmailChange {
  @Field(() => String, { description: 'The new address, not in use until the link in the message to it is opened.' })
  newEmail!: string;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: "The signed-in person's Security tab: sign-in email and 2-step verification." })
export class AccountSecurity {
  @Field(() => String, { description: 'The email address the person signs in with.' })
  email!: string;

  @Field(() => PendingEmailChange, { nullable: true, description: 'A requested email change not yet confirmed; null when none.' })
  pendingEmailChange!: PendingEmailChange | null;

  @Field(() => TwoStepStatus, { description: '2-step verification.' })
  twoStep!: TwoStepStatus;
}

@InputType({ description: 'A new sign-in email address; a link to confirm it is sent there.' })
export class ChangeEmailInput {
  @Field(() => String, { description: 'The new email address.' })
  newEmail!: string;

  @Field(() => String, { description: 'Current password.' })
  password!: string;
}

@InputType({ description: 'The token from the link in the confirmation message.' })
export class ConfirmEmailChangeInput {
  @Field(() => String, { description: 'Token from the link.' })
  token!: string;
}

@ObjectType({ description: 'The email change went through.' })
export class EmailChangeResult {
  @Field(() => String, { description: 'The address the person now signs in with.' })
  email!: string;
}

@InputType({ description: 'The password, to delete the signed-in person’s own Seatwise sign-in for good.' })
export class DeleteOwnAccountInput {
  @Field(() => String, { description: 'Current password.' })
  password!: string;
}
