import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"), one for each leading character. */
const HOSTILE = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
const neutralised = HOSTILE.map((text) => `'${text}`);

describe.each(drivers)('every CSV Seatwise writes neutralises formulas (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  it('the report export route, CSV and XLSX', async () => {
    const subscriptions = dataOf(await admin.graphql<{ subscriptions: { edges: { node: { id: string } }[] } }>('{ subscriptions(first: 100) { edges { node { id } } } }')).subscriptions.edges.map((edge) => edge.node);
    expect(subscriptions.length).toBeGreaterThanOrEqual(HOSTILE.length);
    for (const [index, text] of HOSTILE.entries()) await app.sql('update subscriptions set name = ? where id = ?', [text, subscriptions[index]!.id]);

    const csv = await rest(app, admin, '/api/exports/subscriptions.csv');
    expect(csv.status).toBe(200);
    const records = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((row) => row.Subscription).filter((name) => name!.startsWith("'")).sort()).toEqual([...neutralised].sort());
    expect(records.every((row) => !/^[=+\-@\t\r]/.test(row.Subscription!))).toBe(true);

    const xlsx = await rest(app, admin, '/api/exports/subscriptions.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    // XLSX cells are typed: a hostile name is a text cell, never a formula, kept as written (no
    // visible apostrophe). XML reads a stored carriage return back as a line feed.
    const sheet = workbook.worksheets[0]!;
    const cells = Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2).getCell(1));
    const hostile = cells.filter((cell) => HOSTILE.includes(String(cell.value).replace(/\n/g, '\r')));
    expect(hostile.map((cell) => String(cell.value).replace(/\n/g, '\r')).sort()).toEqual([...HOSTILE].sort());
    for (const cell of hostile) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cells.every((cell) => cell.type !== ExcelJS.ValueType.Formula)).toBe(true);
  });
});

describe.each(drivers)('the import report CSV neutralises formulas (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  it('in preview and import, every hostile email comes back with a leading apostrophe', async () => {
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const file = ['email,first name,last name', ...HOSTILE.map((email) => `${quoted(email)},Eve,Hacker`), 'fine@test.example,Fine,Row'].join('\r\n');
    for (const mutation of ['previewUserImport', 'importUsers']) {
      const result = dataOf(
        await admin.graphql<Record<string, { csv: string; rows: { email: string }[] }>>(
          `mutation Run($input: UserImportInput!) { ${mutation}(input: $input) { csv rows { email } } }`,
          { input: { csv: file, sendInvitations: false } },
        ),
      )[mutation]!;
      expect(result.rows.map((row) => row.email)).toEqual([...HOSTILE, 'fine@test.example']);
      const records = parse(result.csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(records[0]!)).toEqual(['line', 'email', 'outcome', 'field', 'reason']);
      expect(records.map((row) => row.email)).toEqual([...neutralised, 'fine@test.example']);
      for (const row of records) for (const cell of Object.values(row)) expect(cell, mutation).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes the import report headings in the language asked for', async () => {
    const response = await rest(app, admin, '/graphql', {
      method: 'POST',
      headers: { 'accept-language': 'sl' },
      body: JSON.stringify({
        query: 'mutation Run($input: UserImportInput!) { previewUserImport(input: $input) { csv } }',
        variables: { input: { csv: 'email,first name,last name\r\nana.sl@test.example,Ana,Kos', sendInvitations: false } },
      }),
    });
    const { data } = (await response.json()) as { data: { previewUserImport: { csv: string } } };
    expect((parse(data.previewUserImport.csv, { bom: true }) as string[][])[0]).toEqual(['vrstica', 'e-pošta', 'izid', 'polje', 'razlog']);
  });
});
