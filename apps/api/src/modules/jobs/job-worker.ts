import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../../logger.js';
import { Job } from './job.entity.js';
import { PollLoop } from './poll-loop.js';
import { checkSchedule, runDueSchedules, type Schedule } from './schedules.js';
import { type ClaimedJob, claimNextJob, completeJob, failJob, heartbeat, LeaseLostError } from './job-queue.js';

export interface JobTools {
  /** A fork of the entity manager without the tenant filter; the handler scopes its queries by `job.accountId`. */
  em: EntityManager;
  /** Records progress (0–100) and keeps the lease; throws when the job was taken over. */
  progress(percent: number): Promise<void>;
}

/** Does the work; returns what to write when the job is marked done (in the same transaction). */
export type JobHandler = (job: ClaimedJob, tools: JobTools) => Promise<(tx: EntityManager) => Promise<void>>;

export interface JobWorkerOptions {
  pollMs?: number;
  leaseMs?: number;
  instanceId?: string;
  /** Cron schedules this worker fires (each firing on one instance only, see `schedules.ts`). */
  schedules?: Schedule[];
  /** The clock the schedules read (the app's, so tests can move it). */
  now?: () => Date;
  /** How often to look for due schedules; they fire at minute granularity. */
  scheduleCheckMs?: number;
}

/**
 * Polls the `jobs` table and runs one job at a time, and fires the cron schedules that are due;
 * any number of instances may run side by side.
 */
export class JobWorker {
  readonly instanceId: string;
  private readonly pollMs: number;
  readonly leaseMs: number;
  private readonly loop: PollLoop;
  private readonly schedules: Schedule[];
  private readonly now: () => Date;
  private readonly scheduleCheckMs: number;
  private lastScheduleCheck = -Infinity;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly handlers: Record<string, JobHandler>,
    options: JobWorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.schedules = options.schedules ?? [];
    this.schedules.forEach(checkSchedule);
    this.now = options.now ?? (() => new Date());
    this.scheduleCheckMs = options.scheduleCheckMs ?? 15_000;
    this.loop = new PollLoop(
      async () => {
        await this.runPeriodic();
        return this.runOnce();
      },
      this.pollMs,
      logger,
      'job worker poll failed',
    );
  }

  /**
   * Fires the schedules due by the worker's clock (every one with `force`, which also throws what a
   * task threw); between two looks at the table the poll loop waits `scheduleCheckMs`.
   */
  async runPeriodic(force = false): Promise<void> {
    if (!force && Date.now() - this.lastScheduleCheck < this.scheduleCheckMs) return;
    this.lastScheduleCheck = Date.now();
    await runDueSchedules(this.orm.em.fork() as EntityManager, this.schedules, this.now(), this.logger, force);
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and runs at most one job; true when it ran one. */
  async runOnce(): Promise<boolean> {
    const em = this.orm.em.fork() as EntityManager;
    const claim = await claimNextJob(em, this.instanceId, Object.keys(this.handlers), this.leaseMs);
    if (!claim) return false;
    const handler = this.handlers[claim.kind]!;
    const maxAttempts = (await em.findOne(Job, { id: claim.id }, { filters: false }))?.maxAttempts ?? 3;
    try {
      const finish = await handler(claim, {
        em: this.orm.em.fork() as EntityManager,
        progress: (percent) => heartbeat(em, claim, percent, this.leaseMs),
      });
      await completeJob(em, claim, finish);
      this.logger.debug({ job: claim.id, kind: claim.kind }, 'job finished');
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger.warn({ job: claim.id }, 'job taken over by another worker; result discarded');
      } else {
        this.logger.error({ err: error, job: claim.id, attempt: claim.attempt }, 'job attempt failed');
        await failJob(em, claim, error instanceof Error ? error.message : String(error), maxAttempts);
      }
    }
    return true;
  }
}
