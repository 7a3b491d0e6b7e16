import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';

const SUBSCRIPTIONS = `
  query Subscriptions($filter: SubscriptionsFilter, $orderBy: SubscriptionsOrder, $first: Int, $after: String) {
    subscriptions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node {
        id name serialNumber status daysToRenewal term licenceType startsOn endsOn seatsTotal seatsUsed
        team { id name } contract { id number } products { product { code name } seatsTotal seatsUsed }
      } }
    }
  }`;

const CONTRACT = `
  query Contract($id: UUID!) {
    contract(id: $id) { number startsOn endsOn status team { name } seatsTotal seatsUsed subscriptions { name products { product { code } } } }
  }`;

const HOME = `{
  adminHome {
    releases { product { code } version releasedOn }
    renewals { name status daysToRenewal }
    renewingIn30 renewingIn60 renewingIn90 expired
    openSupportRequests { subject status openedBy }
    openSupportRequestCount
  }
}`;

const INSIGHTS = `query Insights($teamId: UUID) { insights(teamId: $teamId) { team { name } product { code } purchased assigned unassigned } }`;

interface ContractNode {
  number: string;
  status: string;
  team: { name: string } | null;
  seatsTotal: number;
  subscriptions: { name: string; products: { product: { code: string } }[] }[];
}

interface HomeNode {
  releases: { product: { code: string }; version: string; releasedOn: string }[];
  renewals: { name: string; status: string; daysToRenewal: number }[];
  renewingIn30: number;
  renewingIn60: number;
  renewingIn90: number;
  expired: number;
  openSupportRequests: { subject: string; status: string; openedBy: string | null }[];
  openSupportRequestCount: number;
}

interface SubscriptionNode {
  id: string;
  name: string;
  serialNumber: string;
  status: string;
  daysToRenewal: number;
  startsOn: string;
  endsOn: string;
  seatsTotal: number;
  seatsUsed: number;
  team: { id: string; name: string } | null;
  contract: { id: string; number: string };
  products: { product: { code: string; name: string }; seatsTotal: number; seatsUsed: number }[];
}

