import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { OutboxFilter, OutboxMessageConnection, PageArgs } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { outboxPage } from './outbox.service.js';

@Resolver()
export class OutboxResolver {
  @Allow(Permission.Public)
  @Query(() => OutboxMessageConnection, {
    description:
      'Messages kept in the outbox, newest first: the reset links, invitations and codes Seatwise would have sent. Demo mode only; needs no sign-in, so the demo can be tried without a mail server.',
  })
  outbox(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OutboxFilter, { nullable: true, description: 'Which messages: all when omitted.' }) filter: OutboxFilter | null,
  ): Promise<OutboxMessageConnection> {
    return outboxPage(ctx, page, filter?.search);
  }
}
