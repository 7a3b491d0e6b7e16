import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AddSupportMessageInput,
  AdminHome,
  OpenSupportRequestInput,
  PageArgs,
  SupportRequest,
  SupportRequestConnection,
  SupportRequestsFilter,
  SupportThread,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { addSupportMessage, listSupportRequests, openSupportRequest, supportThread } from '../support/support.service.js';
import { adminHome } from './admin-home.service.js';

@Resolver()
export class AdminHomeResolver {
  @Allow(Permission.ReadSubscriptions)
  @Query(() => AdminHome, { description: 'The admin landing page (F-10): latest updates, renewals, open support requests; admins only.' })
  adminHome(@Ctx() ctx: AccountContext): Promise<AdminHome> {
    return adminHome(ctx);
  }

  @Allow(Permission.OpenSupportRequest)
  @Mutation(() => SupportRequest, { description: 'Opens a support request for the account: subject, description and category; admins only.' })
  openSupportRequest(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => OpenSupportRequestInput, { description: 'What the request is about.' }) input: OpenSupportRequestInput,
  ): Promise<SupportRequest> {
    return openSupportRequest(ctx, input);
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => SupportRequestConnection, { description: "Every support request of the account, latest activity first: filter by state, category or words of the subject. Admins only." })
  supportRequests(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SupportRequestsFilter, { nullable: true, description: 'Which requests; all when omitted.' }) filter?: SupportRequestsFilter | null,
  ): Promise<SupportRequestConnection> {
    return listSupportRequests(ctx, { first: page.first, after: page.after, filter });
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => SupportThread, { description: "One of the account's support requests with the replies of the vendor's support; NOT_FOUND for any other id. Admins only." })
  supportRequest(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The request.' }) id: string): Promise<SupportThread> {
    return supportThread(ctx, id);
  }

  @Allow(Permission.ReplyToOwnSupportRequest)
  @Mutation(() => SupportThread, {
    description:
      "Writes in the thread of one of the account's support requests (the person who opened it, or an admin): it is support's turn again, and a closed request opens again. NOT_FOUND for another account's id.",
  })
  addSupportMessage(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => AddSupportMessageInput, { description: 'The request and the message.' }) input: AddSupportMessageInput,
  ): Promise<SupportThread> {
    return addSupportMessage(ctx, input);
  }
}
