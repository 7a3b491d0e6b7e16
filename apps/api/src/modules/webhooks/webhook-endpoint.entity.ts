import { Entity, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * A webhook endpoint: a customer account's (`account` set, managed by its admins) or the vendor's
 * (`account` null, managed by operators in the Vendor console, getting every account's events).
 * It has no tenant filter because vendor endpoints belong to no account; every query names the
 * owner (`webhooks.service.ts`, `ownerWhere`). The secret is sealed with the server's secret box.
 */
@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['account', 'createdAt'] })
export class WebhookEndpointRow extends BaseEntity {
  @ManyToOne(() => Account, { nullable: true, deleteRule: 'cascade' })
  account: Account | null = null;

  @Property({ type: 'string', length: 500 })
  url!: string;

  @Property({ type: 'string', length: 200 })
  description: string & Opt = '';

  @Property({ type: 'boolean' })
  allEvents: boolean & Opt = true;

  /** Event type names (`WebhookEventType`), when not `allEvents`. */
  @Property({ type: 'json' })
  events: string[] & Opt = [];

  @Property({ type: 'boolean' })
  enabled: boolean & Opt = true;

  /** `whsec_…` sealed (`identity/two-step/secret-box.ts`). */
  @Property({ type: 'string', length: 300 })
  secretSealed!: string;

  @Property({ type: 'datetime' })
  secretCreatedAt: Date & Opt = new Date();

  /** Who added it: mailed when it is disabled for failure. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  createdBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  disabledForFailureAt: (Date & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastSuccessAt: (Date & Opt) | null = null;
}
