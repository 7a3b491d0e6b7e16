import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFrequency, ExportRangeKind } from '@seatwise/schema';
import { signDownloadGrant } from '../src/modules/downloads/download-link.js';
import { queueDueExports } from '../src/modules/exports/export-runs.js';
import { dayStart, nextSlot, runRange } from '../src/modules/exports/export-schedule.js';
import { applyRetention } from '../src/retention.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const LJUBLJANA = 'Europe/Ljubljana';
const DAY = 86_400_000;

describe('export schedules in the account time zone', () => {
  const daily = { frequency: ExportFrequency.DAILY, weekday: null, dayOfMonth: null, hour: 6 };

  it('keeps a daily 06:00 at 06:00 Ljubljana time across both daylight-saving changes', () => {
    // Spring: 28 March 2027 the clocks go from 02:00 to 03:00 (UTC+1 → UTC+2).
    expect(nextSlot(daily, LJUBLJANA, new Date('2027-03-27T05:00:00Z')).toISOString()).toBe('2027-03-28T04:00:00.000Z');
    expect(nextSlot(daily, LJUBLJANA, new Date('2027-03-26T12:00:00Z')).toISOString()).toBe('2027-03-27T05:00:00.000Z');
    // Autumn: 31 October 2027 back from 03:00 to 02:00.
    expect(nextSlot(daily, LJUBLJANA, new Date('2027-10-30T04:00:00Z')).toISOString()).toBe('2027-10-31T05:00:00.000Z');
  });

  it('lands a weekly Monday and a monthly 1st on their own local day, while UTC is still on the day before', () => {
    const mondayMidnight = { frequency: ExportFrequency.WEEKLY, weekday: 1, dayOfMonth: null, hour: 0 };
    // Monday 22 March 2027 00:00 CET is Sunday 23:00 UTC; a week later (after the change) Sunday 22:00 UTC.
    const first = nextSlot(mondayMidnight, LJUBLJANA, new Date('2027-03-20T00:00:00Z'));
    expect(first.toISOString()).toBe('2027-03-21T23:00:00.000Z');
    expect(nextSlot(mondayMidnight, LJUBLJANA, first).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    const firstOfMonth = { frequency: ExportFrequency.MONTHLY, weekday: null, dayOfMonth: 1, hour: 0 };
    const march = nextSlot(firstOfMonth, LJUBLJANA, new Date('2027-02-15T00:00:00Z'));
    expect(march.toISOString()).toBe('2027-02-28T23:00:00.000Z');
    const april = nextSlot(firstOfMonth, LJUBLJANA, march);
    expect(april.toISOString()).toBe('2027-03-31T22:00:00.000Z');
    // The run of 1 April covers March in the account's days, though the slot is 31 March in UTC.
    const rolling = { rangeKind: ExportRangeKind.ROLLING_DAYS, rangeDays: 31, coveredThrough: null, createdAt: march };
    expect(runRange(rolling, april, LJUBLJANA)).toEqual({ from: '2027-03-01', to: '2027-03-31' });
    // Since the last run: from the day after the last covered day.
    expect(runRange({ ...rolling, rangeKind: ExportRangeKind.SINCE_LAST_RUN, coveredThrough: '2027-02-28' }, april, LJUBLJANA)).toEqual({ from: '2027-03-01', to: '2027-03-31' });
    // An account day begins at its local midnight (the audit log's export reads instants).
    expect(dayStart('2027-03-28', LJUBLJANA).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(dayStart('2027-03-29', LJUBLJANA).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(dayStart('2027-03-29', 'Pacific/Kiritimati').toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(dayStart('2027-03-29', 'Pacific/Pago_Pago').toISOString()).toBe('2027-03-29T11:00:00.000Z');
  });
});

const CREATE = `mutation ($input: ReportExportInput!) { createReportExport(input: $input) {
  id name kind format frequency weekday dayOfMonth hour timeZone rangeKind rangeDays nextRunAt recipients { id email } } }`;
const RUNS = `query ($id: UUID!) { reportExportRuns(exportId: $id) { totalCount edges { node { id status attempts error rangeFrom rangeTo fileName rowCount sizeBytes expiresAt slotAt } } } }`;
const LINK = `mutation ($runId: UUID!) { createReportExportRunLink(runId: $runId) { url expiresAt } }`;
const RUN_NOW = `mutation ($id: UUID!) { runReportExportNow(id: $id) { id status rangeFrom rangeTo } }`;
const BY_USER = `query ($range: DateRangeInput!, $first: Int, $offset: Int) { seatUsageByUser(range: $range, first: $first, offset: $offset) {
  totalCount rows { user { name email } subscription { name } assignedOn lastUsedOn daysUsed minutes idleDays } } }`;

interface Run {
  id: string;
  status: string;
  attempts: number;
  error: string | null;
  rangeFrom: string;
  rangeTo: string;
  fileName: string | null;
  rowCount: number | null;
  sizeBytes: number | null;
  expiresAt: string | null;
  slotAt: string;
}

describe.each(drivers)('scheduled report exports (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;
  let accountId: string;
  const now = new Date('2026-11-25T10:00:00Z');

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SEATWISE_JOB_WORKER: '0', SMTP_URL: peer.url, PUBLIC_URL: 'https://seatwise.test' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const [row] = await app.sql<{ user_id: string; account_id: string }>(`select m.user_id, m.account_id from memberships m join users u on u.id = m.user_id where u.email = 'admin@example.com'`);
    adminId = row!.user_id;
    accountId = row!.account_id;
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: 'Weekly seats',
    kind: 'SEAT_USAGE_BY_USER',
    format: 'CSV',
    frequency: 'WEEKLY',
    weekday: 1,
    hour: 6,
    rangeKind: 'ROLLING_DAYS',
    rangeDays: 30,
    recipientIds: [adminId],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) =>
    dataOf(await admin.graphql<{ createReportExport: { id: string; nextRunAt: string; timeZone: string } }>(CREATE, { input: input(overrides) })).createReportExport;
  const runsOf = async (id: string) => dataOf(await admin.graphql<{ reportExportRuns: { totalCount: number; edges: { node: Run }[] } }>(RUNS, { id })).reportExportRuns;
  /** Runs every queued job, as the worker would, with the backoff of failed ones cut short. */
  const work = async () => {
    for (let i = 0; i < 10; i++) {
      await app.sql('update jobs set run_after = null where status = ?', ['QUEUED']);
      if (!(await app.seatwise.worker.runOnce())) return;
    }
  };
  const download = async (run: Run) => {
    const link = dataOf(await admin.graphql<{ createReportExportRunLink: { url: string } }>(LINK, { runId: run.id })).createReportExportRunLink;
    return rest(app, null, link.url);
  };
  const seatReport = async (range: { from: string; to: string }) => {
    const rows = [];
    for (let offset = 0; ; offset += 500) {
      const page = dataOf(await admin.graphql<{ seatUsageByUser: { totalCount: number; rows: Record<string, unknown>[] } }>(BY_USER, { range, first: 500, offset })).seatUsageByUser;
      rows.push(...page.rows);
      if (rows.length >= page.totalCount) return rows;
    }
  };

  it('saves an export with its schedule in the account time zone and refuses bad input field by field, in Slovenian too', async () => {
    const saved = await create();
    expect(saved.timeZone).toBe(LJUBLJANA);
    // Wednesday 25 November → Monday 30 November, 06:00 CET.
    expect(saved.nextRunAt).toBe('2026-11-30T05:00:00.000Z');
    const bad = await admin.graphql(CREATE, { input: input({ weekday: 8, rangeDays: 0, name: ' ' }) });
    expect(errorOf(bad).extensions?.code).toBe('BAD_USER_INPUT');
    const fields = ((bad.errors![0]!.extensions as { errors?: { field: string }[] }).errors ?? []).map((error) => error.field);
    expect(fields).toEqual(['name', 'weekday', 'rangeDays']);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query: CREATE, variables: { input: input({ dayOfMonth: 31, frequency: 'MONTHLY' }) } }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { field: string } }[] };
    expect(body.errors[0]!.extensions.field).toBe('dayOfMonth');
    expect(body.errors[0]!.message).toBe('Izberite dan v mesecu od 1 do 28, ki ga ima vsak mesec.');
    // A recipient from another account is refused.
    const [alpine] = await app.sql<{ user_id: string }>(`select u.id as user_id from users u where u.email = 'admin@alpine.example'`);
    expect(errorOf(await admin.graphql(CREATE, { input: input({ recipientIds: [alpine!.user_id] }) })).extensions?.field).toBe('recipientIds');
  });

  it('is for admins of the account only', async () => {
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(errorOf(await user.graphql('{ reportExports { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
    const saved = await create({ name: 'Not yours' });
    const alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
    expect(dataOf(await alpine.graphql<{ reportExports: { totalCount: number } }>('{ reportExports { totalCount } }')).reportExports.totalCount).toBe(0);
    expect(errorOf(await alpine.graphql(RUNS, { id: saved.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await alpine.graphql('mutation ($id: UUID!) { deleteReportExport(id: $id) { id } }', { id: saved.id })).extensions?.code).toBe('NOT_FOUND');
  });

  it('runs each slot once across instances, and a slot missed while down once, not once per missed slot', async () => {
    const saved = await create({ name: 'Daily', frequency: 'DAILY', weekday: null });
    const queued = await Promise.all([0, 1, 2].map(() => queueDueExports(app.em(), app.seatwise.events, new Date('2026-11-26T05:00:30Z'))));
    // Every export of the account whose slot has come (this one, due 26 November 06:00 CET) once in all.
    const mine = await app.sql<{ n: number | string }>('select count(*) as n from report_export_runs where export_id = ?', [saved.id]);
    expect(Number(mine[0]!.n)).toBe(1);
    expect(queued.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    // Down from 26 November to 2 December: six slots passed; one run on coming back, for the latest.
    await queueDueExports(app.em(), app.seatwise.events, new Date('2026-12-02T09:00:00Z'));
    await queueDueExports(app.em(), app.seatwise.events, new Date('2026-12-02T09:01:00Z'));
    const runs = await runsOf(saved.id);
    expect(runs.totalCount).toBe(2);
    expect(runs.edges.map((edge) => edge.node.slotAt).sort()).toEqual(['2026-11-26T05:00:00.000Z', '2026-12-02T05:00:00.000Z']);
    // The run of 2 December covers 30 days up to 1 December, in the account's days.
    expect(runs.edges.find((edge) => edge.node.slotAt.startsWith('2026-12-02'))!.node).toMatchObject({ rangeFrom: '2026-11-02', rangeTo: '2026-12-01' });
    const [next] = await app.sql<{ next_run_at: unknown }>('select next_run_at from report_exports where id = ?', [saved.id]);
    expect(new Date(typeof next!.next_run_at === 'number' ? next!.next_run_at : String(next!.next_run_at)).getTime()).toBe(new Date('2026-12-03T05:00:00Z').getTime());
  });

  it('writes a CSV and an XLSX that parse back to the Seat Usage report, lists their size and mails the recipients a link', async () => {
    const range = { from: '2026-10-26', to: '2026-11-24' };
    const report = await seatReport(range);
    expect(report.length).toBeGreaterThan(10);
    const expected = report.map((row) => {
      const r = row as { user: { name: string; email: string }; subscription: { name: string }; assignedOn: string; lastUsedOn: string | null; daysUsed: number; minutes: number; idleDays: number | null };
      return [r.user.name, r.user.email, r.subscription.name, r.assignedOn, r.lastUsedOn ?? '', String(r.daysUsed), String(r.minutes), r.idleDays === null ? '' : String(r.idleDays)];
    });
    for (const format of ['CSV', 'XLSX'] as const) {
      const saved = await create({ name: `Seats ${format}`, format });
      const queued = dataOf(await admin.graphql<{ runReportExportNow: Run }>(RUN_NOW, { id: saved.id })).runReportExportNow;
      expect(queued).toMatchObject({ status: 'QUEUED', rangeFrom: range.from, rangeTo: range.to });
      await work();
      const [run] = (await runsOf(saved.id)).edges.map((edge) => edge.node);
      expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 1, rowCount: report.length, fileName: `seat-usage-by-user-2026-11-24.${format.toLowerCase()}` });
      expect(new Date(run!.expiresAt!).getTime() - Date.now()).toBeGreaterThan(89 * DAY);
      const response = await download(run!);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(run!.sizeBytes);
      let rows: string[][];
      if (format === 'CSV') {
        rows = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ',' }) as string[][];
      } else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        rows = [];
        book.worksheets[0]!.eachRow((line) => {
          rows.push((line.values as unknown[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value))));
        });
        rows = rows.map((line) => [...line, ...Array(8 - line.length).fill('')]);
      }
      expect(rows[0]).toEqual(['Name', 'Email', 'Subscription', 'Assigned on', 'Last used', 'Days used', 'Minutes', 'Days idle']);
      expect(rows.slice(1)).toEqual(expected);
    }
    await app.deliverEvents();
    const mail = await peer.waitFor((message) => sentTo('admin@example.com')(message) && (message.subject ?? '').includes('Seats XLSX'));
    const url = /https:\/\/seatwise\.test(\/api\/report-exports\/\S+)/.exec(mail.text ?? '')![1]!;
    const fromMail = await rest(app, null, url);
    expect(fromMail.status).toBe(200);
    expect(fromMail.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('refuses a link that expired, that names another account, or that is not an export link', async () => {
    const saved = await create({ name: 'Links', kind: 'SUBSCRIPTIONS', format: 'JSON' });
    dataOf(await admin.graphql(RUN_NOW, { id: saved.id }));
    await work();
    const [run] = (await runsOf(saved.id)).edges.map((edge) => edge.node);
    const rows = JSON.parse(await (await download(run!)).text()) as Record<string, unknown>[];
    expect(rows.length).toBe(run!.rowCount);
    expect(Object.keys(rows[0]!)).toContain('Serial number');
    const link = dataOf(await admin.graphql<{ createReportExportRunLink: { url: string; expiresAt: string } }>(LINK, { runId: run!.id })).createReportExportRunLink;
    app.setNow(new Date(new Date(link.expiresAt).getTime() + 1000));
    const expired = await rest(app, null, link.url);
    expect(expired.status).toBe(410);
    app.setNow(now);
    // A link signed for the admin of another account naming this run: that account has no such run.
    const [alpine] = await app.sql<{ user_id: string; account_id: string }>(`select m.user_id, m.account_id from memberships m join users u on u.id = m.user_id where u.email = 'admin@alpine.example'`);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const foreign = signDownloadGrant(app.config, { kind: 'e', id: run!.id, userId: alpine!.user_id, accountId: alpine!.account_id, exp });
    expect((await rest(app, null, `/api/report-exports/${foreign}/x.json`)).status).toBe(404);
    // The same person's grant with the account changed: the signature no longer holds.
    const [body, signature] = foreign.split('.');
    const tampered = Buffer.from(JSON.stringify(['e', run!.id, alpine!.user_id, accountId, exp])).toString('base64url');
    expect(body).not.toBe(tampered);
    expect((await rest(app, null, `/api/report-exports/${tampered}.${signature}/x.json`)).status).toBe(403);
    // An export link is not a product download, nor a product download an export link.
    const own = signDownloadGrant(app.config, { kind: 'e', id: run!.id, userId: adminId, accountId, exp });
    expect((await rest(app, null, `/api/downloads/${own}/x.json`)).status).toBe(403);
    const product = signDownloadGrant(app.config, { kind: 'f', id: run!.id, userId: adminId, accountId, exp });
    expect((await rest(app, null, `/api/report-exports/${product}/x.json`)).status).toBe(403);
  });

  it('retries a failed run and reports it to the admin who saved it once every attempt failed', async () => {
    const saved = await create({ name: 'Doomed', kind: 'USERS', format: 'CSV' });
    // The folder the files go to cannot be made: a file stands where it should be.
    const folder = join(app.dataDir, 'report-exports', accountId);
    const { rm, mkdir } = await import('node:fs/promises');
    await rm(folder, { recursive: true, force: true });
    await mkdir(join(app.dataDir, 'report-exports'), { recursive: true });
    writeFileSync(folder, 'in the way');
    dataOf(await admin.graphql(RUN_NOW, { id: saved.id }));
    await work();
    const [run] = (await runsOf(saved.id)).edges.map((edge) => edge.node);
    expect(run).toMatchObject({ status: 'FAILED', attempts: 3, fileName: null });
    expect(run!.error).toBeTruthy();
    await rm(folder, { force: true });
    await app.deliverEvents();
    const mail = await peer.waitFor((message) => sentTo('admin@example.com')(message) && (message.subject ?? '').includes('Doomed'));
    expect(mail.subject).toBe('Your scheduled export Doomed failed');
    expect(mail.text).toContain('failed after 3 attempts');
  });

  it("keeps runs for the account's retention setting, then removes them with their files", async () => {
    expect(dataOf(await admin.graphql<{ exportRetention: { days: number | null } }>('{ exportRetention { days } }')).exportRetention.days).toBe(90);
    const saved = await create({ name: 'Short-lived', kind: 'SEAT_USAGE_BY_PRODUCT', format: 'XLSX' });
    dataOf(await admin.graphql(RUN_NOW, { id: saved.id }));
    await work();
    const [run] = (await runsOf(saved.id)).edges.map((edge) => edge.node);
    const [row] = await app.sql<{ storage_key: string }>('select storage_key from report_export_runs where id = ?', [run!.id]);
    expect(existsSync(join(app.dataDir, row!.storage_key))).toBe(true);
    expect(errorOf(await admin.graphql('mutation { setExportRetention(days: 0) { days } }')).extensions?.field).toBe('days');
    // Forever: nothing expires.
    dataOf(await admin.graphql('mutation { setExportRetention(days: null) { days } }'));
    expect((await runsOf(saved.id)).edges[0]!.node.expiresAt).toBeNull();
    expect((await applyRetention(app.em(), app.config, new Date(Date.now() + 4000 * DAY))).reportExportRuns).toBe(0);
    dataOf(await admin.graphql('mutation { setExportRetention(days: 2) { days } }'));
    expect((await applyRetention(app.em(), app.config, new Date(Date.now() + DAY))).reportExportRuns).toBe(0);
    const pruned = await applyRetention(app.em(), app.config, new Date(Date.now() + 3 * DAY));
    expect(pruned.reportExportRuns).toBeGreaterThanOrEqual(1);
    expect((await runsOf(saved.id)).totalCount).toBe(0);
    expect(existsSync(join(app.dataDir, row!.storage_key))).toBe(false);
    dataOf(await admin.graphql('mutation { setExportRetention(days: 90) { days } }'));
  });

  it('deletes an export with its runs and files, audited', async () => {
    const saved = await create({ name: 'To delete', kind: 'CLOUD_SERVICES_USAGE' });
    dataOf(await admin.graphql(RUN_NOW, { id: saved.id }));
    await work();
    const [row] = await app.sql<{ storage_key: string }>('select storage_key from report_export_runs where export_id = ?', [saved.id]);
    const deleted = dataOf(await admin.graphql<{ deleteReportExport: { name: string } }>('mutation ($id: UUID!) { deleteReportExport(id: $id) { name } }', { id: saved.id }));
    expect(deleted.deleteReportExport.name).toBe('To delete');
    expect(await app.sql('select id from report_export_runs where export_id = ?', [saved.id])).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(join(app.dataDir, row!.storage_key))).toBe(false);
    const audit = await app.sql<{ action: string }>("select action from audit_entries where target_id = ? order by created_at", [saved.id]);
    expect(audit.map((entry) => entry.action)).toEqual(['report-export.create', 'report-export.run', 'report-export.delete']);
  });
});
