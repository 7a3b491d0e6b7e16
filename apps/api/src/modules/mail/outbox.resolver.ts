import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { OutboxMessage } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Paged } from '../../graphql/limits.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { listOutbox, OUTBOX_PAGE } from './outbox.service.js';

@Resolver()
export class OutboxResolver {
  @Allow(Permission.Public)
  @Paged(OUTBOX_PAGE)
  @Query(() => [OutboxMessage], {
    description:
      'Messages kept in the outbox, newest first: the reset links, invitations and codes Seatwise would have sent. Demo mode only; needs no sign-in, so the demo can be tried without a mail server.',
  })
  outbox(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: OUTBOX_PAGE.default, description: 'How many messages to return (1 to 200).' }) first: number,
  ): Promise<OutboxMessage[]> {
    return listOutbox(ctx, first);
  }
}
