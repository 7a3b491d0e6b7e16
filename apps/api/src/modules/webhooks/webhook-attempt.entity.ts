import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { WebhookDeliveryRow } from './webhook-delivery.entity.js';
import { WebhookEndpointRow } from './webhook-endpoint.entity.js';

/** One HTTP request of a delivery: the endpoint's delivery log. */
@Entity({ tableName: 'webhook_attempts' })
@Index({ properties: ['endpoint', 'attemptedAt'] })
export class WebhookAttemptRow extends BaseEntity {
  @ManyToOne(() => WebhookEndpointRow, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpointRow;

  @ManyToOne(() => WebhookDeliveryRow, { deleteRule: 'cascade' })
  delivery!: WebhookDeliveryRow;

  @Property({ type: 'integer' })
  attempt!: number;

  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  @Property({ type: 'boolean' })
  succeeded!: boolean;

  @Property({ type: 'string', length: 200, nullable: true })
  error: string | null = null;

  /** At most 1 kB of the answer. */
  @Property({ type: 'string', length: 1024 })
  responseExcerpt!: string;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'datetime' })
  attemptedAt!: Date;
}
