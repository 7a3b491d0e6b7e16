import {
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphqlSchema } from '../src/graphql/schema.js';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { type RootOperation, rootOperations, sampleValue } from './operation-probe.js';

const schema = await buildGraphqlSchema();

/** One place an operation takes an id: an argument, or a field of an input somewhere under one. */
interface IdPlace {
  operation: RootOperation;
  /** Argument name, then input field names. */
  path: string[];
  /** The places in `path` that are lists of inputs (the id is then in the first of them). */
  listAt: number[];
  isList: boolean;
}

const isIdType = (type: GraphQLInputType) => ['ID', 'UUID'].includes(getNamedType(type).name);

function placesUnder(operation: RootOperation, type: GraphQLInputType, path: string[], seen: Set<string>, listAt: number[] = []): IdPlace[] {
  if (isIdType(type)) return [{ operation, path, listAt, isList: isListType(getNullableType(type)) }];
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const lists = isListType(getNullableType(type)) ? [...listAt, path.length - 1] : listAt;
  return Object.values(named.getFields()).flatMap((field) =>
    placesUnder(operation, field.type, [...path, field.name], new Set([...seen, named.name]), lists),
  );
}

// Every id argument and input field of the built schema, of any id type: a new operation, or one
// that still takes `ID`, is covered without touching this file.
const places = rootOperations(schema).flatMap((operation) =>
  operation.field.args.flatMap((arg) => placesUnder(operation, arg.type, [arg.name], new Set())),
);

const MALFORMED: unknown[] = [
  'not-a-uuid',
  '12345',
  12345,
  '\u0000',
  '0b9e6f4c-1d2a-4b3c-8d9e-0f1a2b3c4d5e}',
  '{0b9e6f4c-1d2a-4b3c-8d9e-0f1a2b3c4d5e}',
  'urn:uuid:0b9e6f4c-1d2a-4b3c-8d9e-0f1a2b3c4d5e',
];

/** The operation's required arguments with sample values, and `bad` at the place (in a list where it is one). */
function argumentsWith(place: IdPlace, bad: unknown): Record<string, unknown> {
  const { field } = place.operation;
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) values[arg.name] = sampleValue(arg.type);
  }
  const [argName, ...fieldNames] = place.path as [string, ...string[]];
  let type = field.args.find((arg) => arg.name === argName)!.type;
  let holder = values;
  let key = argName;
  for (const [index, name] of fieldNames.entries()) {
    if (place.listAt.includes(index)) {
      // A list of inputs: the id goes into its first one.
      holder[key] = [sampleValue(getNamedType(type) as GraphQLInputType)];
      holder = (holder[key] as Record<string, unknown>[])[0]!;
    } else {
      holder[key] ??= sampleValue(type);
      holder = holder[key] as Record<string, unknown>;
    }
    type = (getNamedType(type) as { getFields(): Record<string, { type: GraphQLInputType }> }).getFields()[name]!.type;
    key = name;
  }
  holder[key] = place.isList ? [bad] : bad;
  return values;
}

/** `value` written into the document, as a client would type it. */
function literal(value: unknown, type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) return `[${value.map((item) => literal(item, nullable.ofType)).join(', ')}]`;
  if (isEnumType(nullable)) return String(value);
  if (isInputObjectType(nullable) && value && typeof value === 'object') {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value)
      .map(([name, item]) => `${name}: ${literal(item, fields[name]!.type)}`)
      .join(', ')} }`;
  }
  // JSON's string escapes (`\u0000` included) are GraphQL's too.
  return JSON.stringify(value);
}

function documents(place: IdPlace, bad: unknown) {
  const { kind, field } = place.operation;
  const values = argumentsWith(place, bad);
  const args = field.args.filter((arg) => arg.name in values);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  return {
    variable: {
      query: `${kind} (${declarations}) { ${field.name}(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})${selection} }`,
      variables: values,
    },
    inline: {
      query: `${kind} { ${field.name}(${args.map((arg) => `${arg.name}: ${literal(values[arg.name], arg.type)}`).join(', ')})${selection} }`,
    },
  };
}

const expectedField = (place: IdPlace) =>
  `${place.path.map((name, index) => (place.listAt.includes(index) ? `${name}[0]` : name)).join('.')}${place.isList ? '[0]' : ''}`;

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('malformed ids (hardening item 5)', () => {
  it('finds every operation that takes an id', () => {
    const operations = new Set(places.map((place) => place.operation.field.name));
    expect(operations.size).toBeGreaterThanOrEqual(35);
    expect([...operations]).toEqual(expect.arrayContaining(['user', 'assignSeat', 'createDownloadLinks', 'endSession', 'auditLog']));
  });
});

describe.each(drivers)('malformed ids (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;

  const post = async (body: { query: string; variables?: Record<string, unknown> }, language = 'sl'): Promise<Answer> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': language,
        cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Answer;
  };

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    adminId = (dataOf(await admin.signIn('admin@example.com')) as { signIn: { viewer: { id: string } } }).signIn.viewer.id;
  });
  afterAll(() => app?.close());

  it.each(places.map((place) => [`${place.operation.field.name} ${expectedField(place)}`, place] as const))(
    '%s: a malformed id is BAD_USER_INPUT naming the field, as a variable and inline, before anything runs',
    async (_name, place) => {
      const field = expectedField(place);
      for (const bad of MALFORMED) {
        const { variable, inline } = documents(place, bad);
        for (const [form, request] of [
          ['variable', variable],
          ['inline', inline],
        ] as const) {
          const answer = await post(request);
          const context = `${form} ${JSON.stringify(bad)}: ${JSON.stringify(answer)}`;
          // No `data` at all: the request was refused while being read, before any resolver ran.
          expect(answer.data, context).toBeUndefined();
          expect(answer.errors?.map((error) => error.extensions?.code), context).toEqual(['BAD_USER_INPUT']);
          expect(answer.errors?.[0]?.extensions, context).toMatchObject({ field });
          expect(answer.errors?.[0]?.message, context).toBe(`Vrednost polja ${field} ni pravega tipa.`);
        }
      }
    },
  );

  it('says it in English to everyone else, with graphql-js words in detail', async () => {
    const answer = await post({ query: 'query ($id: UUID!) { user(id: $id) { id } }', variables: { id: 'not-a-uuid' } }, 'en');
    expect(answer.errors?.[0]).toMatchObject({
      message: 'The value given for id is not of the right type.',
      extensions: { code: 'BAD_USER_INPUT', field: 'id', detail: expect.stringMatching(/not a UUID/) },
    });
    const inline = await post({ query: '{ user(id: "12345") { id } }' }, 'en');
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', detail: expect.stringMatching(/not a UUID/) });
  });

  it('reads an id in upper case as the same id', async () => {
    const upper = adminId.toUpperCase();
    const asVariable = await admin.graphql<{ user: { id: string } }>('query ($id: UUID!) { user(id: $id) { id } }', { id: upper });
    expect(dataOf(asVariable).user.id).toBe(adminId);
    const inline = await admin.graphql<{ user: { id: string } }>(`{ user(id: "${upper}") { id } }`);
    expect(dataOf(inline).user.id).toBe(adminId);
  });
});
