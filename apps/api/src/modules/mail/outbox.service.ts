import { MessageChannel, type OutboxMessage } from '@seatwise/schema';
import type { PageSizes } from '../../common/pagination.js';
import type { RequestContext } from '../../context.js';
import { ForbiddenError, InvalidInputError, msg } from '../../errors.js';

/** `outbox(first)`: 50 messages when omitted, at most 200. */
export const OUTBOX_PAGE: PageSizes = { default: 50, max: 200 };

export async function listOutbox(ctx: RequestContext, first: number): Promise<OutboxMessage[]> {
  if (!ctx.config.demo) throw new ForbiddenError(msg('The outbox is only shown in demo mode (SEATWISE_DEMO=1).'));
  if (!Number.isInteger(first) || first < 1 || first > OUTBOX_PAGE.max) {
    throw new InvalidInputError('first', msg('Ask for between 1 and 200 messages.'));
  }
  const messages = await ctx.outbox.list(first);
  return messages.map((message) => ({
    ...message,
    channel: MessageChannel[message.channel],
    sentAt: new Date(message.sentAt),
  }));
}
