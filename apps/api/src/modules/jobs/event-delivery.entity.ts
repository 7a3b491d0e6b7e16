import { Entity, Enum, Index, type Opt, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { JobStatus } from './job.entity.js';

/**
 * The outbox of the event bus (`event-bus.ts`): one row per event and subscriber, written in the
 * transaction of the change that published it, delivered after commit by whichever instance claims
 * it first. Not a tenant row: some events have no account (a password reset) or outlive it (the
 * farewell of a deleted account). The payload is cleared once delivered or given up, so links and
 * addresses do not stay in the database.
 */
@Entity({ tableName: 'event_deliveries' })
@Index({ properties: ['status', 'runAfter'] })
export class EventDelivery extends BaseEntity {
  /** The event's name, e.g. `identity.security-alert`. */
  @Property({ type: 'string', length: 80 })
  event!: string;

  /** Which subscriber of the event this row is for, e.g. `mail`. */
  @Property({ type: 'string', length: 80 })
  subscriber!: string;

  /** The account the event happened in, when there is one (for reading the log, not a filter). */
  @Property({ type: 'uuid', nullable: true })
  accountId: (string & Opt) | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Enum({ items: () => JobStatus, type: 'string', length: 20 })
  status: JobStatus & Opt = JobStatus.QUEUED;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'integer' })
  maxAttempts: number & Opt = 5;

  /** Not before this moment: the backoff after a failed attempt. */
  @Property({ type: 'datetime' })
  runAfter: Date & Opt = new Date();

  @Property({ type: 'string', length: 80, nullable: true })
  lockedBy: (string & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  leaseUntil: (Date & Opt) | null = null;

  /** Why the last attempt failed. */
  @Property({ type: 'string', length: 500, nullable: true })
  error: (string & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: (Date & Opt) | null = null;
}
