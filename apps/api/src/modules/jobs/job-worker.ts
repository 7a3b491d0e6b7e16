import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../../logger.js';
import { Job, JobStatus } from './job.entity.js';
import { PollLoop } from './poll-loop.js';
import { checkSchedule, runDueSchedules, type Schedule } from './schedules.js';
import { type ClaimedJob, claimJob, claimNextJob, completeJob, failJob, heartbeat, LeaseLostError } from './job-queue.js';
import { isPostgres } from '../../db/database.js';
import { run } from '../../common/sql.js';
import { type QueueRunner, requeueStatement, startQueueRunner } from './pg-queue.js';

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

/** A job the PostgreSQL queue delivered while another worker's claim on its row still held: graphile-worker retries it later. */
class JobHeldError extends Error {}

/**
 * Runs one job at a time and fires the cron schedules that are due; any number of instances may
 * run side by side. On SQLite it polls the `jobs` table; on PostgreSQL graphile-worker delivers the
 * jobs (`pg-queue.ts`) and the poll loop only fires schedules and hands back rows whose worker
 * died. Either way the conditional claim on the row decides who runs a job.
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
  /** PostgreSQL: graphile-worker delivers the jobs. */
  private readonly pgQueue: boolean;
  private runner: Promise<QueueRunner> | null = null;
  /** PostgreSQL: graphile-worker's runner has started (and not failed). */
  private queueUp = false;

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
    this.pgQueue = isPostgres(orm.em as EntityManager) && Boolean(orm.config.get('clientUrl'));
    this.loop = new PollLoop(
      async () => {
        await this.runPeriodic();
        if (!this.pgQueue) return this.runOnce();
        await this.requeueAbandoned();
        return false;
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
    await runDueSchedules(this.orm.em.fork() as EntityManager, this.schedules, this.now(), this.logger, force, this.instanceId);
  }

  start(): void {
    this.stopping = null;
    this.loop.start();
    if (this.pgQueue) {
      const runner = startQueueRunner(this.orm.config.get('clientUrl')!, this.logger, (id) => this.runDelivered(id), { pollMs: Math.max(this.pollMs, 2_000) });
      this.queueUp = false;
      runner.then(
        () => (this.queueUp = this.runner === runner),
        (error: unknown) => this.logger.error({ err: error }, 'job queue runner did not start'),
      );
      this.runner = runner;
    }
  }

  /**
   * PostgreSQL: rows whose worker died mid-way (running, lease run out) are handed to the queue
   * again; graphile-worker keeps a dead worker's own job locked for hours.
   */
  private async requeueAbandoned(): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    const abandoned = await em.find(Job, { status: JobStatus.RUNNING, leaseUntil: { $lt: new Date() } }, { filters: false, fields: ['id'], limit: 20 });
    for (const job of abandoned) await this.requeue(em, job.id);
  }

  private async requeue(em: EntityManager, jobId: string): Promise<void> {
    const { sql, params } = requeueStatement(jobId);
    await run(em, sql, params);
  }

  /** The PostgreSQL queue's task: claims the row it names and runs it (a row already done is skipped). */
  private async runDelivered(id: string): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    const outcome = await claimJob(em, id, this.instanceId, this.leaseMs, Object.keys(this.handlers));
    if (outcome === 'finished') return;
    // Thrown, so graphile-worker tries again later (with backoff) should the holder die.
    if (outcome === 'held') throw new JobHeldError(`job ${id} is held by another worker or of a kind this one does not run`);
    this.inHand = outcome.claim;
    try {
      const failure = await this.run(em, outcome.claim);
      // Not the last attempt: graphile-worker's backoff decides when the next one runs.
      if (failure && !failure.final) throw new Error(failure.reason);
    } finally {
      this.inHand = null;
    }
  }

  /** True while the worker polls and, on PostgreSQL, graphile-worker's runner is up (`/readyz`). */
  get running(): boolean {
    return this.loop.started && (!this.pgQueue || this.queueUp);
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
    const runner = this.runner;
    this.runner = null;
    this.queueUp = false;
    const stopped = Promise.all([this.loop.stop(), runner?.then((queue) => queue.stop(), () => undefined), this.idle()]).then(() => true);
    const finished = Number.isFinite(graceMs) ? await Promise.race([stopped, new Promise<false>((resolve) => setTimeout(resolve, graceMs, false).unref())]) : await stopped;
    const claim = this.inHand;
    if (finished || !claim) return;
    const released = await this.orm.em.fork().nativeUpdate(
      Job,
      { id: claim.id, lockedBy: claim.token, status: JobStatus.RUNNING },
      { status: JobStatus.QUEUED, attempts: claim.attempt - 1, lockedBy: null, leaseUntil: null, runAfter: null },
      { filters: false },
    );
    if (released !== 1) return;
    if (this.pgQueue) await this.requeue(this.orm.em.fork() as EntityManager, claim.id);
    this.logger.info({ job: claim.id, kind: claim.kind }, 'job given back to the queue at shutdown');
  }

  /** Settles once no job is in hand (graphile-worker's runner may stop before our work ends). */
  private async idle(): Promise<void> {
    while (this.inHand) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Claims and runs at most one job; true when it ran one. */
  async runOnce(): Promise<boolean> {
    const em = this.orm.em.fork() as EntityManager;
    const claim = await claimNextJob(em, this.instanceId, Object.keys(this.handlers), this.leaseMs);
    if (!claim) return false;
    this.inHand = claim;
    try {
      await this.run(em, claim);
      return true;
    } finally {
      this.inHand = null;
    }
  }

  /** Runs a claimed job; answers the failure when its attempt failed. */
  private async run(em: EntityManager, claim: ClaimedJob): Promise<{ reason: string; final: boolean } | null> {
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
        const reason = error instanceof Error ? error.message : String(error);
        await failJob(em, claim, reason, maxAttempts);
        return { reason, final: claim.attempt >= maxAttempts };
      }
    }
    return null;
  }
}
