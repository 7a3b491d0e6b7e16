import { benchUserImport, printImportTable, type ImportRow } from './user-import.js';
import { benchUsersPage, printTable, type Row } from './users-page.js';

/** `pnpm bench`: every benchmark, on SQLite and PostgreSQL (SEATWISE_TEST_PG_URL or the local server). */
const pgAdminUrl = process.env.SEATWISE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv[2];

if (!only || only === 'users-page') {
  const rows: Row[] = [];
  for (const driver of ['sqlite', 'postgresql'] as const) rows.push(...(await benchUsersPage(driver, pgAdminUrl)));
  console.log(`\nUsers page, ${rows[0] ? '50,000 users' : ''}, 200 requests each (GraphQL over HTTP vs raw SQL in the same process)`);
  printTable(rows);
}

if (!only || only === 'user-import') {
  const imports: ImportRow[] = [];
  for (const driver of ['sqlite', 'postgresql'] as const) imports.push(...(await benchUserImport(driver, pgAdminUrl)));
  console.log('\nCSV import of 10,000 users: preview + commit through GraphQL over HTTP, vs raw batched inserts of the same rows');
  printImportTable(imports);
}
