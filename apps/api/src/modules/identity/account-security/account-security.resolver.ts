import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AccountSecurity,
  ChangeEmailInput,
  ConfirmEmailChangeInput,
  DeleteOwnAccountInput,
  EmailChangeResult,
  PendingEmailChange,
} from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../../context.js';
import { Allow, Permission } from '../../../graphql/permissions.js';
import { deleteOwnAccount } from './account-deletion.service.js';
import { accountSecurity } from './account-security.service.js';
import { cancelEmailChange, confirmEmailChange, requestEmailChange } from './email-change.service.js';

@Resolver()
export class AccountSecurityResolver {
  @Allow(Permission.ManageOwnSignIn)
  @Query(() => AccountSecurity, { description: "The signed-in person's sign-in email, pending email change and 2-step verification." })
  accountSecurity(@Ctx() ctx: AccountContext): Promise<AccountSecurity> {
    return accountSecurity(ctx);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => PendingEmailChange, {
    description:
      'Asks to change the sign-in email: a single-use link (valid 24 hours) goes to the new address and the current address is told. Needs the password.',
  })
  changeEmail(
    @Arg('input', () => ChangeEmailInput, { description: 'New address and current password.' }) input: ChangeEmailInput,
    @Ctx() ctx: AccountContext,
  ): Promise<PendingEmailChange> {
    return requestEmailChange(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, { description: 'Cancels a pending email change; its link stops working. Always true.' })
  cancelEmailChange(@Ctx() ctx: AccountContext): Promise<boolean> {
    return cancelEmailChange(ctx);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => EmailChangeResult, {
    description:
      'Confirms an email change with the token from the link sent to the new address; needs no sign-in. LINK_INVALID for an unknown or used link, LINK_EXPIRED after 24 hours.',
  })
  confirmEmailChange(
    @Arg('input', () => ConfirmEmailChangeInput, { description: 'The token from the link.' }) input: ConfirmEmailChangeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmailChangeResult> {
    return confirmEmailChange(ctx, input);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, {
    description:
      "Deletes the signed-in person's own sign-in for good: personal data removed, seats released, audit history kept, signed out. Needs the password; a primary admin gets PRIMARY_ADMIN_HANDOVER_REQUIRED until the role is handed over.",
  })
  deleteOwnAccount(
    @Arg('input', () => DeleteOwnAccountInput, { description: 'The current password.' }) input: DeleteOwnAccountInput,
    @Ctx() ctx: AccountContext,
  ): Promise<boolean> {
    return deleteOwnAccount(ctx, input);
  }
}
