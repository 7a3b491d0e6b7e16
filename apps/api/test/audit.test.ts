import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';

const LOG = `query Log($first: Int, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id createdAt actorId actorName action targetType targetId summary before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CSV = `query Csv($filter: AuditFilter) { auditLogCsv(filter: $filter) }`;
const CREATE = `mutation Create($name: String!) { createTeam(input: { name: $name }) { id } }`;
const RENAME = `mutation Rename($id: UUID!, $name: String!) { renameTeam(input: { id: $id, name: $name }) { id } }`;

interface Log {
  auditLog: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; action: string; actorName: string | null; summary: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe.each(drivers)('audit log F-63 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  // The demo's teams were made through the same service (team.create entries of the seed): the
  // filters below read only what this suite did.
  let since: string;
  const ours = (filter: Record<string, unknown>) => ({ ...filter, from: since });

  beforeAll(async () => {
    app = await startTestApp(driver);
    since = new Date().toISOString();
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    for (let index = 0; index < 3; index += 1) {
      const { createTeam } = dataOf(await admin.graphql<{ createTeam: { id: string } }>(CREATE, { name: `Audit ${index}` }));
      dataOf(await admin.graphql(RENAME, { id: createTeam.id, name: `Audited ${index}` }));
    }
  });
  afterAll(() => app?.close());

  it('lists who did what, with before and after, newest first, filtered and paged', async () => {
    const renames = dataOf(await admin.graphql<Log>(LOG, { filter: ours({ actions: ['team.rename'] }) })).auditLog;
    expect(renames.totalCount).toBe(3);
    const newest = renames.edges[0]!.node;
    expect(newest).toMatchObject({ action: 'team.rename', summary: 'Renamed team Audit 2 to Audited 2', before: { name: 'Audit 2' }, after: { name: 'Audited 2' } });
    expect(newest.actorName).toContain('admin@example.com');

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Log['auditLog'] = dataOf(await admin.graphql<Log>(LOG, { first: 2, after, filter: ours({ actions: ['team.create', 'team.rename'] }) })).auditLog;
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const future = dataOf(await admin.graphql<Log>(LOG, { filter: { from: new Date(Date.now() + 60_000).toISOString() } })).auditLog;
    expect(future.totalCount).toBe(0);
    expect(errorOf(await admin.graphql(LOG, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } })).extensions?.field).toBe('filter.to');
  });

  it('exports the filtered log as CSV', async () => {
    const csv = dataOf(await admin.graphql<{ auditLogCsv: string }>(CSV, { filter: ours({ actions: ['team.create'] }) })).auditLogCsv;
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ action: 'team.create', 'target type': 'team' });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ name: 'Audit 2' });
  });

  it('neutralises every cell a spreadsheet would run as a formula, and logs the export itself', async () => {
    const hostile = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const teams = dataOf(await admin.graphql<Log>(LOG, { first: 6, filter: ours({ actions: ['team.create', 'team.rename'] }) })).auditLog.edges;
    // Lines kept as written (no message to render), as old entries are.
    for (const [index, edge] of teams.entries()) await app.sql('update audit_entries set summary = ?, summary_message = null where id = ?', [hostile[index], edge.node.id]);
    await app.sql("update memberships set first_name = '=cmd|'' /C calc''!A0' where email = 'admin@example.com'");
    try {
      const csv = dataOf(await admin.graphql<{ auditLogCsv: string }>(CSV, { filter: ours({ actions: ['team.create', 'team.rename'] }) })).auditLogCsv;
      const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row.what).sort()).toEqual(hostile.map((text) => `'${text}`).sort());
      expect(new Set(rows.map((row) => row.who))).toEqual(new Set(["'=cmd|' /C calc'!A0 Novak <admin@example.com>"]));
    } finally {
      await app.sql("update memberships set first_name = 'Ana' where email = 'admin@example.com'");
    }
    const exports = dataOf(await admin.graphql<Log>(LOG, { filter: { actions: ['report.export'] } })).auditLog.edges.map((edge) => edge.node);
    expect(exports[0]).toMatchObject({ action: 'report.export', summary: 'Exported audit-log.csv (6 rows)', after: { file: 'audit-log.csv', rows: 6 } });
    expect(exports[0]!.actorName).toContain('admin@example.com');
  });

  it('writes the CSV headings in the language asked for', async () => {
    const response = await rest(app, admin, '/graphql', {
      method: 'POST',
      headers: { 'accept-language': 'sl' },
      body: JSON.stringify({ query: CSV, variables: { filter: ours({ actions: ['team.create'] }) } }),
    });
    const { data } = (await response.json()) as { data: { auditLogCsv: string } };
    // Slovenian Excel's dialect: `;` between cells.
    const [headings, first] = parse(data.auditLogCsv, { bom: true, delimiter: ';' }) as string[][];
    expect(headings).toEqual(['čas', 'kdo', 'dejanje', 'vrsta cilja', 'id cilja', 'kaj', 'prej', 'potem']);
    expect(first).toContain('team.create');
  });

  it('renders each line in the language of the one who reads it, from the data the entry kept', async () => {
    const { createTeam } = dataOf(await admin.graphql<{ createTeam: { id: string } }>(CREATE, { name: `Jezik ${driver}` }));
    dataOf(await admin.graphql(RENAME, { id: createTeam.id, name: `Language ${driver}` }));
    const filter = ours({ targetId: createTeam.id });
    const read = async (language: string, query: string) => {
      const response = await rest(app, admin, '/graphql', { method: 'POST', headers: { 'accept-language': language }, body: JSON.stringify({ query, variables: { filter } }) });
      return ((await response.json()) as { data: Record<string, unknown> }).data;
    };
    const lines = async (language: string) => ((await read(language, LOG)) as unknown as Log).auditLog.edges.map((edge) => edge.node.summary);
    expect(await lines('en')).toEqual([`Renamed team Jezik ${driver} to Language ${driver}`, `Created team Jezik ${driver}`]);
    expect(await lines('sl')).toEqual([`Preimenovanje ekipe Jezik ${driver} v Language ${driver}`, `Nova ekipa Jezik ${driver}`]);
    // The export reads the same way.
    const [, ...rows] = parse((await read('sl', CSV)).auditLogCsv as string, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((row) => row[5])).toEqual([`Preimenovanje ekipe Jezik ${driver} v Language ${driver}`, `Nova ekipa Jezik ${driver}`]);
  });

  it('names a role in the reader\'s words', async () => {
    const invite = `mutation Invite($input: InviteUsersInput!) { inviteUsers(input: $input) { invitedCount } }`;
    dataOf(await admin.graphql(invite, { input: { rows: [{ email: `audited-${driver}@example.com`, firstName: 'Audi', lastName: 'Ted' }], role: 'SECONDARY_ADMIN' } }));
    const filter = ours({ actions: ['user.invite'] });
    const line = async (language: string) => {
      const response = await rest(app, admin, '/graphql', { method: 'POST', headers: { 'accept-language': language }, body: JSON.stringify({ query: LOG, variables: { filter } }) });
      return ((await response.json()) as { data: Log }).data.auditLog.edges[0]!.node.summary;
    };
    expect(await line('en')).toBe(`Invited audited-${driver}@example.com as Secondary admin`);
    expect(await line('sl')).toBe(`Povabilo osebe audited-${driver}@example.com z vlogo Sekundarni skrbnik`);
  });

  it("another account's admin sees none of these entries", async () => {
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    expect(dataOf(await other.graphql<Log>(LOG, { filter: ours({ actions: ['team.create', 'team.rename'] }) })).auditLog.totalCount).toBe(0);
  });
});
