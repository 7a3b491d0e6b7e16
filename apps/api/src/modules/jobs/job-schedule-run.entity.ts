import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ScheduledRunStatus } from '@seatwise/schema';

/**
 * One firing of a cron schedule (`schedules.ts`): written by the instance that claimed the slot,
 * in the same transaction as the claim, so the history holds exactly one row per slot that ran.
 */
@Entity({ tableName: 'job_schedule_runs' })
@Unique({ properties: ['name', 'slotAt'] })
@Index({ properties: ['startedAt'] })
export class JobScheduleRun {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 80 })
  name!: string;

  /** The cron slot it fired for (the `nextRunAt` it moved on). */
  @Property({ type: 'datetime' })
  slotAt!: Date;

  @Enum({ items: () => ScheduledRunStatus, type: 'string', length: 10 })
  status: ScheduledRunStatus & Opt = ScheduledRunStatus.RUNNING;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  error: string | null = null;

  @Property({ type: 'string', length: 120 })
  instance!: string;
}
