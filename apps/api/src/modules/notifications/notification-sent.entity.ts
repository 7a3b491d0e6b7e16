import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../identity/user.entity.js';

/**
 * A notification that was sent (or is on its way): one row per (kind, subject, person), its
 * unique key the claim that makes each one go out once, however many times the daily job runs or
 * however many instances run it at once (`notifications.service.ts`). Belongs to the person, like
 * their notification preferences, so a person in two accounts hears of one event once. A row of a
 * state that can come back (credits low, a subscription fully assigned) is deleted when the state
 * ends, so the next time it starts is a new event.
 */
@Entity({ tableName: 'notifications_sent' })
@Unique({ properties: ['kind', 'subject', 'user'] })
export class NotificationSent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  /** What was announced, e.g. `renewal.30`, `product-update`, `credits-low`. */
  @Property({ type: 'string', length: 40 })
  kind!: string;

  /** What it was about: a subscription and its term end, a version, a subscription. */
  @Property({ type: 'string', length: 120 })
  subject!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;
}
