import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { FailedDelivery, FailedDeliveryConnection } from '@seatwise/schema';
import { entityConnection, type PageArgs } from '../../common/keyset.js';
import { run } from '../../common/sql.js';
import { isPostgres } from '../../db/database.js';
import { requeueStatement } from './pg-queue.js';
import { inTransaction } from '../../common/transaction.js';
import { msg, say } from '../../i18n/messages.js';
import { Account } from '../accounts/account.entity.js';
import { Job, JobStatus } from './job.entity.js';

/** Why a job failed when no attempt finished; kept in English, shown in the reader's language. */
const STOPPED_TOO_OFTEN = msg('The job stopped before finishing, too many times.');

/**
 * A failed job's `error` for a client: Seatwise's own reason in the request's language; what a
 * job's work threw (an internal failure) as it was recorded.
 */
export const jobErrorText = (error: string | null): string | null => (error === STOPPED_TOO_OFTEN.text ? say(STOPPED_TOO_OFTEN) : error);

/** A job this worker holds: `token` proves the claim in every later write. */
export interface ClaimedJob {
  id: string;
  kind: string;
  accountId: string;
  payload: Record<string, unknown>;
  attempt: number;
  token: string;
}

/** The worker's lease ran out and another worker took the job: its result must be thrown away. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lease on job ${jobId} was lost`);
  }
}

const untenanted = { filters: false } as const;

/** Queues a job in the caller's unit of work, so it is committed (or not) with the request that asked for it. */
export function enqueueJob(em: EntityManager, accountId: string, kind: string, payload: Record<string, unknown>): Job {
  return em.create(Job, { account: em.getReference(Account, accountId), kind, payload });
}

/**
 * Claims the oldest runnable job: queued, or running with a lease that ran out (its worker died).
 * The claim is a conditional update on the status, lease and attempt count the worker read, so when
 * several instances race for one job exactly one update matches and the others try the next job.
 */
export async function claimNextJob(
  em: EntityManager,
  workerId: string,
  kinds: string[],
  leaseMs: number,
  now = new Date(),
): Promise<ClaimedJob | null> {
  const candidates = await em.find(
    Job,
    {
      kind: { $in: kinds },
      $and: [
        { $or: [{ status: JobStatus.QUEUED }, { status: JobStatus.RUNNING, leaseUntil: { $lt: now } }] },
        { $or: [{ runAfter: null }, { runAfter: { $lte: now } }] },
      ],
    },
    { ...untenanted, orderBy: { createdAt: 'asc' }, limit: 10 },
  );
  for (const job of candidates) {
    const claim = await tryClaim(em, job, workerId, leaseMs, now);
    if (claim) return claim;
  }
  return null;
}

/**
 * Claims the job `id` if it is runnable (what the PostgreSQL queue delivers names one row):
 * `claimed`, or `finished` when there is nothing left to do (done, failed for good, gone), or
 * `held` when another worker's lease on it still runs or its kind is none of `kinds`.
 */
export async function claimJob(
  em: EntityManager,
  id: string,
  workerId: string,
  leaseMs: number,
  kinds: string[],
  now = new Date(),
): Promise<{ claim: ClaimedJob } | 'finished' | 'held'> {
  const job = await em.findOne(Job, { id }, { ...untenanted, disableIdentityMap: true });
  if (!job || job.status === JobStatus.SUCCEEDED || job.status === JobStatus.FAILED) return 'finished';
  // A kind this worker has no handler for (an instance of another release): left for one that has.
  if (!kinds.includes(job.kind)) return 'held';
  if (job.status === JobStatus.RUNNING && job.leaseUntil && job.leaseUntil.getTime() >= now.getTime()) return 'held';
  const claim = await tryClaim(em, job, workerId, leaseMs, now);
  if (claim) return { claim };
  // Lost a race (another worker claimed it, or it ran out of attempts just now): look again.
  const after = await em.findOne(Job, { id }, { ...untenanted, disableIdentityMap: true });
  return !after || after.status === JobStatus.SUCCEEDED || after.status === JobStatus.FAILED ? 'finished' : 'held';
}

/** The conditional claim of one job as read; a job out of attempts is failed for good instead. */
async function tryClaim(em: EntityManager, job: Job, workerId: string, leaseMs: number, now: Date): Promise<ClaimedJob | null> {
  if (job.attempts >= job.maxAttempts) {
    await em.nativeUpdate(
      Job,
      { id: job.id, status: job.status, attempts: job.attempts, lockedBy: job.lockedBy },
      { status: JobStatus.FAILED, error: job.error ?? STOPPED_TOO_OFTEN.text, finishedAt: now, lockedBy: null, leaseUntil: null },
      untenanted,
    );
    return null;
  }
  const token = `${workerId}:${randomBytes(6).toString('hex')}`;
  const claimed = await em.nativeUpdate(
    Job,
    { id: job.id, status: job.status, attempts: job.attempts, lockedBy: job.lockedBy },
    { status: JobStatus.RUNNING, lockedBy: token, leaseUntil: new Date(now.getTime() + leaseMs), attempts: job.attempts + 1 },
    untenanted,
  );
  return claimed === 1 ? { id: job.id, kind: job.kind, accountId: job.account.id, payload: job.payload, attempt: job.attempts + 1, token } : null;
}

