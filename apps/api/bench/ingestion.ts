import { performance } from 'node:perf_hooks';
import { dataOf, startTestApp, TODAY, type Driver } from '../test/harness.js';
import { postEvents } from '../test/rest.js';

const BATCH = 10_000;
const BATCHES = 10;
const TARGET_PER_SECOND = 20_000;

export interface IngestionRow {
  driver: Driver;
  events: number;
  seconds: number;
  perSecond: number;
  resendSeconds: number;
}

/**
 * Ingestion over HTTP: 10 batches of 10,000 product sessions from 1,000 people (the demo seed with
 * its usage history), then the same batches again, which must change nothing.
 */
export async function benchIngestion(driver: Driver, pgAdminUrl: string): Promise<IngestionRow> {
  const app = await startTestApp(driver, { pgAdminUrl, seed: { users: 1000, usageDays: 30 } });
  try {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const emails = (await app.sql<{ email: string }>(
      "select u.email from memberships m join users u on u.id = m.user_id join accounts a on a.id = m.account_id where a.name = 'Kolektor Gradnje d.o.o.'",
    )).map((row) => row.email);
    const codes = ['DRF', 'STR', 'FRM', 'CIV'];
    const batches = Array.from({ length: BATCHES }, (_, batch) =>
      Array.from({ length: BATCH }, (_, index) => {
        const n = batch * BATCH + index;
        return {
          id: `bench-${n}`,
          type: 'PRODUCT_SESSION',
          occurredAt: new Date(TODAY.getTime() - (n % 60) * 86_400_000 - (n % 600) * 60_000).toISOString(),
          user: emails[n % emails.length],
          product: codes[n % codes.length],
          minutes: 5 + (n % 300),
        };
      }),
    );
    const send = async () => {
      const started = performance.now();
      let accepted = 0;
      for (const events of batches) {
        const response = await postEvents(app, client, events);
        if (response.status !== 200) throw new Error(`ingestion failed: ${response.status} ${await response.text()}`);
        accepted += ((await response.json()) as { accepted: number }).accepted;
      }
      return { accepted, seconds: (performance.now() - started) / 1000 };
    };
    const first = await send();
    const again = await send();
    if (first.accepted !== BATCH * BATCHES || again.accepted !== 0) {
      throw new Error(`expected ${BATCH * BATCHES} then 0 accepted, got ${first.accepted} and ${again.accepted}`);
    }
    return { driver, events: first.accepted, seconds: first.seconds, perSecond: first.accepted / first.seconds, resendSeconds: again.seconds };
  } finally {
    await app.close();
  }
}

export function printIngestion(rows: IngestionRow[]) {
  console.table(
    rows.map((row) => ({
      driver: row.driver,
      events: row.events.toLocaleString('en'),
      seconds: row.seconds.toFixed(2),
      'events/s': `${Math.round(row.perSecond).toLocaleString('en')}${row.driver === 'sqlite' ? ` (${row.perSecond >= TARGET_PER_SECOND ? 'ok' : 'MISSED'} ≥ ${TARGET_PER_SECOND.toLocaleString('en')})` : ''}`,
      'resend (all duplicates) s': row.resendSeconds.toFixed(2),
    })),
  );
}
