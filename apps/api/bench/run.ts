import { benchUsersPage, printTable, type Row } from './users-page.js';

/** `pnpm bench`: every benchmark, on SQLite and PostgreSQL (SEATWISE_TEST_PG_URL or the local server). */
const pgAdminUrl = process.env.SEATWISE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rows: Row[] = [];
for (const driver of ['sqlite', 'postgresql'] as const) rows.push(...(await benchUsersPage(driver, pgAdminUrl)));
console.log(`\nUsers page, ${rows[0] ? '50,000 users' : ''}, 200 requests each (GraphQL over HTTP vs raw SQL in the same process)`);
printTable(rows);
