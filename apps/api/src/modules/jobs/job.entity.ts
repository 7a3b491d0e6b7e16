import { Entity, Enum, Filter, Index, type Opt, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';

export enum JobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * One unit of background work, kept in the database so it survives a restart. A worker claims it
 * by setting `lockedBy` and a lease; a lease that runs out (the worker died) lets another claim it.
 */
@Entity({ tableName: 'jobs' })
@Filter(tenantFilter)
@Index({ properties: ['status', 'leaseUntil'] })
export class Job extends TenantEntity {
  /** What to run, e.g. `install-package.build`. */
  @Property({ type: 'string', length: 60 })
  kind!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Enum({ items: () => JobStatus, type: 'string', length: 20 })
  status: JobStatus & Opt = JobStatus.QUEUED;

  /** 0 to 100. */
  @Property({ type: 'integer' })
  progress: number & Opt = 0;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'integer' })
  maxAttempts: number & Opt = 3;

  /** The claim token of the worker running it (instance id and a random part). */
  @Property({ type: 'string', length: 80, nullable: true })
  lockedBy: (string & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  leaseUntil: (Date & Opt) | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  error: (string & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: (Date & Opt) | null = null;

  /** A failed attempt's retry waits until then (the SQLite queue; on PostgreSQL graphile-worker's backoff). */
  @Property({ type: 'datetime', nullable: true })
  runAfter: (Date & Opt) | null = null;
}
