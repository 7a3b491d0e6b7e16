import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AcceptInvitationInput,
  Invitation,
  InvitationConnection,
  InvitationPreview,
  InviteUserInput,
  InviteUsersInput,
  InviteUsersResult,
  PageArgs,
  SignInPayload,
  UUID,
} from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { acceptInvitation, previewInvitation } from './invitation-accept.service.js';
import { invitationsPage, inviteUser, inviteUsers, resendInvitation, revokeInvitation } from './invitations.service.js';

@Resolver()
export class InvitationsResolver {
  @Allow(Permission.ReadUsers)
  @Query(() => InvitationConnection, {
    description: 'Pending invitations (expired ones included, marked EXPIRED), the latest to expire first; admins only.',
  })
  invitations(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InvitationConnection> {
    return invitationsPage(ctx, page);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Invitation, { description: '"+ Invite users": invites one person by email, optionally with role, team and seats.' })
  inviteUser(@Ctx() ctx: AccountContext, @Arg('input', () => InviteUserInput, { description: 'Who to invite.' }) input: InviteUserInput): Promise<Invitation> {
    return inviteUser(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => InviteUsersResult, { description: '"Invite Multiple": checks every row and reports; invites all rows only when all are valid (and not a dry run).' })
  inviteUsers(@Ctx() ctx: AccountContext, @Arg('input', () => InviteUsersInput, { description: 'The list.' }) input: InviteUsersInput): Promise<InviteUsersResult> {
    return inviteUsers(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Invitation, { description: 'Sends a pending or expired invitation again with a new link and expiry.' })
  resendInvitation(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The invitation.' }) id: string): Promise<Invitation> {
    return resendInvitation(ctx, id);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Invitation, { description: 'Withdraws a pending invitation; an invitee who never accepted is removed and their seats freed.' })
  revokeInvitation(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The invitation.' }) id: string): Promise<Invitation> {
    return revokeInvitation(ctx, id);
  }

  @Allow(Permission.SignInFlow)
  @Query(() => InvitationPreview, { description: 'What an invitation link is for; no sign-in needed (the token is the credential). INVITATION_INVALID for an unknown token.' })
  invitationByToken(@Ctx() ctx: RequestContext, @Arg('token', () => String, { description: 'The token from the link.' }) token: string): Promise<InvitationPreview> {
    return previewInvitation(ctx, token);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => SignInPayload, {
    description:
      'Accepts an invitation and signs in: a new person sets a password, an existing person enters theirs. Someone with 2-step verification on joins the account but gets no session (`viewer` null): they sign in through both steps.',
  })
  async acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptInvitationInput, { description: 'The token and the password.' }) input: AcceptInvitationInput,
  ): Promise<SignInPayload> {
    return { viewer: await acceptInvitation(ctx, input), secondStep: null };
  }
}
