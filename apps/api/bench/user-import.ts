import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { dataOf, startTestApp, type Driver, type TestApp } from '../test/harness.js';
import { accountId, addSubscription } from '../test/fixtures/accounts.js';

const ROWS = 10_000;
const TARGETS = { ms: 2000, mb: 200 };

const IMPORT = `mutation Import($input: UserImportInput!) { PREVIEW: previewUserImport(input: $input) { created errors } }`;
const COMMIT = `mutation Import($input: UserImportInput!) { importUsers(input: $input) { created updated unchanged errors } }`;

export interface ImportRow {
  driver: Driver;
  run: string;
  previewMs: number;
  commitMs: number;
  baselineMs: number;
  peakMb: number;
  created: number;
  unchanged: number;
}

/** 10,000 people: half with a seat of a big subscription, every tenth in a team, some secondary admins. */
function file(): string {
  const teams = ['Arhitektura', 'Gradbeništvo', 'Strojništvo', 'Uprava'];
  const lines = ['email;first name;last name;role;team;products'];
  for (let index = 0; index < ROWS; index += 1) {
    lines.push(
      `bench.person${index}@import.example;Ime${index};"Priimek; ${index}";${index % 50 === 0 ? 'Secondary admin' : 'User'};${index % 10 === 0 ? teams[index % 4] : ''};${index % 2 === 0 ? 'Bench Collection' : ''}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Peak resident memory above the level when sampling started, sampled every 5 ms. */
function memoryWatch() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return () => {
    clearInterval(timer);
    return (Math.max(peak, process.memoryUsage().rss) - start) / 1024 / 1024;
  };
}

/** The floor: the same number of users, memberships and invitations inserted raw in one transaction. */
async function baseline(app: TestApp, account: string): Promise<number> {
  const knex = (app.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const started = performance.now();
  const now = app.driver === 'sqlite' ? Date.now() : new Date();
  await knex.transaction(async (trx: Knex.Transaction) => {
    const users = Array.from({ length: ROWS }, (_, index) => ({
      id: randomUUID(), created_at: now, updated_at: now, email: `baseline${index}@import.example`, first_name: 'B', last_name: `${index}`, sort_name: `b ${index}`, language: 'EN',
    }));
    for (let start = 0; start < ROWS; start += 400) await trx('users').insert(users.slice(start, start + 400));
    const members = users.map((user) => ({ id: randomUUID(), created_at: now, account_id: account, user_id: user.id, role: 'USER', status: 'INVITED', version: 1,
      email: user.email, first_name: user.first_name, last_name: user.last_name, sort_name: user.sort_name,
    }));
    for (let start = 0; start < ROWS; start += 400) await trx('memberships').insert(members.slice(start, start + 400));
    const invitations = users.map((user) => ({
      id: randomUUID(), created_at: now, account_id: account, email: user.email, first_name: 'B', last_name: user.last_name, role: 'USER', token_hash: (randomUUID() + randomUUID()).replace(/-/g, ''), status: 'PENDING', expires_at: now,
    }));
    for (let start = 0; start < ROWS; start += 400) await trx('invitations').insert(invitations.slice(start, start + 400));
  });
  return performance.now() - started;
}

export async function benchUserImport(driver: Driver, pgAdminUrl: string): Promise<ImportRow[]> {
  const app = await startTestApp(driver, { pgAdminUrl });
  try {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const account = await accountId(app);
    await addSubscription(app, account, 'Bench Collection', ROWS);
    const csv = file();
    const input = { csv, sendInvitations: false };
    const rows: ImportRow[] = [];
    const baselineMs = await baseline(app, account);
    for (const run of ['first import (creates 10,000)', 'same file again (idempotent)']) {
      global.gc?.();
      const stop = memoryWatch();
      let started = performance.now();
      dataOf(await client.graphql(IMPORT, { input }));
      const previewMs = performance.now() - started;
      started = performance.now();
      const result = dataOf(await client.graphql<{ importUsers: { created: number; unchanged: number; errors: number } }>(COMMIT, { input })).importUsers;
      const commitMs = performance.now() - started;
      if (result.errors) throw new Error(`${result.errors} rows refused in the benchmark file`);
      rows.push({ driver, run, previewMs, commitMs, baselineMs, peakMb: stop(), created: result.created, unchanged: result.unchanged });
    }
    return rows;
  } finally {
    await app.close();
  }
}

export function printImportTable(rows: ImportRow[]) {
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.table(
    rows.map((row) => {
      const total = row.previewMs + row.commitMs;
      return {
        driver: row.driver,
        run: row.run,
        created: row.created,
        unchanged: row.unchanged,
        'preview ms': row.previewMs.toFixed(0),
        'commit ms': row.commitMs.toFixed(0),
        'total ms': `${total.toFixed(0)}${row.driver === 'sqlite' ? ` (${mark(total <= TARGETS.ms)} ≤ ${TARGETS.ms})` : ''}`,
        'raw insert ms': row.baselineMs.toFixed(0),
        'ratio': (total / row.baselineMs).toFixed(1),
        'peak memory MB': `${row.peakMb.toFixed(0)} (${mark(row.peakMb <= TARGETS.mb)} ≤ ${TARGETS.mb})`,
      };
    }),
  );
}
