import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { WebhookEndpointRow } from './webhook-endpoint.entity.js';

/**
 * One event for one endpoint: the exact body signed and sent (the same on every attempt), its
 * `webhook-id` (`messageId`), and where it stands. Made by the fan-out subscriber after the change
 * committed; sent by the `webhooks.deliver` subscriber of the event bus, with its retries.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['endpoint', 'eventId'] })
@Index({ properties: ['status', 'createdAt'] })
export class WebhookDeliveryRow extends BaseEntity {
  @ManyToOne(() => WebhookEndpointRow, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpointRow;

  /** The event's id: one delivery per event and endpoint, however often the fan-out runs. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 40 })
  eventType!: string;

  @Property({ type: 'string', length: 60 })
  messageId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'PENDING';

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: (Date & Opt) | null = null;
}
