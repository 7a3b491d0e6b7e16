import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  PasswordPolicy,
  PasswordResetLink,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { changePassword } from './password-change.service.js';
import { passwordPolicy } from './password-policy.js';
import { describeResetLink, requestPasswordReset, resetPassword } from './password-reset.service.js';

@Resolver()
export class PasswordResolver {
  @Allow(Permission.Public)
  @Query(() => PasswordPolicy, { description: 'The rule every new password must meet. Needs no sign-in.' })
  passwordPolicy(): PasswordPolicy {
    return passwordPolicy;
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => Boolean, {
    description:
      'Emails a single-use password reset link (F-02), or the link to set a first password for an invited person. Always true, whether or not the email has an account. TOO_MANY_ATTEMPTS when one IP asks too often.',
  })
  requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput, { description: 'The email address to send the link to.' }) input: RequestPasswordResetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return requestPasswordReset(ctx, input);
  }

  @Allow(Permission.SignInFlow)
  @Query(() => PasswordResetLink, {
    description: 'What a reset link is for, before a password is chosen. INVALID_RESET_LINK (field `token`) when it is used, expired or unknown.',
  })
  passwordResetLink(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PasswordResetLink> {
    return describeResetLink(ctx, token);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => Boolean, {
    description:
      'Sets a new password through a reset link; the link is spent and every other session of the person ends. INVALID_RESET_LINK (field `token`) for a used, expired or unknown link; BAD_USER_INPUT (field `newPassword`) for a password that breaks the policy.',
  })
  resetPassword(
    @Arg('input', () => ResetPasswordInput, { description: 'Token and new password.' }) input: ResetPasswordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return resetPassword(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => ChangePasswordPayload, {
    description:
      'Changes the own password; needs the current one (WRONG_PASSWORD, field `currentPassword`). Every other session ends and a security alert is sent.',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' }) input: ChangePasswordInput,
    @Ctx() ctx: AccountContext,
  ): Promise<ChangePasswordPayload> {
    return changePassword(ctx, input);
  }
}
