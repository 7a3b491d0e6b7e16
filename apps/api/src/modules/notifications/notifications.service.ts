import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { type NotificationCategory, NotificationChannel } from '@seatwise/schema';
import { run } from '../../common/sql.js';
import { inTransaction } from '../../common/transaction.js';
import { NotificationPreference } from '../identity/notification-preference.entity.js';
import { User } from '../identity/user.entity.js';
import { type Publishing, publish } from '../jobs/event-bus.js';
import { NotificationSent } from './notification-sent.entity.js';
import type { NotificationMailData } from './notification-mails.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** One notification mail to one person, claimed once in `notifications_sent` (`claimNotification`). */
    'notifications.mail': { userId: string; accountId: string; mail: NotificationMailData };
  }
}

/** What a notification is about: its kind and subject, and whom it tells. */
export interface NotificationKey {
  kind: string;
  subject: string;
  userId: string;
}

/**
 * Claims a notification for one person in the caller's transaction: true when this call wrote its
 * row, false when it was claimed before (an earlier run, or another instance that is running the
 * same job right now: the unique key makes the second insert wait for the first to commit, then
 * do nothing). Only the caller that gets true sends, so each goes out once.
 */
export async function claimNotification(em: EntityManager, key: NotificationKey): Promise<boolean> {
  const written = await run(
    em,
    'insert into notifications_sent (id, created_at, kind, subject, user_id) values (?, ?, ?, ?, ?) on conflict (kind, subject, user_id) do nothing',
    [randomUUID(), em.getPlatform().processDateProperty(new Date()), key.kind, key.subject, key.userId],
  );
  return written === 1;
}

/** Claims the notification and, when this call won it, publishes its mail in the same transaction. */
export async function notifyOnce(tx: Publishing, key: NotificationKey, accountId: string, mail: NotificationMailData): Promise<boolean> {
  if (!(await claimNotification(tx.em, key))) return false;
  publish(tx, 'notifications.mail', { userId: key.userId, accountId, mail }, accountId);
  return true;
}

/** A state that ended (credits back above the threshold, a seat free again): its next start is a new event. */
export async function rearmNotification(em: EntityManager, kind: string, subject: string): Promise<number> {
  return em.nativeDelete(NotificationSent, { kind, subject });
}

/** Whether the person wants this category by mail (a category without a row goes by mail). */
export async function wantsMail(em: EntityManager, userId: string, category: NotificationCategory): Promise<boolean> {
  const preference = await em.findOne(NotificationPreference, { user: userId, category });
  return (preference?.channel ?? NotificationChannel.EMAIL) === NotificationChannel.EMAIL;
}

/** People of `userIds` who turned `category` off. */
export async function mutedAmong(em: EntityManager, userIds: string[], category: NotificationCategory): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await em.find(NotificationPreference, { user: { $in: userIds }, category, channel: NotificationChannel.NONE });
  return new Set(rows.map((row) => row.user.id));
}

/** The one-click unsubscribe: the category goes to NONE for the person (no sign-in; the signed link is the proof). */
export async function turnCategoryOff(em: EntityManager, userId: string, category: NotificationCategory): Promise<boolean> {
  return inTransaction({ em }, async (tx) => {
    const user = await tx.em.findOne(User, { id: userId });
    if (!user) return false;
    const row = await tx.em.findOne(NotificationPreference, { user, category });
    if (row) row.channel = NotificationChannel.NONE;
    else tx.em.create(NotificationPreference, { user, category, channel: NotificationChannel.NONE });
    return true;
  });
}
