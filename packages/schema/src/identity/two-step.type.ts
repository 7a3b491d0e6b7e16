import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TwoStepMethod, SecondStepCodeKind } from '../client/enums.js';

export { TwoStepMethod, SecondStepCodeKind };

registerEnumType(TwoStepMethod, {
  name: 'TwoStepMethod',
  description: 'How a person proves the second step of signing in.',
  valuesConfig: {
    AUTHENTICATOR_APP: { description: 'A 6-digit code from an authenticator app (TOTP, RFC 6238).' },
    SMS: { description: 'A 6-digit code sent by text message to the registered phone.' },
  },
});

registerEnumType(SecondStepCodeKind, {
  name: 'SecondStepCodeKind',
  description: 'Which kind of code is being entered for the second step.',
  valuesConfig: {
    AUTHENTICATOR_APP: { description: 'The current code of the authenticator app.' },
    SMS: { description: 'The code of the latest text message.' },
    RECOVERY_CODE: { description: 'One of the single-use recovery codes shown when 2-step verification was turned on.' },
  },
});

@ObjectType({ description: "The state of the signed-in person's 2-step verification." })
export class TwoStepStatus {
  @Field(() => Boolean, { description: 'Whether signing in asks for a second step.' })
  enabled!: boolean;

  @Field(() => TwoStepMethod, { nullable: true, description: 'The method in use; null while 2-step verification is off.' })
  method!: TwoStepMethod | null;

  @Field(() => String, { nullable: true, description: 'For SMS: the phone number with all but the last digits hidden.' })
  phoneHint!: string | null;

  @Field(() => Int, { description: 'Unused recovery codes left (0 while 2-step verification is off).' })
  recoveryCodesLeft!: number;

  @Field(() => Date, { nullable: true, description: 'When 2-step verification was turned on; null while off.' })
  enabledAt!: Date | null;
}

@ObjectType({
  description:
    'What an authenticator app needs to start producing codes. Shown once, while setting up; 2-step verification is on only after a code from the app is confirmed.',
})
export class AuthenticatorSetup {
  @Field(() => String, { description: 'The shared secret in base32, for typing into an app that cannot scan the QR code.' })
  secret!: string;

  @Field(() => String, { description: 'The otpauth:// URI the QR code encodes.' })
  otpauthUri!: string;

  @Field(() => String, { description: 'The QR code as a PNG data URL, ready for an <img> element.' })
  qrCodeDataUrl!: string;
}

@ObjectType({ description: 'A text message with a code was sent to the phone being set up.' })
export class SmsSetup {
  @Field(() => String, { description: 'The phone number with all but the last digits hidden.' })
  phoneHint!: string;
}

@ObjectType({ description: 'New single-use recovery codes, shown only this once; Seatwise keeps only their hashes.' })
export class RecoveryCodes {
  @Field(() => [String], { description: 'Ten codes; each signs in once when the phone or app is not at hand.' })
  codes!: string[];
}

@InputType({ description: 'The password, to start setting up 2-step verification with an authenticator app.' })
export class StartAuthenticatorSetupInput {
  @Field(() => String, { description: 'Current password.' })
  password!: string;
}

@InputType({ description: 'A phone number and the password, to start setting up 2-step verification by text message.' })
export class StartSmsSetupInput {
  @Field(() => String, { description: 'Mobile phone number in international format, e.g. +38640123456.' })
  phone!: string;

  @Field(() => String, { description: 'Current password.' })
  password!: string;
}

@InputType({ description: 'The code that proves the app or phone being set up works.' })
export class ConfirmTwoStepInput {
  @Field(() => String, { description: 'The 6-digit code from the app or the text message.' })
  code!: string;
}

@InputType({
  description: 'Proof that the person turning 2-step verification off is its owner: the password, or a current code (or recovery code).',
})
export class TurnOffTwoStepInput {
  @Field(() => String, { nullable: true, description: 'Current password.' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A code from the app or text message, or a recovery code.' })
  code?: string | null;
}

@InputType({ description: 'The password, to replace the recovery codes with ten new ones.' })
export class RegenerateRecoveryCodesInput {
  @Field(() => String, { description: 'Current password.' })
  password!: string;
}

@ObjectType({
  description:
    'Signing in needs a second step: the password was right, but no session is open until `completeSignIn` gets a valid code.',
})
export class SecondStepChallenge {
  @Field(() => TwoStepMethod, { description: 'The method the person set up.' })
  method!: TwoStepMethod;

  @Field(() => String, { nullable: true, description: 'For SMS: where the code was sent, with all but the last digits hidden.' })
  phoneHint!: string | null;

  @Field(() => Date, { description: 'When this sign-in attempt expires; after that, sign in with the password again.' })
  expiresAt!: Date;
}

@InputType({ description: 'The second step of signing in.' })
export class CompleteSignInInput {
  @Field(() => String, { description: 'The code: 6 digits from the app or text message, or a recovery code.' })
  code!: string;

  @Field(() => SecondStepCodeKind, { description: 'Which kind of code it is.' })
  kind!: SecondStepCodeKind;
}
