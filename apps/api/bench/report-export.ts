import { performance } from 'node:perf_hooks';
import { createClient, dataOf, startTestApp, TODAY, type Driver } from '../test/harness.js';
import { seedUsage } from './bench-data.js';

const USERS = 11_300;
const EVENTS = 200_000;
const TARGETS = { seconds: 5, memoryMb: 100 };

export interface ReportExportRow {
  driver: Driver;
  rows: number;
  bytes: number;
  seconds: number;
  readSeconds: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
}

const CREATE = `mutation ($input: ReportExportInput!) { createReportExport(input: $input) { id } }`;
const RUN_NOW = `mutation ($id: UUID!) { runReportExportNow(id: $id) { id } }`;
const BY_USER = `query ($range: DateRangeInput!, $first: Int, $offset: Int) { seatUsageByUser(range: $range, first: $first, offset: $offset) {
  totalCount rows { user { name email } subscription { name } assignedOn lastUsedOn daysUsed minutes idleDays } } }`;

/**
 * A scheduled Seat Usage by user export of 10,000 seats to XLSX, as the job worker runs it: the
 * report read page by page from the same service as GraphQL and streamed row by row into the
 * workbook on disk. Memory is sampled every 10 ms while it runs; the baseline, in the same process,
 * is reading the same rows through GraphQL without writing any file.
 */
export async function benchReportExport(driver: Driver, pgAdminUrl: string): Promise<ReportExportRow> {
  const app = await startTestApp(driver, { pgAdminUrl, seed: { users: USERS, usageDays: 0 }, env: { SEATWISE_JOB_WORKER: '0' } });
  try {
    const seeded = await seedUsage(app, TODAY, EVENTS);
    const client = createClient(app.url);
    dataOf(await client.signIn('admin@example.com'));
    const [admin] = await app.sql<{ id: string }>("select id from users where email = 'admin@example.com'");
    const range = { from: '2026-10-26', to: '2026-11-24' };
    const readStarted = performance.now();
    let total = 0;
    for (let offset = 0; ; offset += 500) {
      const page = dataOf(await client.graphql<{ seatUsageByUser: { totalCount: number; rows: unknown[] } }>(BY_USER, { range, first: 500, offset })).seatUsageByUser;
      total += page.rows.length;
      if (total >= page.totalCount || !page.rows.length) break;
    }
    const readSeconds = (performance.now() - readStarted) / 1000;
    const saved = dataOf(
      await client.graphql<{ createReportExport: { id: string } }>(CREATE, {
        input: { name: 'Bench', kind: 'SEAT_USAGE_BY_USER', format: 'XLSX', frequency: 'DAILY', hour: 6, rangeKind: 'ROLLING_DAYS', rangeDays: 30, recipientIds: [admin!.id] },
      }),
    ).createReportExport;
    dataOf(await client.graphql(RUN_NOW, { id: saved.id }));
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let heapPeak = heapBefore;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      heapPeak = Math.max(heapPeak, usage.heapUsed);
      rssPeak = Math.max(rssPeak, usage.rss);
    }, 10);
    const started = performance.now();
    const ran = await app.seatwise.worker.runOnce();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const [run] = await app.sql<{ status: string; row_count: number | string; size_bytes: number | string; error: string | null }>('select status, row_count, size_bytes, error from report_export_runs where export_id = ?', [saved.id]);
    if (!ran || run?.status !== 'SUCCEEDED') throw new Error(`the export did not run: ${run?.status} ${run?.error}`);
    const row = {
      driver,
      rows: Number(run.row_count),
      bytes: Number(run.size_bytes),
      seconds,
      readSeconds,
      heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20,
      rssGrowthMb: (rssPeak - rssBefore) / 2 ** 20,
    };
    console.log(`  ${driver}: ${seeded.users} seats; ${row.rows} rows, ${(row.bytes / 2 ** 20).toFixed(2)} MiB XLSX in ${row.seconds.toFixed(2)} s (reading them over GraphQL alone ${row.readSeconds.toFixed(2)} s); heap +${row.heapGrowthMb.toFixed(1)} MB, RSS +${row.rssGrowthMb.toFixed(1)} MB`);
    return row;
  } finally {
    await app.close();
  }
}

export function printReportExport(rows: ReportExportRow[]) {
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.table(
    rows.map((row) => ({
      driver: row.driver,
      rows: row.rows,
      'file MiB': (row.bytes / 2 ** 20).toFixed(2),
      seconds: `${row.seconds.toFixed(2)} (${mark(row.seconds <= TARGETS.seconds)} ≤ ${TARGETS.seconds})`,
      'read only s': row.readSeconds.toFixed(2),
      'ratio to read': (row.seconds / row.readSeconds).toFixed(2),
      'peak heap growth MB': `${row.heapGrowthMb.toFixed(1)} (${mark(row.heapGrowthMb <= TARGETS.memoryMb)} ≤ ${TARGETS.memoryMb})`,
      'peak RSS growth MB': row.rssGrowthMb.toFixed(1),
    })),
  );
}
