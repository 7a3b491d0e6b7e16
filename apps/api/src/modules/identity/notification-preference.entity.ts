import { Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { NotificationCategory, NotificationChannel } from '@seatwise/schema';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from './user.entity.js';

/**
 * A person's channel for one category of notifications. Only choices are stored: a category
 * without a row goes by email. Belongs to the person, not to an account, so it holds in every
 * account they work in.
 */
@Entity({ tableName: 'notification_preferences' })
@Unique({ properties: ['user', 'category'] })
export class NotificationPreference extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => NotificationCategory, type: 'string', length: 32 })
  category!: NotificationCategory;

  @Enum({ items: () => NotificationChannel, type: 'string', length: 16 })
  channel!: NotificationChannel;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
