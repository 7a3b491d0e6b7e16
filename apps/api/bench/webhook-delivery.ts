import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/knex';
import { WebhookEventType } from '@seatwise/schema';
import { inTransaction } from '../src/common/transaction.js';
import { publishWebhookEvent } from '../src/modules/webhooks/webhook-events.js';
import { dataOf, startTestApp, type Driver } from '../test/harness.js';
import { percentile } from './timing.js';

export const WEBHOOK_RATE = 100;
const SECONDS = 20;
/** Keeping up: every event delivered, and none later than this after the change that made it. */
const MAX_LAG_MS = 2_000;

export interface WebhookRow {
  driver: Driver;
  events: number;
  delivered: number;
  /** Events published per second, as achieved. */
  offered: number;
  /** Deliveries received per second from the first publish to the last receipt. */
  perSecond: number;
  lagP50: number;
  lagP95: number;
  lagMax: number;
}

/**
 * Webhook delivery keeping up: 100 events a second for 20 s, each published in its own transaction
 * as a change publishes it (the outbox), to one account endpoint on a local receiver that answers
 * 200 at once. The instance's own job worker fans them out and sends them, as in production. The
 * lag is from the commit of the event to its arrival at the receiver.
 */
export async function benchWebhookDelivery(driver: Driver, pgAdminUrl: string): Promise<WebhookRow> {
  const arrived = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { benchId: string } };
      arrived.set(data.benchId, performance.now());
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const app = await startTestApp(driver, { pgAdminUrl, env: { SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '1' } });
  try {
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    // Whatever the seed published is delivered before the endpoint exists.
    await app.deliverEvents();
    dataOf(
      await admin.graphql('mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', {
        input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, description: 'Benchmark', events: ['SEAT_ASSIGNED'] },
      }),
    );
    const [account] = await app.sql<{ id: string }>("select id from accounts where name = 'Kolektor Gradnje d.o.o.'");
    const committed = new Map<string, number>();
    const total = WEBHOOK_RATE * SECONDS;
    const started = performance.now();
    for (let index = 0; index < total; index += 1) {
      // On schedule: event i at i/rate seconds, however long the previous one took.
      const due = started + (index * 1000) / WEBHOOK_RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const benchId = `bench-${index}`;
      await inTransaction({ em: app.em() as EntityManager, events: app.seatwise.events }, async (tx) => {
        publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, account!.id, { benchId, userId: crypto.randomUUID(), subscriptionId: crypto.randomUUID() });
        await tx.em.flush();
      });
      committed.set(benchId, performance.now());
    }
    const offered = total / ((performance.now() - started) / 1000);
    // Let the worker finish: at most the lag allowed, then count what came.
    const deadline = performance.now() + MAX_LAG_MS * 5;
    while (arrived.size < total && performance.now() < deadline) await sleep(20);
    const lags = [...committed].filter(([id]) => arrived.has(id)).map(([id, at]) => arrived.get(id)! - at);
    const last = Math.max(...arrived.values());
    return {
      driver,
      events: total,
      delivered: arrived.size,
      offered,
      perSecond: arrived.size / ((last - started) / 1000),
      lagP50: percentile(lags, 50),
      lagP95: percentile(lags, 95),
      lagMax: Math.max(...lags),
    };
  } finally {
    await app.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

export function printWebhookDelivery(rows: WebhookRow[]) {
  console.table(
    rows.map((row) => {
      const keptUp = row.delivered === row.events && row.lagMax <= MAX_LAG_MS;
      return {
        driver: row.driver,
        events: row.events.toLocaleString('en'),
        delivered: row.delivered.toLocaleString('en'),
        'published/s': Math.round(row.offered),
        'delivered/s': Math.round(row.perSecond),
        'lag p50 ms': Math.round(row.lagP50),
        'lag p95 ms': Math.round(row.lagP95),
        'lag max ms': `${Math.round(row.lagMax)}`,
        'keeps up': `${keptUp ? 'ok' : 'MISSED'} (all delivered, none later than ${MAX_LAG_MS.toLocaleString('en')} ms)`,
      };
    }),
  );
}
