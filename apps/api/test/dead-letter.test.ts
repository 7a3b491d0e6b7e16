import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/common/transaction.js';
import { publish } from '../src/modules/jobs/event-bus.js';
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