describe.each(drivers)('subscriptions, contracts, Insights and the admin home F-10, F-30, F-50 to F-52 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let all: SubscriptionNode[];

  const list = async (variables: Record<string, unknown> = {}) =>
    dataOf(await admin.graphql<{ subscriptions: { edges: { node: SubscriptionNode }[] } }>(SUBSCRIPTIONS, { first: 100, ...variables })).subscriptions.edges.map((edge) => edge.node);

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    all = await list();
  });

  afterAll(() => app?.close());

  it('lists every subscription with its status today, seats and products, by renewal date', async () => {
    expect(all.map((item) => [item.name, item.status, item.daysToRenewal])).toEqual([
      ['Sheet Metal Pro', 'EXPIRED', -20],
      ['Motion Studio', 'EXPIRING', 12],
      ['Drafter', 'EXPIRING', 25],
      ['Design & Engineering Collection', 'EXPIRING', 55],
      ['Structa BIM', 'EXPIRING', 85],
      ['Vault Docs', 'CANCELLED', 150],
      ['Cloud Credits 5000', 'ACTIVE', 200],
      ['Formwork 3D', 'ACTIVE', 430],
    ]);
    const seats = await app.sql<{ subscription_id: string; n: number | string }>(
      'select subscription_id, count(*) as n from seat_assignments group by subscription_id',
    );
    for (const item of all) {
      expect(item.seatsUsed).toBe(Number(seats.find((row) => row.subscription_id === item.id)?.n ?? 0));
    }
    const collection = all.find((item) => item.name === 'Design & Engineering Collection')!;
    expect(collection.products.map((line) => line.product.code)).toEqual(['CIV', 'DRF', 'PLT', 'STR']);
    expect(collection).toMatchObject({ seatsTotal: 12, team: { name: 'Arhitektura' } });
  });

  it('filters by team, status and search, and sorts', async () => {
    const team = all.find((item) => item.name === 'Structa BIM')!.team!;
    expect((await list({ filter: { teamId: team.id } })).map((item) => item.name)).toEqual(['Structa BIM']);
    expect((await list({ filter: { statuses: ['EXPIRED', 'CANCELLED'] } })).map((item) => item.name)).toEqual(['Sheet Metal Pro', 'Vault Docs']);
    expect((await list({ filter: { search: 'metal' } })).map((item) => item.name)).toEqual(['Sheet Metal Pro']);
    // Product names are searched too: Civilia is only in the collection.
    expect((await list({ filter: { search: 'civilia' } })).map((item) => item.name)).toEqual(['Design & Engineering Collection']);
    const byName = await list({ orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(byName[0]!.name).toBe('Vault Docs');
    const bySeats = await list({ orderBy: { field: 'SEATS' } });
    expect(bySeats.map((item) => item.seatsTotal)).toEqual([...bySeats.map((item) => item.seatsTotal)].sort((a, b) => a - b));
    expect(errorOf(await admin.graphql(SUBSCRIPTIONS, { filter: { search: 'x'.repeat(101) } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('pages the subscriptions and contracts as connections, in the same order as one long page', async () => {
    for (const orderBy of [{ field: 'NAME', direction: 'DESC' }, { field: 'SEATS' }, { field: 'STATUS' }]) {
      const whole = await list({ orderBy });
      const paged: SubscriptionNode[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const answer: { subscriptions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: SubscriptionNode }[] } } = dataOf(
          await admin.graphql(SUBSCRIPTIONS, { orderBy, first: 2, after }),
        );
        expect(answer.subscriptions.totalCount).toBe(whole.length);
        paged.push(...answer.subscriptions.edges.map((edge) => edge.node));
        if (!answer.subscriptions.pageInfo.hasNextPage) break;
        after = answer.subscriptions.pageInfo.endCursor;
      }
      expect(paged.map((item) => item.id)).toEqual(whole.map((item) => item.id));
    }
    const CONTRACT_PAGE = 'query ($after: String) { contracts(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    type Page = { contracts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };
    const first = dataOf(await admin.graphql<Page>(CONTRACT_PAGE, {})).contracts;
    const second = dataOf(await admin.graphql<Page>(CONTRACT_PAGE, { after: first.pageInfo.endCursor })).contracts;
    expect(first.totalCount).toBeGreaterThan(1);
    expect(second.edges[0]!.node.id).not.toBe(first.edges[0]!.node.id);
    expect(errorOf(await admin.graphql(CONTRACT_PAGE, { after: 'nonsense' })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows contract details with every subscription and product (F-51)', async () => {
    const drafter = all.find((item) => item.name === 'Drafter')!;
    const { contract } = dataOf(await admin.graphql<{ contract: ContractNode }>(CONTRACT, { id: drafter.contract.id }));
    expect(contract).toMatchObject({ number: '110004567891', status: 'EXPIRING', team: { name: 'Arhitektura' }, seatsTotal: 32 });
    expect(contract.subscriptions.map((item) => item.name)).toEqual(['Design & Engineering Collection', 'Drafter']);
    expect(errorOf(await admin.graphql(CONTRACT, { id: 'not-an-id' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    expect(errorOf(await other.graphql(CONTRACT, { id: drafter.contract.id })).extensions?.code).toBe('NOT_FOUND');
  });

  it('exports the list and the products of a subscription as CSV, parsed back equal (F-50, F-52)', async () => {
    const response = await rest(app, admin, '/api/exports/subscriptions.csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''));
    expect(lines[0]![0]).toBe('Subscription');
    // Enum values in the reader's words, as the SPA shows them (issue 22, item 9).
    const statusWords: Record<string, [string, string]> = { ACTIVE: ['Active', 'Aktivna'], EXPIRING: ['Expiring', 'Poteka'], EXPIRED: ['Expired', 'Potekla'], CANCELLED: ['Cancelled', 'Preklicana'] };
    expect(lines.slice(1).map((line) => [line[0], line[3], Number(line[9]), Number(line[10])])).toEqual(
      all.map((item) => [item.name, statusWords[item.status]![0], item.seatsUsed, item.seatsTotal]),
    );
    expect(new Set(lines.slice(1).map((line) => line[6]))).toEqual(new Set(['Single-user', 'Multi-user', 'Network', 'Cloud (Flex)']));

    // Slovenian: what Slovenian Excel opens as columns (`;`), with a BOM, the enum values in Slovenian.
    const bytes = Buffer.from(await (await rest(app, admin, '/api/exports/subscriptions.csv?lang=sl')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const slovenian = bytes.subarray(3).toString('utf8');
    expect(slovenian.startsWith('Naročnina;Serijska številka;Pogodba;Stanje;')).toBe(true);
    const slLines: string[][] = parse(slovenian, { delimiter: ';' });
    expect(slLines.slice(1).map((line) => line[3])).toEqual(all.map((item) => statusWords[item.status]![1]));
    expect(slLines.slice(1).map((line) => line[5])).toContain('Letno');
    expect(slLines.slice(1).map((line) => line[6])).toContain('Za enega uporabnika');

    // XLSX: days are dates, written as each language writes a day.
    for (const [lang, format] of [['en', 'yyyy-mm-dd'], ['sl', 'd. m. yyyy']] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await (await rest(app, admin, `/api/exports/subscriptions.xlsx?lang=${lang}`)).arrayBuffer()) as unknown as ArrayBuffer);
      const first = workbook.worksheets[0]!.getRow(2);
      const name = String(first.getCell(1).value);
      const item = all.find((candidate) => candidate.name === name)!;
      expect(first.getCell(8).value).toEqual(new Date(`${item.startsOn}T00:00:00Z`));
      expect(first.getCell(9).value).toEqual(new Date(`${item.endsOn}T00:00:00Z`));
      expect(first.getCell(9).numFmt).toBe(format);
    }

    const collection = all.find((item) => item.name === 'Design & Engineering Collection')!;
    const products: string[][] = parse(
      (await (await rest(app, admin, `/api/exports/subscription-products.csv?subscriptionId=${collection.id}&lang=sl`)).text()).replace(/^\uFEFF/, ''),
      { delimiter: ';' },
    );
    expect(products[0]![0]).toBe('Izdelek');
    expect(products.slice(1).map((line) => line[1])).toEqual(['CIV', 'DRF', 'PLT', 'STR']);
    expect((await rest(app, admin, '/api/exports/subscription-products.csv?subscriptionId=nope')).status).toBe(404);
    expect((await rest(app, admin, '/api/exports/subscriptions.pdf')).status).toBe(400);
  });

  it('Insights: seats purchased, assigned and unassigned per team and product on running subscriptions (F-30)', async () => {
    const { insights } = dataOf(await admin.graphql<{ insights: { team: { name: string } | null; product: { code: string }; purchased: number; assigned: number; unassigned: number }[] }>(INSIGHTS));
    const row = (team: string | null, code: string) => insights.find((item) => (item.team?.name ?? null) === team && item.product.code === code);
    const used = (name: string) => all.find((item) => item.name === name)!.seatsUsed;
    expect(row('Arhitektura', 'DRF')).toMatchObject({ purchased: 32, assigned: used('Drafter') + used('Design & Engineering Collection') });
    expect(row('Arhitektura', 'STR')).toMatchObject({ purchased: 12, assigned: used('Design & Engineering Collection') });
    expect(row('Gradbeništvo', 'STR')).toMatchObject({ purchased: 8, assigned: used('Structa BIM'), unassigned: 8 - used('Structa BIM') });
    expect(row(null, 'RND')).toMatchObject({ purchased: 10 });
    // Cancelled (Vault Docs) and expired (Sheet Metal Pro) subscriptions hold no seats to distribute.
    expect(insights.some((item) => ['VLT', 'SMP'].includes(item.product.code))).toBe(false);
    const team = all.find((item) => item.name === 'Structa BIM')!.team!;
    const { insights: one } = dataOf(await admin.graphql<{ insights: { team: { name: string } }[] }>(INSIGHTS, { teamId: team.id }));
    expect(new Set(one.map((item) => item.team.name))).toEqual(new Set(['Gradbeništvo']));
  });

  it('the admin home shows renewals in 30/60/90 days, expired ones, releases and support requests (F-10)', async () => {
    const { adminHome } = dataOf(await admin.graphql<{ adminHome: HomeNode }>(HOME));
    expect(adminHome).toMatchObject({ renewingIn30: 2, renewingIn60: 3, renewingIn90: 4, expired: 1, openSupportRequestCount: 2 });
    expect(adminHome.renewals.map((item) => item.name)).toEqual([
      'Sheet Metal Pro', 'Motion Studio', 'Drafter', 'Design & Engineering Collection', 'Structa BIM',
    ]);
    expect(adminHome.releases).toHaveLength(5);
    expect(adminHome.releases[0]).toMatchObject({ version: '2026', releasedOn: '2025-03-25' });

    const opened = dataOf(await admin.graphql<{ openSupportRequest: { subject: string; status: string; openedBy: string } }>(
      'mutation($input: OpenSupportRequestInput!) { openSupportRequest(input: $input) { subject status openedBy } }',
      { input: { subject: '  Need more Drafter seats  ' } },
    )).openSupportRequest;
    expect(opened).toEqual({ subject: 'Need more Drafter seats', status: 'OPEN', openedBy: 'Ana Novak' });
    const after = dataOf(await admin.graphql<{ adminHome: HomeNode }>(HOME)).adminHome;
    expect(after.openSupportRequestCount).toBe(3);
    expect(after.openSupportRequests[0]!.subject).toBe('Need more Drafter seats');
    const bad = errorOf(await admin.graphql('mutation { openSupportRequest(input: { subject: "x" }) { id } }'));
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subject' });
  });

  it('a plain user sees none of it', async () => {
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    for (const query of [SUBSCRIPTIONS, HOME, INSIGHTS, '{ contracts { totalCount } }']) {
      expect(errorOf(await user.graphql(query)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await rest(app, user, '/api/exports/subscriptions.csv')).status).toBe(403);
  });
});
