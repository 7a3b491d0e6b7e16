import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../../logger.js';
import { Job, JobStatus } from './job.entity.js';
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
  /** The job this worker is running, given back to the queue by a `stop` that runs out of time. */
  private inHand: ClaimedJob | null = null;
  private stopping: Promise<void> | null = null;

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
    this.stopping = null;
    this.loop.start();
  }

  /** True while the worker polls (`/readyz`). */
  get running(): boolean {
    return this.loop.started;
  }

  /**
   * Stops polling and waits for the job in hand to finish, at most `graceMs`. A job still running
   * then is given back to the queue (queued again, its attempt not counted) so another instance
   * takes it at once; should its work finish here after all, `completeJob` finds the claim gone and
   * discards the result, so the job is done once.
   */
  stop(graceMs = Infinity): Promise<void> {
    // A second call (close() after a shutdown gave the job back) waits for the first, not the job.
    this.stopping ??= this.stopWithin(graceMs);
    return this.stopping;
  }

  private async stopWithin(graceMs: number): Promise<void> {
    const stopped = this.loop.stop().then(() => true);
    const finished = Number.isFinite(graceMs) ? await Promise.race([stopped, new Promise<false>((resolve) => setTimeout(resolve, graceMs, false).unref())]) : await stopped;
    const claim = this.inHand;
    if (finished || !claim) return;
    const released = await this.orm.em.fork().nativeUpdate(
      Job,
      { id: claim.id, lockedBy: claim.token, status: JobStatus.RUNNING },
      { status: JobStatus.QUEUED, attempts: claim.attempt - 1, lockedBy: null, leaseUntil: null },
      { filters: false },
    );
    if (released === 1) this.logger.info({ job: claim.id, kind: claim.kind }, 'job given back to the queue at shutdown');
  }

  /** Claims and runs at most one job; true when it ran one. */
  async runOnce(): Promise<boolean> {
    const em = this.orm.em.fork() as EntityManager;
    const claim = await claimNextJob(em, this.instanceId, Object.keys(this.handlers), this.leaseMs);
    if (!claim) return false;
    this.inHand = claim;
    try {
      return await this.run(em, claim);
    } finally {
      this.inHand = null;
    }
  }

  private async run(em: EntityManager, claim: ClaimedJob): Promise<boolean> {
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
