import {
  NotificationCategory,
  NotificationChannel,
  type Settings,
  type UpdateSettingsInput,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { NotificationPreference } from './notification-preference.entity.js';
import { User } from './user.entity.js';

const CATEGORIES = Object.values(NotificationCategory);

async function readSettings(ctx: AccountContext, user: User): Promise<Settings> {
  const stored = await ctx.em.find(NotificationPreference, { user });
  const channelOf = new Map(stored.map((row) => [row.category, row.channel]));
  return {
    language: user.language,
    notifications: CATEGORIES.map((category) => ({ category, channel: channelOf.get(category) ?? NotificationChannel.EMAIL })),
  };
}

export async function mySettings(ctx: AccountContext): Promise<Settings> {
  return readSettings(ctx, await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId }));
}

/** Language and notification channels in one transaction; a category named twice is refused. */
export async function updateSettings(ctx: AccountContext, input: UpdateSettingsInput): Promise<Settings> {
  const user = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId });
  const changes = input.notifications ?? [];
  const seen = new Set<NotificationCategory>();
  changes.forEach((change, index) => {
    if (seen.has(change.category)) {
      throw new InvalidInputError(`notifications[${index}].category`, msg('{category} is listed more than once.', { category: change.category }));
    }
    seen.add(change.category);
  });

  await inTransaction(ctx, async (tx) => {
    if (input.language) user.language = input.language;
    if (changes.length) {
      const existing = await tx.em.find(NotificationPreference, { user, category: { $in: [...seen] } });
      for (const change of changes) {
        const row = existing.find((candidate) => candidate.category === change.category);
        if (row) row.channel = change.channel;
        else tx.em.create(NotificationPreference, { user, category: change.category, channel: change.channel });
      }
    }
  });
  return readSettings(ctx, user);
}
