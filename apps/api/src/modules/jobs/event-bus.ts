import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { FailedDelivery, FailedDeliveryConnection } from '@seatwise/schema';
import { entityConnection, type PageArgs } from '../../common/keyset.js';
import { afterCommit } from '../../common/transaction.js';
import type { Logger } from '../../logger.js';
import { EventDelivery } from './event-delivery.entity.js';
import { PollLoop } from './poll-loop.js';
import { JobStatus } from './job.entity.js';

/**
 * Every event and what it carries (JSON only: it is stored). Each module adds its own with
 * `declare module '../jobs/event-bus.js' { interface EventMap { 'users.invited': … } }` beside the
 * code that publishes it, so the bus imports no module and the type checker holds publishers and
 * subscribers to the same payload.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventMap {}

export type EventName = keyof EventMap & string;

export interface DeliveryTools {
  /** A fresh fork without the tenant filter; the subscriber scopes its queries itself. */
  em: EntityManager;
  /** 1 on the first try. */
  attempt: number;
  /** Whether this is the last try: a throw leaves the row FAILED (the dead letter). */
  final: boolean;
  /** The moment the delivery runs at (a test's `drain(now)` moves it). */
  now: Date;
  log: Logger;
}

/** How a subscriber is retried, when the bus's default (`maxAttempts`, doubling `backoffMs`) does not fit. */
export interface SubscribeOptions {
  /** The wait after each failed attempt, in order; there are `retryDelaysMs.length + 1` attempts. */
  retryDelaysMs?: readonly number[];
}

export type EventHandler<N extends EventName> = (payload: EventMap[N], tools: DeliveryTools) => Promise<void>;

export interface EventBusOptions {
  pollMs?: number;
  leaseMs?: number;
  /** The wait after the first failed attempt; it doubles after each further one. */
  backoffMs?: number;
  maxAttempts?: number;
  instanceId?: string;
}

/** What a context needs to publish: its transaction's entity manager and the app's bus. */
export interface Publishing {
  em: EntityManager;
  events: EventBus;
}

const NO_PAYLOAD = {};

/**
 * The after-commit event bus. `publish(tx, …)` writes one outbox row per subscriber in the caller's
 * transaction, so an event is delivered if and only if its change committed, even when the process
 * dies right after the commit. Each instance's worker loop claims rows with a conditional update
 * (exactly one instance wins a row), runs the subscriber, and marks it done; a failed attempt is
 * retried after a doubling backoff and, after `maxAttempts`, left FAILED with its error and payload:
 * the dead letter, which an operator sees in the Vendor console and can queue again (`retryFailedDelivery`).
 * Subscribers register at start-up from their own module (`app.ts`); emitting modules import only
 * this file. Delivery is at least once: a worker that dies after sending but before marking the row
 * done lets another send again when the lease runs out.
 */
