import {
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLOutputType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../src/common/pagination.js';
import { loadConfig } from '../src/config.js';
import { costEstimator } from '../src/graphql/limits.js';
import { buildGraphqlSchema } from '../src/graphql/schema.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { accountId } from './fixtures/accounts.js';
import { rootOperations } from './operation-probe.js';
import { signInDemoOperator } from './vendor-helpers.js';

const schema = await buildGraphqlSchema();
const { maxCost } = loadConfig({}).graphql;

/** Every field a client could select, objects nested up to `depth` levels, nothing twice on a path. */
function fullSelection(type: GraphQLOutputType, depth: number, path: Set<string>): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values((named as GraphQLObjectType).getFields()).flatMap((field) => {
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) return [field.name];
    // Only fields without required arguments: a connection's nested lists need none.
    if (depth === 0 || path.has(inner.name) || field.args.some((arg) => isNonNullType(arg.type))) return [];
    const selection = fullSelection(field.type, depth - 1, new Set([...path, inner.name]));
    return selection === '{ }' ? [] : [`${field.name} ${selection}`];
  });
  return `{ ${fields.join(' ')} }`;
}

/** A value for each required argument a paged list takes besides `first`. */
const samples: Record<string, unknown> = {
  'DateRangeInput!': { from: '2026-10-26', to: '2026-11-25' },
  'UUID!': '00000000-0000-4000-8000-000000000000',
};

const pagedQueries = rootOperations(schema).filter(
  ({ kind, field }) => kind === 'query' && field.args.some((arg) => arg.name === 'first'),
);

/** Every root connection, with its required arguments as variables (samples above). */
const connectionQueries = rootOperations(schema)
  .filter(({ kind, field }) => kind === 'query' && getNamedType(field.type).name.endsWith('Connection'))
  .map(({ field }) => {
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
    const document = (first: number) =>
      `query Page${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}(${[`first: ${first}`, ...required.map((arg) => `${arg.name}: $${arg.name}`)].join(', ')}) { totalCount edges { cursor } } }`;
    const variables = Object.fromEntries(required.map((arg) => [arg.name, samples[arg.type.toString()]]));
    // The Vendor console's lists are the staff's: asked by the demo operator, about the demo customer.
    const vendor = 'vendorPermission' in (field.extensions ?? {});
    return { name: field.name, document, variables, vendor, uuidArgs: required.filter((arg) => arg.type.toString() === 'UUID!').map((arg) => arg.name) };
  });

describe('query cost of connections', () => {
  it('finds every connection', () => {
    expect(connectionQueries.map(({ name }) => name)).toEqual(expect.arrayContaining(['users', 'auditLog', 'apiTokens', 'invitations', 'outbox']));
  });

  it.each(connectionQueries.map((entry) => [entry.name, entry] as const))('%s: first is priced, first: 100 costs more than first: 10', (_name, entry) => {
    const cost = (first: number) => getComplexity({ schema, query: parse(entry.document(first)), variables: entry.variables, estimators: [costEstimator] });
    expect(cost(100)).toBeGreaterThan(cost(10));
    expect(cost(100) - 1).toBe(10 * (cost(10) - 1));
  });
});

describe.each(drivers)('a first above the largest page (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let operator: TestClient;
  let customer: string;
  /** The endpoint whose delivery log each of these lists pages through; the person whose devices `userDevices` lists; the export whose runs `reportExportRuns` lists. */
  const endpoints: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_DEMO: '1' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    operator = await signInDemoOperator(app);
    customer = await accountId(app);
    // A delivery log is an endpoint's: one of the account's and one of the vendor's to page through.
    const input = { url: 'https://hooks.example.com/seatwise', events: ['SEAT_ASSIGNED'] };
    endpoints.webhookAttempts = dataOf(
      await admin.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>('mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }', { input }),
    ).createWebhookEndpoint.endpoint.id;
    endpoints.vendorWebhookAttempts = dataOf(
      await operator.graphql<{ createVendorWebhookEndpoint: { endpoint: { id: string } } }>('mutation ($input: CreateWebhookEndpointInput!) { createVendorWebhookEndpoint(input: $input) { endpoint { id } } }', { input }),
    ).createVendorWebhookEndpoint.endpoint.id;
    endpoints.userDevices = dataOf(await admin.graphql<{ me: { id: string } }>('{ me { id } }')).me.id;
    // A scheduled export's runs are its own: one export to page through.
    endpoints.reportExportRuns = dataOf(
      await admin.graphql<{ createReportExport: { id: string } }>('mutation ($input: ReportExportInput!) { createReportExport(input: $input) { id } }', {
        input: { name: 'Runs', kind: 'USERS', format: 'CSV', frequency: 'DAILY', rangeKind: 'SINCE_LAST_RUN', recipientIds: [endpoints.userDevices] },
      }),
    ).createReportExport.id;
  });
  afterAll(() => app?.close());

  it.each(connectionQueries.map((entry) => [entry.name, entry] as const))('%s(first: 101) is BAD_USER_INPUT naming first; first: 100 is served', async (_name, entry) => {
    const client = entry.vendor ? operator : admin;
    const ids = entry.uuidArgs.map((name) => [name, name === 'endpointId' || name === 'userId' || name === 'exportId' ? endpoints[entry.name] : entry.vendor ? customer : entry.variables[name]]);
    const variables = { ...entry.variables, ...Object.fromEntries(ids) };
    const error = errorOf(await client.graphql(entry.document(MAX_PAGE_SIZE + 1), variables));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(error.message).toContain('first');
    dataOf(await client.graphql(entry.document(MAX_PAGE_SIZE), variables));
  });
});

