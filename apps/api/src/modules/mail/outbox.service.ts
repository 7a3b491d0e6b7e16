import { MessageChannel, type OutboxMessageConnection } from '@seatwise/schema';
import { connectionOf, encodeCursor, decodeCursor, pageSize } from '../../common/pagination.js';
import type { RequestContext } from '../../context.js';
import { ForbiddenError, msg } from '../../errors.js';

/** `outbox(first, after, filter: { search })`: a page of the kept messages, newest first (message ids sort by time), those holding `search` when given. */
export async function outboxPage(ctx: RequestContext, args: { first?: number | null; after?: string | null }, search?: string | null): Promise<OutboxMessageConnection> {
  if (!ctx.config.demo) throw new ForbiddenError(msg('The outbox is only shown in demo mode (SEATWISE_DEMO=1).'));
  const limit = pageSize(args.first);
  const before = args.after ? decodeCursor(args.after).id : undefined;
  const { messages, totalCount } = await ctx.outbox.page(limit + 1, before, search);
  return connectionOf(
    messages,
    { limit, after: args.after, totalCount },
    (message) => encodeCursor(message.sentAt, message.id),
    (message) => ({ ...message, channel: MessageChannel[message.channel], sentAt: new Date(message.sentAt) }),
  );
}