export class EventBus {
  readonly instanceId: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoffMs: number;
  private readonly maxAttempts: number;
  private readonly subscribers = new Map<string, Map<string, EventHandler<EventName>>>();
  private readonly retryDelays = new Map<string, readonly number[]>();
  private readonly loop: PollLoop;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    options: EventBusOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.loop = new PollLoop(() => this.runOnce(), this.pollMs, logger, 'event delivery poll failed');
  }

  /** Registers `handler` as `subscriber` of `event`; at start-up, before the first request. */
  subscribe<N extends EventName>(event: N, subscriber: string, handler: EventHandler<N>, options: SubscribeOptions = {}): void {
    const forEvent = this.subscribers.get(event) ?? new Map<string, EventHandler<EventName>>();
    if (forEvent.has(subscriber)) throw new Error(`${subscriber} already subscribes to ${event}`);
    forEvent.set(subscriber, handler as unknown as EventHandler<EventName>);
    this.subscribers.set(event, forEvent);
    if (options.retryDelaysMs) this.retryDelays.set(`${event}\u0000${subscriber}`, options.retryDelaysMs);
  }

  /** The waits between a subscriber's attempts, when it set its own. */
  private delaysOf(event: string, subscriber: string): readonly number[] | undefined {
    return this.retryDelays.get(`${event}\u0000${subscriber}`);
  }

  /** Writes the event's deliveries into `em`'s unit of work (flushed with the caller's change). */
  record<N extends EventName>(em: EntityManager, event: N, payload: EventMap[N], accountId: string | null): void {
    for (const subscriber of this.subscribers.get(event)?.keys() ?? []) {
      const delays = this.delaysOf(event, subscriber);
      const maxAttempts = delays ? delays.length + 1 : this.maxAttempts;
      em.create(EventDelivery, { event, subscriber, accountId, payload: payload as Record<string, unknown>, maxAttempts });
    }
  }

  /** Polls now rather than at the next tick of the loop (after a commit that published). */
  wake(): void {
    this.loop.wake();
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** True while the delivery loop polls (`/readyz`). */
  get running(): boolean {
    return this.loop.started;
  }

  /**
   * Delivers everything due at `now` (a later moment passes the backoff of failed attempts),
   * waiting for a delivery this instance's loop has in hand (tests).
   */
  async drain(now?: Date): Promise<number> {
    let delivered = 0;
    for (;;) {
      await this.loop.current;
      while (await this.runOnce(now ?? new Date())) delivered += 1;
      // The loop may have claimed a row meanwhile: wait for it, then look again.
      if (!this.loop.busy) return delivered;
    }
  }

  /** Claims and delivers at most one due row; true when it took one. */
  async runOnce(now = new Date()): Promise<boolean> {
    // A clock moved ahead (tests) also moves the backoff it sets.
    const skew = Math.max(0, now.getTime() - Date.now());
    const em = this.orm.em.fork() as EntityManager;
    const claim = await this.claim(em, now);
    if (!claim) return false;
    const handler = this.subscribers.get(claim.event)?.get(claim.subscriber);
    const log = this.logger.child({ delivery: claim.id, event: claim.event, subscriber: claim.subscriber, attempt: claim.attempts });
    try {
      if (!handler) throw new Error(`no subscriber ${claim.subscriber} of ${claim.event} on this instance`);
      const final = claim.attempts >= claim.maxAttempts;
      await handler(claim.payload as EventMap[EventName], { em: this.orm.em.fork() as EntityManager, attempt: claim.attempts, final, now, log });
      await em.nativeUpdate(
        EventDelivery,
        { id: claim.id, lockedBy: claim.lockedBy },
        { status: JobStatus.SUCCEEDED, payload: NO_PAYLOAD, finishedAt: new Date(), lockedBy: null, leaseUntil: null, error: null },
      );
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = claim.attempts >= claim.maxAttempts;
      log.error({ err: error, final }, final ? 'event delivery failed for good' : 'event delivery failed; retried later');
      await em.nativeUpdate(
        EventDelivery,
        { id: claim.id, lockedBy: claim.lockedBy },
        final
          ? { status: JobStatus.FAILED, error: reason, finishedAt: new Date(), lockedBy: null, leaseUntil: null }
          : {
              status: JobStatus.QUEUED,
              error: reason,
              runAfter: new Date(Date.now() + skew + (this.delaysOf(claim.event, claim.subscriber)?.[claim.attempts - 1] ?? this.backoffMs * 2 ** (claim.attempts - 1))),
              lockedBy: null,
              leaseUntil: null,
            },
      );
    }
    return true;
  }

  /**
   * The oldest due row: queued and past its backoff, or running with a lease that ran out. The
   * claim updates it only if it is still as read, so of several racing instances one wins.
   */
  private async claim(em: EntityManager, now: Date): Promise<EventDelivery | null> {
    const candidates = await em.find(
      EventDelivery,
      { $or: [{ status: JobStatus.QUEUED, runAfter: { $lte: now } }, { status: JobStatus.RUNNING, leaseUntil: { $lt: now } }] },
      { orderBy: { createdAt: 'asc' }, limit: 10 },
    );
    for (const row of candidates) {
      const asRead = { id: row.id, status: row.status, attempts: row.attempts, lockedBy: row.lockedBy };
      if (row.attempts >= row.maxAttempts) {
        await em.nativeUpdate(EventDelivery, asRead, {
          status: JobStatus.FAILED,
          error: row.error ?? 'stopped before finishing, too many times',
          finishedAt: now,
          lockedBy: null,
          leaseUntil: null,
        });
        continue;
      }
      const token = `${this.instanceId}:${randomBytes(6).toString('hex')}`;
      const claimed = await em.nativeUpdate(EventDelivery, asRead, {
        status: JobStatus.RUNNING,
        lockedBy: token,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        attempts: row.attempts + 1,
      });
      if (claimed === 1) return Object.assign(row, { lockedBy: token, attempts: row.attempts + 1 });
    }
    return null;
  }
}

/**
 * Publishes `event` inside the caller's transaction (`tx` from `inTransaction`): its deliveries
 * commit or roll back with the change, and the bus is woken once the transaction commits.
 * Outside a transaction the rows join the caller's next `flush()`; call `events.wake()` after it.
 */
export function publish<N extends EventName>(tx: Publishing, event: N, payload: EventMap[N], accountId: string | null = null): void {
  tx.events.record(tx.em, event, payload, accountId);
  afterCommit(tx, () => tx.events.wake());
}

/**
 * Queues a delivery that failed for good again, from a fresh attempt count; returns false when no
 * such failed row exists (already retried, or cleaned up). The caller wakes the bus after commit.
 */
export async function retryFailedDelivery(em: EntityManager, id: string): Promise<boolean> {
  const updated = await em.nativeUpdate(
    EventDelivery,
    { id, status: JobStatus.FAILED },
    { status: JobStatus.QUEUED, attempts: 0, runAfter: new Date(), finishedAt: null, lockedBy: null, leaseUntil: null },
  );
  return updated === 1;
}

const toFailedDelivery = (row: EventDelivery): FailedDelivery => ({
  id: row.id,
  event: row.event,
  subscriber: row.subscriber,
  accountId: row.accountId,
  attempts: row.attempts,
  error: row.error,
  createdAt: row.createdAt,
  failedAt: row.finishedAt ?? row.createdAt,
});

/** The dead letter: deliveries given up after their last attempt, the most recently given up first. */
export function failedDeliveries(em: EntityManager, args: PageArgs): Promise<FailedDeliveryConnection> {
  const order = { path: ['finishedAt'], direction: 'desc', date: true } as const;
  return entityConnection(em, EventDelivery, { status: JobStatus.FAILED }, order, args, (rows) => rows.map(toFailedDelivery));
}

/** One delivery of the dead letter, or null when there is no failed one with this id. */
export async function findFailedDelivery(em: EntityManager, id: string): Promise<FailedDelivery | null> {
  // Not kept in the unit of work: a flush after `retryFailedDelivery` must not write the row back as read.
  const row = await em.findOne(EventDelivery, { id, status: JobStatus.FAILED }, { disableIdentityMap: true });
  return row ? toFailedDelivery(row) : null;
}