/** Reports progress and extends the lease; throws `LeaseLostError` when another worker has taken the job. */
export async function heartbeat(em: EntityManager, claim: ClaimedJob, progress: number, leaseMs: number): Promise<void> {
  const updated = await em.nativeUpdate(
    Job,
    { id: claim.id, lockedBy: claim.token, status: JobStatus.RUNNING },
    { progress: Math.max(0, Math.min(99, Math.round(progress))), leaseUntil: new Date(Date.now() + leaseMs) },
    untenanted,
  );
  if (updated !== 1) throw new LeaseLostError(claim.id);
}

/**
 * Marks the job done and applies its result in one transaction, only if this worker still holds
 * it: a job finishes once even when a worker that was presumed dead comes back.
 */
export async function completeJob(
  em: EntityManager,
  claim: ClaimedJob,
  apply: (tx: EntityManager) => Promise<void>,
): Promise<void> {
  await inTransaction({ em }, async (tx) => {
    const updated = await tx.em.nativeUpdate(
      Job,
      { id: claim.id, lockedBy: claim.token, status: JobStatus.RUNNING },
      { status: JobStatus.SUCCEEDED, progress: 100, finishedAt: new Date(), lockedBy: null, leaseUntil: null, error: null },
      untenanted,
    );
    if (updated !== 1) throw new LeaseLostError(claim.id);
    await apply(tx.em);
  });
}

/** The wait before the second attempt of a failed job; it doubles after each further one. */
export const JOB_BACKOFF_MS = 10_000;

/**
 * A failed attempt: queued again while attempts remain, after a doubling backoff (10 s, 20 s, …),
 * else failed for good with the reason (the dead letter operators see).
 */
export async function failJob(em: EntityManager, claim: ClaimedJob, reason: string, maxAttempts: number, now = new Date()): Promise<void> {
  const final = claim.attempt >= maxAttempts;
  const runAfter = new Date(now.getTime() + JOB_BACKOFF_MS * 2 ** (claim.attempt - 1));
  await em.nativeUpdate(
    Job,
    { id: claim.id, lockedBy: claim.token },
    final
      ? { status: JobStatus.FAILED, error: reason.slice(0, 500), finishedAt: new Date(), lockedBy: null, leaseUntil: null }
      : { status: JobStatus.QUEUED, error: reason.slice(0, 500), lockedBy: null, leaseUntil: null, runAfter },
    untenanted,
  );
}

const toFailedJob = (job: Job): FailedDelivery => ({
  id: job.id,
  event: job.kind,
  subscriber: 'jobs',
  accountId: job.account.id,
  attempts: job.attempts,
  error: jobErrorText(job.error),
  createdAt: job.createdAt,
  failedAt: job.finishedAt ?? job.createdAt,
});

/**
 * The jobs' dead letter: jobs failed for good after their last attempt, the most recently given up
 * first, on both drivers (on PostgreSQL graphile-worker carried them; our row keeps the outcome).
 */
export function failedJobs(em: EntityManager, args: PageArgs): Promise<FailedDeliveryConnection> {
  const order = { path: ['finishedAt'], direction: 'desc', date: true } as const;
  return entityConnection(em, Job, { status: JobStatus.FAILED }, order, args, (rows) => rows.map(toFailedJob), untenanted);
}

/** One failed job, or null (not kept in the unit of work, as `findFailedDelivery`). */
export async function findFailedJob(em: EntityManager, id: string): Promise<FailedDelivery | null> {
  const job = await em.findOne(Job, { id, status: JobStatus.FAILED }, { ...untenanted, disableIdentityMap: true });
  return job ? toFailedJob(job) : null;
}

/**
 * Queues a job that failed for good again, from a fresh attempt count, in the caller's transaction;
 * on PostgreSQL it is handed to graphile-worker in the same transaction. False when no such failed job exists.
 */
export async function retryFailedJob(em: EntityManager, id: string): Promise<boolean> {
  const updated = await em.nativeUpdate(
    Job,
    { id, status: JobStatus.FAILED },
    { status: JobStatus.QUEUED, attempts: 0, progress: 0, runAfter: null, finishedAt: null, lockedBy: null, leaseUntil: null },
    untenanted,
  );
  if (updated !== 1) return false;
  if (isPostgres(em)) {
    const { sql, params } = requeueStatement(id);
    await run(em, sql, params);
  }
  return true;
}