describe('query cost Q-03', () => {
  it('finds the paged lists', () => {
    expect(pagedQueries.map(({ field }) => field.name)).toEqual(expect.arrayContaining(['users', 'apiTokens']));
  });

  it.each(pagedQueries.map(({ field }) => [field.name, field] as const))(
    '%s: the largest page with every field stays within the default cost',
    (_name, field) => {
      const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
      const largest = (field.extensions as { paging?: { max: number } }).paging?.max ?? MAX_PAGE_SIZE;
      const args = [`first: ${largest}`, ...required.map((arg) => `${arg.name}: $${arg.name}`)];
      const document = parse(
        `query Largest${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}(${args.join(', ')}) ${fullSelection(field.type, 4, new Set())} }`,
      );
      const variables = Object.fromEntries(required.map((arg) => [arg.name, samples[arg.type.toString()]]));
      const missing = required.filter((arg) => variables[arg.name] === undefined).map((arg) => arg.type.toString());
      expect(missing, 'add a sample value for these argument types').toEqual([]);
      const cost = getComplexity({ schema, query: document, variables, estimators: [costEstimator] });
      expect(cost).toBeGreaterThan(largest);
      expect(cost, `${field.name}(first: ${largest}) costs ${cost}`).toBeLessThanOrEqual(maxCost);
    },
  );

  it('counts a paged list once per row asked for', () => {
    const cost = (first: number) =>
      getComplexity({ schema, query: parse(`{ users(first: ${first}) { edges { node { id } } } }`), estimators: [costEstimator] });
    expect(cost(100) - 1).toBe(10 * (cost(10) - 1));
  });

  it('prices seatUsageByUser by its own largest page of 500 rows, which fits with every field', () => {
    const rows = 'rows { assignmentId daysUsed idleDays lastUsedOn minutes subscription { id } }';
    const cost = (first: number) =>
      getComplexity({
        schema,
        query: parse(`query($r: DateRangeInput!) { seatUsageByUser(range: $r, first: ${first}) { totalCount ${rows} } }`),
        variables: { r: samples['DateRangeInput!'] },
        estimators: [costEstimator],
      });
    expect(cost(500)).toBeGreaterThan(cost(100) * 4);
    expect(cost(1000)).toBe(cost(500));
  });

  it('prices invitations and outbox as connections: by first, 25 when omitted, at most 100', () => {
    const cost = (query: string) => getComplexity({ schema, query: parse(query), estimators: [costEstimator] });
    expect(cost('{ invitations { edges { node { id } } } }')).toBe(cost('{ invitations(first: 25) { edges { node { id } } } }'));
    expect(cost('{ invitations(first: 100) { edges { node { id } } } }') - 1).toBe(10 * (cost('{ invitations(first: 10) { edges { node { id } } } }') - 1));
    expect(cost('{ outbox(first: 100) { edges { node { to } } } }') - 1).toBe(10 * (cost('{ outbox(first: 10) { edges { node { to } } } }') - 1));
  });
});

describe('query cost of a bounded list', () => {
  it('prices a @Bounded list by the rows it can hold, not as one row', () => {
    const row = new GraphQLObjectType({ name: 'Row', fields: { id: { type: GraphQLString } } });
    const query = new GraphQLObjectType({ name: 'Query', fields: { rows: { type: new GraphQLList(row), extensions: { bounded: 40 } } } });
    const cost = getComplexity({ schema: new GraphQLSchema({ query }), query: parse('{ rows { id } }'), estimators: [costEstimator] });
    expect(cost).toBe(1 + 40 * 1);
  });
});

describe('query cost of exports', () => {
  const cost = (query: string) => getComplexity({ schema, query: parse(query), estimators: [costEstimator] });

  it('prices auditLogCsv by the 50,000 rows it can return: one export fits the limit, two do not', () => {
    expect(cost('{ auditLogCsv }')).toBe(5001);
    expect(cost('{ auditLogCsv }')).toBeLessThanOrEqual(maxCost);
    expect(cost('{ a: auditLogCsv b: auditLogCsv }')).toBeGreaterThan(maxCost);
  });
});
