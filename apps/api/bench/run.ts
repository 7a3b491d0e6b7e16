import { benchIngestion, type IngestionRow, printIngestion } from './ingestion.js';
import { benchSeatUsage, printSeatUsage, type SeatUsageRow } from './seat-usage.js';
import { benchUsersPage, printTable, type Row } from './users-page.js';

/**
 * `pnpm bench`: every benchmark, on SQLite and PostgreSQL (SEATWISE_TEST_PG_URL or the local server).
 * SEATWISE_BENCH=users,seat-usage,ingestion picks some.
 */
const pgAdminUrl = process.env.SEATWISE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const selected = new Set((process.env.SEATWISE_BENCH ?? 'users,seat-usage,ingestion').split(',').map((name) => name.trim()));
const drivers = (process.env.SEATWISE_BENCH_DRIVERS ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[];

if (selected.has('users')) {
  const rows: Row[] = [];
  for (const driver of drivers) rows.push(...(await benchUsersPage(driver, pgAdminUrl)));
  console.log(`\nUsers page, ${rows[0] ? '50,000 users' : ''}, 200 requests each (GraphQL over HTTP vs raw SQL in the same process)`);
  printTable(rows);
}

if (selected.has('seat-usage')) {
  const rows: SeatUsageRow[] = [];
  for (const driver of drivers) rows.push(...(await benchSeatUsage(driver, pgAdminUrl)));
  console.log('\nSeat Usage, 10,000 users and 1,000,000 usage events, 20 requests each (GraphQL over HTTP vs the same statements as raw SQL)');
  printSeatUsage(rows);
}

if (selected.has('ingestion')) {
  const rows: IngestionRow[] = [];
  for (const driver of drivers) rows.push(await benchIngestion(driver, pgAdminUrl));
  console.log('\nUsage ingestion, POST /api/usage-events, 10 batches of 10,000 events (then resent: all duplicates)');
  printIngestion(rows);
}
