import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  AuthenticatorSetup,
  CompleteSignInInput,
  ConfirmTwoStepInput,
  RecoveryCodes,
  RegenerateRecoveryCodesInput,
  SecondStepChallenge,
  SignInPayload,
  SmsSetup,
  StartAuthenticatorSetupInput,
  StartSmsSetupInput,
  TurnOffTwoStepInput,
  TwoStepStatus,
} from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../../context.js';
import { Allow, Permission } from '../../../graphql/permissions.js';
import {
  completeSignIn,
  confirmTwoStep,
  regenerateRecoveryCodes,
  sendSignInSmsCode,
  sendTwoStepSmsCode,
  startAuthenticatorSetup,
  startSmsSetup,
  turnOffTwoStep,
} from './two-step.service.js';

@Resolver()
export class TwoStepResolver {
  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => AuthenticatorSetup, {
    description:
      'Starts setting up 2-step verification with an authenticator app: answers the secret and its QR code. Nothing changes at sign-in until `confirmTwoStep` gets a code from the app. Needs the password.',
  })
  startAuthenticatorSetup(
    @Arg('input', () => StartAuthenticatorSetupInput, { description: 'The current password.' }) input: StartAuthenticatorSetupInput,
    @Ctx() ctx: AccountContext,
  ): Promise<AuthenticatorSetup> {
    return startAuthenticatorSetup(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => SmsSetup, {
    description:
      'Starts setting up 2-step verification by text message: sends a code to the phone. Nothing changes at sign-in until `confirmTwoStep` gets that code. Needs the password.',
  })
  startSmsSetup(
    @Arg('input', () => StartSmsSetupInput, { description: 'Phone number and current password.' }) input: StartSmsSetupInput,
    @Ctx() ctx: AccountContext,
  ): Promise<SmsSetup> {
    return startSmsSetup(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => RecoveryCodes, {
    description:
      'Turns 2-step verification on with the code from the app or text message being set up; answers ten single-use recovery codes, shown only this once.',
  })
  confirmTwoStep(
    @Arg('input', () => ConfirmTwoStepInput, { description: 'The code.' }) input: ConfirmTwoStepInput,
    @Ctx() ctx: AccountContext,
  ): Promise<RecoveryCodes> {
    return confirmTwoStep(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => RecoveryCodes, { description: 'Replaces the recovery codes with ten new ones (the old ones stop working). Needs the password.' })
  regenerateRecoveryCodes(
    @Arg('input', () => RegenerateRecoveryCodesInput, { description: 'The current password.' }) input: RegenerateRecoveryCodesInput,
    @Ctx() ctx: AccountContext,
  ): Promise<RecoveryCodes> {
    return regenerateRecoveryCodes(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => SmsSetup, { description: 'Sends a text-message code to the registered phone, to turn 2-step verification off with it.' })
  sendTwoStepSmsCode(@Ctx() ctx: AccountContext): Promise<SmsSetup> {
    return sendTwoStepSmsCode(ctx);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => TwoStepStatus, {
    description: 'Turns 2-step verification off, given the password or a code; a security alert is mailed. Answers the new status.',
  })
  turnOffTwoStep(
    @Arg('input', () => TurnOffTwoStepInput, { description: 'The password or a code.' }) input: TurnOffTwoStepInput,
    @Ctx() ctx: AccountContext,
  ): Promise<TwoStepStatus> {
    return turnOffTwoStep(ctx, input);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => SignInPayload, {
    description:
      'The second step of signing in, after `signIn` answered `secondStep`: with a right code the session opens and its cookie is set. Wrong codes are limited (TOO_MANY_ATTEMPTS); an old or missing sign-in attempt gets SECOND_STEP_EXPIRED.',
  })
  completeSignIn(
    @Arg('input', () => CompleteSignInInput, { description: 'The code and its kind.' }) input: CompleteSignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInPayload> {
    return completeSignIn(ctx, input);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => SecondStepChallenge, { description: 'Sends the text-message code of a pending sign-in again (at most every 30 seconds).' })
  sendSignInSmsCode(@Ctx() ctx: RequestContext): Promise<SecondStepChallenge> {
    return sendSignInSmsCode(ctx);
  }
}
