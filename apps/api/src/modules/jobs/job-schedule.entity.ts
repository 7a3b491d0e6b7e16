import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * When a cron schedule (`schedules.ts`) fires next, shared by every instance: the instance that
 * moves `nextRunAt` on by a conditional update runs that firing, so it runs once however many
 * instances look in the same minute.
 */
@Entity({ tableName: 'job_schedules' })
export class JobSchedule {
  /** The schedule's name, e.g. `subscriptions.term-ends`. */
  @PrimaryKey({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'datetime' })
  nextRunAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastRunAt: (Date & Opt) | null = null;

  /** Why the last firing failed; null after one that worked. */
  @Property({ type: 'string', length: 500, nullable: true })
  lastError: (string & Opt) | null = null;
}
