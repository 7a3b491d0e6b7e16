import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/knex';
import { buildGraphqlSchema } from '../src/graphql/schema.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { postEvents, rest } from './rest.js';

const CREATE_TEAM = `mutation Create($input: CreateTeamInput!) { createTeam(input: $input) { id name } }`;
const USERS = `query Users($filter: UsersFilter) { users(first: 100, filter: $filter) { totalCount edges { node { email } } } }`;
const BY_USER = `query ByUser($range: DateRangeInput!, $filter: SeatUsageFilter) {
  seatUsageByUser(range: $range, filter: $filter, first: 100) { totalCount rows { user { email } } } }`;
const PREVIEW = `mutation Preview($input: UserImportInput!) { previewUserImport(input: $input) { errors rows { line email status } } }`;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-25' };

/** Every statement the app's connection sends while `work` runs: its SQL text and its bound values. */
async function statementsDuring(app: TestApp, work: () => Promise<unknown>) {
  const knex = (app.orm.em as EntityManager).getKnex();
  const sent: { sql: string; bindings: unknown[] }[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => sent.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return sent;
}

describe('the contract allow-lists multi-line text by schema coordinate', () => {
  it('names only input fields and arguments that exist', async () => {
    const { MULTI_LINE_TEXT } = await import('../src/graphql/text-input.js');
    const schema = await buildGraphqlSchema();
    expect(MULTI_LINE_TEXT.size).toBeGreaterThan(0);
    for (const coordinate of MULTI_LINE_TEXT) {
      const [, typeName, fieldName, argumentName] = /^(\w+)\.(\w+)(?:\((\w+):\))?$/.exec(coordinate) ?? [];
      const type = schema.getType(typeName ?? '') as { getFields?: () => Record<string, { args?: { name: string }[] }> } | undefined;
      const field = type?.getFields?.()[fieldName ?? ''];
      expect(field, coordinate).toBeDefined();
      if (argumentName) expect(field?.args?.map((argument) => argument.name), coordinate).toContain(argumentName);
    }
  });
});

describe.each(drivers)('control characters in text input (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  const teamCount = async () => Number((await app.sql<{ n: number | string }>('select count(*) as n from teams'))[0]!.n);

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  it('refuses a NUL byte in a team name on field input.name, writing nothing', async () => {
    const before = await teamCount();
    const error = errorOf(await admin.graphql(CREATE_TEAM, { input: { name: 'Team\u0000X' } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(error.message).toBe('input.name must be a single line of text: line breaks, tabs and other control characters are not allowed.');
    expect(await teamCount()).toBe(before);
  });

  it('refuses a line break in a one-line field, in the language asked for', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query: CREATE_TEAM, variables: { input: { name: 'Team\nX' } } }),
    });
    const error = errorOf((await response.json()) as { errors?: { message: string; extensions?: { code?: string; field?: string } }[] });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(error.message).toBe('Polje input.name mora biti ena vrstica besedila: prelomi vrstic, tabulatorji in drugi kontrolni znaki niso dovoljeni.');
  });

  it('refuses a NUL byte in a users search, sent as a variable or written in the document', async () => {
    const asVariable = errorOf(await admin.graphql(USERS, { filter: { search: 'nov\u0000ak' } }));
    expect(asVariable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const inline = errorOf(await admin.graphql('{ users(filter: { search: "nov\\u0000ak" }) { totalCount } }'));
    expect(inline.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('refuses a NUL byte in a report search (raw SQL) on field filter.search', async () => {
    const error = errorOf(await admin.graphql(BY_USER, { range: NOVEMBER, filter: { search: 'a\u0000' } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('takes line breaks and tabs in CSV content, never a NUL byte', async () => {
    const csv = 'email,first name,last name\r\nlines@example.com,Tab\tbed,Lines\r\n';
    const report = dataOf(await admin.graphql<{ previewUserImport: { rows: { email: string }[] } }>(PREVIEW, { input: { csv } })).previewUserImport;
    expect(report.rows.map((row) => row.email)).toEqual(['lines@example.com']);
    const error = errorOf(await admin.graphql(PREVIEW, { input: { csv: csv.replace('Lines', 'Li\u0000nes') } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(error.message).toBe('input.csv contains a NUL byte or another control character that text cannot hold.');
  });

  it("finds people by text with ' ? \\ % _ and accents, sending the text as bound values", async () => {
    const everyone = dataOf(await admin.graphql<{ seatUsageByUser: { rows: { user: { email: string } }[] } }>(BY_USER, { range: NOVEMBER })).seatUsageByUser;
    const email = everyone.rows[0]!.user.email;
    const [seated] = await app.sql<{ id: string; email: string }>('select id, email from users where email = ?', [email]);
    const [firstName, lastName] = ['Žiga', "O'Hára?\\50%_x"];
    await app.sql('update memberships set first_name = ?, last_name = ?, sort_name = ? where user_id = ?', [firstName, lastName, `${firstName} ${lastName}`.toLowerCase(), seated!.id]);
    // `%` and `_` are plain text: "hára?\5" must not match "hára?\50%_x" through a wildcard, nor "_x" match any one character.
    const search = "o'hára?\\50%_x žiga";
    const users = dataOf(await admin.graphql<{ users: { edges: { node: { email: string } }[] } }>(USERS, { filter: { search } })).users;
    expect(users.edges.map((edge) => edge.node.email)).toEqual([seated!.email]);
    expect(dataOf(await admin.graphql<{ users: { totalCount: number } }>(USERS, { filter: { search: "o'hára?\\5_%" } })).users.totalCount).toBe(0);

    const sent = await statementsDuring(app, async () => {
      const report = dataOf(await admin.graphql<{ seatUsageByUser: { rows: { user: { email: string } }[] } }>(BY_USER, { range: NOVEMBER, filter: { search } })).seatUsageByUser;
      expect(new Set(report.rows.map((row) => row.user.email))).toEqual(new Set([seated!.email]));
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((statement) => /h[aá]ra/i.test(statement.sql)).map((statement) => statement.sql)).toEqual([]);
    expect(sent.some((statement) => statement.bindings.some((value) => typeof value === 'string' && value.includes("o'hára?")))).toBe(true);
  });

  it('refuses a usage event with a NUL byte: 400 JSON with a code and the field', async () => {
    const response = await postEvents(app, admin, [
      { id: 'nul-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-20T09:00:00Z', user: 'ana\u0000@example.com', product: 'DRF', minutes: 5 },
    ]);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', field: 'events[0].user', message: 'events[0].user must not contain a NUL byte' },
    });
  });

  it('refuses a NUL byte in an export query string: 400 JSON with a code', async () => {
    const response = await rest(app, admin, `/api/exports/seat-usage.csv?from=2026-11-01&to=2026-11-25&search=a%00b`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'search' } });
  });
});
