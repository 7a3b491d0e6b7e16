import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';

const EXPORTS = `query Exports { auditLog(filter: { actions: ["report.export"] }) {
  totalCount
  edges { node { actorName action targetType targetId summary after } }
} }`;

interface ExportEntry {
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  after: { file: string; rows: number } | null;
}

const ADMIN = 'admin@example.com';

describe.each(drivers)('report exports are audited (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;

  const exportEntries = async (client = admin) =>
    dataOf(await client.graphql<{ auditLog: { totalCount: number; edges: { node: ExportEntry }[] } }>(EXPORTS)).auditLog;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn(ADMIN));
  });
  afterAll(() => app?.close());

  it('each export writes one entry naming the report, its file and who exported it', async () => {
    expect((await exportEntries()).totalCount).toBe(0);
    const xlsx = await rest(app, admin, '/api/exports/seat-usage.xlsx?from=2026-11-01&to=2026-11-25');
    expect(xlsx.status).toBe(200);
    await xlsx.arrayBuffer();

    const log = await exportEntries();
    expect(log.totalCount).toBe(1);
    const entry = log.edges[0]!.node;
    expect(entry).toMatchObject({ action: 'report.export', targetType: 'report', targetId: 'seat-usage' });
    expect(entry.actorName).toContain(ADMIN);
    expect(entry.after?.file).toBe('seat-usage-by-user.xlsx');
    expect(entry.summary).toBe(`Exported seat-usage-by-user.xlsx (${entry.after?.rows} rows)`);
    expect(entry.after?.rows).toBeGreaterThan(1);

    const csv = await rest(app, admin, '/api/exports/subscriptions.csv');
    expect(csv.status).toBe(200);
    await csv.text();
    const after = await exportEntries();
    expect(after.totalCount).toBe(2);
    expect(after.edges.map(({ node }) => node.after?.file).sort()).toEqual(['seat-usage-by-user.xlsx', 'subscriptions.csv']);
  });

  it('a refused export writes nothing', async () => {
    const before = (await exportEntries()).totalCount;
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    const refused: [TestClient | null, string, number][] = [
      [admin, '/api/exports/seat-usage.csv?from=2026-11-25&to=2026-11-01', 400],
      [admin, '/api/exports/seat-usage.csv?from=2024-01-01&to=2026-11-25', 400],
      [admin, '/api/exports/subscriptions.pdf', 400],
      [admin, '/api/exports/nothing.csv', 404],
      [admin, '/api/exports/subscription-products.csv?subscriptionId=nope', 404],
      [user, '/api/exports/subscriptions.csv', 403],
      [null, '/api/exports/insights.csv', 401],
    ];
    for (const [client, path, status] of refused) {
      const response = await rest(app, client, path);
      await response.text();
      expect(response.status, path).toBe(status);
    }
    expect((await exportEntries()).totalCount).toBe(before);
  });

  it("another account's admin sees none of these entries", async () => {
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    expect((await exportEntries(other)).totalCount).toBe(0);
  });
});
