import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/common/transaction.js';
import { Account } from '../src/modules/accounts/account.entity.js';
import { publish } from '../src/modules/jobs/event-bus.js';
import { Job } from '../src/modules/jobs/job.entity.js';
import { JobWorker } from '../src/modules/jobs/job-worker.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';

declare module '../src/modules/jobs/event-bus.js' {
  interface EventMap {
    'test.dead-letter': { label: string };
  }
}

const FAILED = `query ($first: Int, $after: String) {
  failedDeliveries(first: $first, after: $after) { totalCount edges { cursor node { id event subscriber attempts error failedAt } } pageInfo { hasNextPage endCursor } }
}`;
const RETRY = 'mutation ($id: UUID!) { retryFailedDelivery(id: $id) }';

interface FailedPage {
  failedDeliveries: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; event: string; subscriber: string; attempts: number; error: string; failedAt: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe.each(drivers)('the dead letter of deliveries, for operators (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  /** Labels the relay refuses; taken out to let it accept. */
  const refused = new Set<string>();
  const delivered: string[] = [];

  beforeAll(async () => {
    app = await startTestApp(driver);
    app.seatwise.events.subscribe('test.dead-letter', 'relay', async ({ label }, { attempt }) => {
      if (refused.has(label)) throw new Error(`relay refused ${label} (attempt ${attempt})`);
      delivered.push(label);
    });
    operator = await signInDemoOperator(app);
  });
  afterAll(() => app?.close());

  /** Runs every attempt the bus has left, the clock moved past each backoff. */
  const exhaust = async () => {
    let clock = Date.now();
    for (let round = 0; round < 6; round += 1) {
      clock += 10 * 60_000 * 2 ** round;
      await app.seatwise.events.drain(new Date(clock));
    }
  };

  it('lists deliveries given up after their last attempt with the error, pages them, and queues one again for good', async () => {
    for (const label of ['first', 'second', 'third']) refused.add(label);
    await inTransaction({ em: app.em(), events: app.seatwise.events }, async (tx) => {
      for (const label of ['first', 'second', 'third']) publish(tx, 'test.dead-letter', { label });
    });
    await exhaust();
    expect(delivered).toEqual([]);

    const page = dataOf(await operator.graphql<FailedPage>(FAILED, { first: 2 })).failedDeliveries;
    expect(page.totalCount).toBe(3);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await operator.graphql<FailedPage>(FAILED, { first: 2, after: page.pageInfo.endCursor })).failedDeliveries;
    const all = [...page.edges, ...rest.edges].map((edge) => edge.node);
    expect(all).toHaveLength(3);
    for (const node of all) {
      expect(node).toMatchObject({ event: 'test.dead-letter', subscriber: 'relay', attempts: 5, error: expect.stringMatching(/^relay refused \w+ \(attempt 5\)$/) });
    }

    // The relay is back for "second": an operator queues it again and it is delivered once.
    refused.delete('second');
    const second = all.find((node) => node.error.includes('second'))!;
    expect(dataOf(await operator.graphql<{ retryFailedDelivery: boolean }>(RETRY, { id: second.id })).retryFailedDelivery).toBe(true);
    await app.deliverEvents();
    expect(delivered).toEqual(['second']);
    const after = dataOf(await operator.graphql<FailedPage>(FAILED, {})).failedDeliveries;
    expect(after.totalCount).toBe(2);
    expect(after.edges.map((edge) => edge.node.id)).not.toContain(second.id);
    const [audit] = await app.sql<{ action: string; summary: string }>(`select action, summary from vendor_audit_entries where action = 'delivery.retry'`);
    expect(audit).toMatchObject({ summary: 'Queued the failed delivery of test.dead-letter (relay) again' });

    // It is no longer failed: a second retry says so and changes nothing.
    const again = errorOf(await operator.graphql(RETRY, { id: second.id }));
    expect(again).toMatchObject({ message: 'No failed delivery with this id: it was queued again already, or cleaned up.', extensions: { code: 'NOT_FOUND' } });

    // Still refused, a retried delivery goes through its attempts again and lands back in the list.
    const first = all.find((node) => node.error.includes('first'))!;
    dataOf(await operator.graphql(RETRY, { id: first.id }));
    await exhaust();
    const back = dataOf(await operator.graphql<FailedPage>(FAILED, {})).failedDeliveries;
    expect(back.totalCount).toBe(2);
    expect(back.edges[0]!.node).toMatchObject({ id: first.id, attempts: 5 });
    expect(delivered).toEqual(['second']);
  });

  it('is for operators only', async () => {
    const customer = app.client();
    dataOf(await customer.signIn('admin@example.com'));
    expect(errorOf(await customer.graphql(FAILED, {})).extensions).toMatchObject({ code: 'VENDOR_STAFF_ONLY' });
    expect(errorOf(await app.client().graphql(FAILED, {})).extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});

const FAILED_JOBS = `query { failedJobs(first: 10) { totalCount edges { node { id event subscriber accountId attempts error } } } }`;
const RETRY_JOB = 'mutation ($id: UUID!) { retryFailedJob(id: $id) }';

describe.each(drivers)('the dead letter of jobs, for operators (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

  beforeAll(async () => {
    app = await startTestApp(driver);
    operator = await signInDemoOperator(app);
  });
  afterAll(() => app?.close());

  it('lists a job failed after its last attempt and queues it again, on PostgreSQL through graphile-worker too', async () => {
    const [account] = await app.sql<{ id: string }>('select id from accounts order by id limit 1');
    const em = app.em();
    const job = em.create(Job, { account: em.getReference(Account, account!.id), kind: 'test.failing', payload: {}, maxAttempts: 1 });
    await em.flush();
    let failing = true;
    const worker = new JobWorker(app.orm, silent, {
      'test.failing': async () => {
        if (failing) throw new Error('the printer is on fire');
        return async () => {};
      },
    });
    expect(await worker.runOnce()).toBe(true);

    type Page = { failedJobs: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
    const page = dataOf(await operator.graphql<Page>(FAILED_JOBS)).failedJobs;
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node).toEqual({ id: job.id, event: 'test.failing', subscriber: 'jobs', accountId: account!.id, attempts: 1, error: 'the printer is on fire' });

    failing = false;
    expect(dataOf(await operator.graphql<{ retryFailedJob: boolean }>(RETRY_JOB, { id: job.id })).retryFailedJob).toBe(true);
    const [row] = await app.sql<{ status: string; attempts: number | string }>('select status, attempts from jobs where id = ?', [job.id]);
    expect(row).toMatchObject({ status: 'QUEUED' });
    expect(Number(row!.attempts)).toBe(0);
    if (driver === 'postgresql') {
      // Handed to graphile-worker again in the retry's transaction (the app's own worker may hold it
      // already: it leaves a kind it has no handler for to a worker that has one).
      expect(await app.sql('select key from graphile_worker.jobs where key = ?', [job.id])).toHaveLength(1);
    }
    expect(await worker.runOnce()).toBe(true);
    expect((await app.sql<{ status: string }>('select status from jobs where id = ?', [job.id]))[0]!.status).toBe('SUCCEEDED');
    expect(dataOf(await operator.graphql<Page>(FAILED_JOBS)).failedJobs.totalCount).toBe(0);
    expect(errorOf(await operator.graphql(RETRY_JOB, { id: job.id })).extensions?.code).toBe('NOT_FOUND');
    const [audit] = await app.sql<{ summary: string }>(`select summary from vendor_audit_entries where action = 'job.retry'`);
    expect(audit!.summary).toBe('Queued the failed job test.failing again');
  });
});
