import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { OutboxMessageConnection } from '@seatwise/schema';
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
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 25).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
    after?: string,
  ): Promise<OutboxMessageConnection> {
    return outboxPage(ctx, { first, after });
  }
}
