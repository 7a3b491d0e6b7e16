import type { IngestionRow } from './ingestion.js';
import type { SeatUsageRow } from './seat-usage.js';
import type { ImportRow } from './user-import.js';
import type { Row } from './users-page.js';
import type { UploadRow } from './upload.js';
import type { ProvisioningRow } from './provisioning.js';
import type { RequestCostRow } from './request-cost.js';
import type { CheckoutRow, HeartbeatRow } from './licences.js';
import type { WebhookRow } from './webhook-delivery.js';
import type { ReclaimRow } from './reclaim.js';
import type { ReportExportRow } from './report-export.js';

// graphql-js and Express take their production code paths only when NODE_ENV says so (otherwise
// graphql-js follows every failed type test with a slower cross-realm check), and a benchmark
// measures what production runs. It must be set before they load, so the benchmarks are imported
// after it. The app's own configuration is still the test one the harness passes.
process.env.NODE_ENV ??= 'production';
const { benchIngestion, printIngestion } = await import('./ingestion.js');
const { benchSeatUsage, printSeatUsage } = await import('./seat-usage.js');
const { benchUserImport, printImportTable } = await import('./user-import.js');
const { benchUsersPage, printTable } = await import('./users-page.js');
const { benchUpload, printUpload } = await import('./upload.js');
const { benchProvisioning, printProvisioning, provisioningCount } = await import('./provisioning.js');
const { benchRequestCost, printRequestCost } = await import('./request-cost.js');
const { benchCheckout, benchHeartbeats, printCheckout, printHeartbeats } = await import('./licences.js');
const { benchWebhookDelivery, printWebhookDelivery, WEBHOOK_RATE } = await import('./webhook-delivery.js');
const { benchReclaim, printReclaim } = await import('./reclaim.js');
const { benchReportExport, printReportExport } = await import('./report-export.js');

/**
 * `pnpm bench`: every benchmark, on SQLite and PostgreSQL (SEATWISE_TEST_PG_URL or the local server).
 * Pick some by name, as arguments or in SEATWISE_BENCH: `npm run bench -- user-import seat-usage`,
 * SEATWISE_BENCH=users,ingestion; SEATWISE_BENCH_DRIVERS=sqlite runs one database. `--quick` (or
 * SEATWISE_BENCH_QUICK=1) makes `provisioning` a 50-customer run. `checkout` runs on PostgreSQL only
 * (its target is PostgreSQL's).
 */
const all = ['request-cost', 'users', 'user-import', 'seat-usage', 'reclaim', 'report-export', 'ingestion', 'upload', 'provisioning', 'checkout', 'heartbeats', 'webhook-delivery'];
const pgAdminUrl = process.env.SEATWISE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const asked = names.length ? names : (process.env.SEATWISE_BENCH ?? all.join(',')).split(',');
const selected = new Set(asked.map((name) => (name.trim() === 'users-page' ? 'users' : name.trim())));
const unknown = [...selected].filter((name) => !all.includes(name));
if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}: choose from ${all.join(', ')}.`);
const drivers = (process.env.SEATWISE_BENCH_DRIVERS ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[];

if (selected.has('request-cost')) {
  const rows: RequestCostRow[] = [];
  for (const driver of drivers) rows.push(...(await benchRequestCost(driver, pgAdminUrl)));
  console.log('\nFixed cost of a request: POST /graphql over a kept-alive connection, the three requests in turns, 1,000 each, 3 repetitions');
  printRequestCost(rows);
}

if (selected.has('users')) {
  const rows: Row[] = [];
  for (const driver of drivers) rows.push(...(await benchUsersPage(driver, pgAdminUrl)));
  console.log(`\nUsers page, ${rows[0] ? '50,000 users' : ''}, 200 requests each (GraphQL over HTTP vs raw SQL in the same process)`);
  printTable(rows);
}

if (selected.has('user-import')) {
  const imports: ImportRow[] = [];
  for (const driver of drivers) imports.push(...(await benchUserImport(driver, pgAdminUrl)));
  console.log('\nCSV import of 10,000 users: preview + commit through GraphQL over HTTP, vs raw batched inserts of the same rows');
  printImportTable(imports);
}

if (selected.has('seat-usage')) {
  const rows: SeatUsageRow[] = [];
  for (const driver of drivers) rows.push(...(await benchSeatUsage(driver, pgAdminUrl)));
  console.log('\nSeat Usage, 10,000 users and 1,000,000 usage events, 40 requests each (GraphQL over HTTP vs the same statements as raw SQL, timed in turns)');
  printSeatUsage(rows);
}

if (selected.has('reclaim')) {
  const rows: ReclaimRow[] = [];
  for (const driver of drivers) rows.push(await benchReclaim(driver, pgAdminUrl));
  console.log('\nReclaim policy over the Seat Usage data (10,000 people, each active one holding a seat) and 1,000,000 usage events: the dry run (GraphQL over HTTP), the job\'s first run and its later runs');
  printReclaim(rows);
}

if (selected.has('report-export')) {
  const rows: ReportExportRow[] = [];
  for (const driver of drivers) rows.push(await benchReportExport(driver, pgAdminUrl));
  console.log('\nScheduled Seat Usage export, 10,000 seats to XLSX (streamed to disk by the job worker), memory sampled every 10 ms');
  printReportExport(rows);
}

if (selected.has('ingestion')) {
  const rows: IngestionRow[] = [];
  for (const driver of drivers) rows.push(await benchIngestion(driver, pgAdminUrl));
  console.log('\nUsage ingestion, POST /api/usage-events, 10 batches of 10,000 events (then resent: all duplicates)');
  printIngestion(rows);
}

if (selected.has('upload')) {
  const rows: UploadRow[] = [];
  for (const driver of drivers) rows.push(await benchUpload(driver, pgAdminUrl));
  console.log('\nCatalogue upload, PATCH /api/uploads/<id> of a 1 GiB file generated on the fly, over loopback (server in this process)');
  printUpload(rows);
}

if (selected.has('provisioning')) {
  const rows: ProvisioningRow[] = [];
  const customers = provisioningCount();
  for (const driver of drivers) rows.push(await benchProvisioning(driver, pgAdminUrl, customers));
  console.log(`\nProvisioning, ${customers.toLocaleString('en')} customers through GraphQL over HTTP with a vendor service token: createCustomer + createCustomerContract (one subscription), idempotency keys, 4 customers in flight`);
  printProvisioning(rows);
}

if (selected.has('checkout') && drivers.includes('postgresql')) {
  const rows: CheckoutRow[] = [await benchCheckout('postgresql', pgAdminUrl)];
  console.log('\nNamed-user checkout, POST /api/licences/checkout, 50 concurrent clients (one person and machine each) renewing their leases, vs the raw SQL of the same check on 50 connections, rounds in turns');
  printCheckout(rows);
}

if (selected.has('heartbeats')) {
  const rows: HeartbeatRow[] = [];
  for (const driver of drivers) rows.push(await benchHeartbeats(driver, pgAdminUrl));
  console.log('\nNetwork-licence heartbeats, POST /api/licences/network/heartbeat, 50 leases heartbeating back to back on one instance, 3 × 8 s');
  printHeartbeats(rows);
}

if (selected.has('webhook-delivery')) {
  const rows: WebhookRow[] = [];
  for (const driver of drivers) rows.push(await benchWebhookDelivery(driver, pgAdminUrl));
  console.log(`\nWebhook delivery, ${WEBHOOK_RATE} events/s for 20 s (one transaction each) to one endpoint on a local receiver, by the instance's own job worker`);
  printWebhookDelivery(rows);
}
