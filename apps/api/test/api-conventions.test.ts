import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { boundOf } from '../src/graphql/limits.js';
import { buildGraphqlSchema } from '../src/graphql/schema.js';

const schema = await buildGraphqlSchema();
const types = Object.values(schema.getTypeMap());
const connections = types.filter((type): type is GraphQLObjectType => isObjectType(type) && type.name.endsWith('Connection'));
const fieldsReturningConnections = types
  .filter(isObjectType)
  .flatMap((type) => Object.values(type.getFields()).map((field) => ({ owner: type.name, field })))
  .filter(({ field }) => getNamedType(field.type).name.endsWith('Connection'));

/**
 * Root lists that are still plain lists, neither a connection nor `@Bounded` (issue 15, item 3):
 * each is to become a connection (or be declared bounded, with the bound in its description).
 * This list may only shrink: a new root list must be one or the other.
 */
const STILL_PLAIN = [
  'assignableSubscriptions',
  'cloudServicesUsageByUser',
  'insights',
  'productEntitlements',
  'trialOffers',
  'userSeats',
];

const returnsList = (field: GraphQLField<unknown, unknown>) => isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
const rootQueries = Object.values(schema.getQueryType()?.getFields() ?? {});
/** A page with `first` whose sizes the cost limit knows (`@Paged`: an offset page such as seatUsageByUser). */
const isPriced = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => arg.name === 'first') && (field.extensions as { paging?: unknown }).paging !== undefined;
const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection');

const typeOf = (field: { type: { toString(): string } } | undefined) => field?.type.toString();

/** The same list shape everywhere (docs/api.md): a client pages, filters and sorts every list alike. */
describe('API conventions', () => {
  it('has connections to check', () => {
    expect(connections.map((type) => type.name)).toEqual(expect.arrayContaining(['UserConnection', 'ApiTokenConnection']));
  });

  it.each(connections.map((type) => [type.name, type] as const))('%s has edges, pageInfo and totalCount', (name, type) => {
    const fields = type.getFields();
    const node = name.replace(/Connection$/, '');
    expect(typeOf(fields.edges)).toBe(`[${node}Edge!]!`);
    expect(typeOf(fields.pageInfo)).toBe('PageInfo!');
    expect(typeOf(fields.totalCount)).toBe('Int!');
    const edge = schema.getType(`${node}Edge`) as GraphQLObjectType;
    expect(typeOf(edge.getFields().cursor)).toBe('String!');
    expect(typeOf(edge.getFields().node)).toBe(`${node}!`);
  });

  it.each(fieldsReturningConnections.map(({ owner, field }) => [`${owner}.${field.name}`, field] as const))(
    '%s pages with first/after, filters with one *Filter input and sorts with one *Order input',
    (_name, field) => {
      expect(isNonNullType(field.type)).toBe(true);
      const args = new Map(field.args.map((arg) => [arg.name, arg]));
      expect(typeOf(args.get('first'))).toBe('Int');
      expect(typeOf(args.get('after'))).toBe('String');
      for (const arg of field.args) {
        if (['first', 'after'].includes(arg.name)) continue;
        if (arg.name === 'filter') {
          expect(isInputObjectType(arg.type) && arg.type.name.endsWith('Filter'), `${field.name}(filter) is a *Filter input`).toBe(true);
        } else if (arg.name === 'orderBy') {
          const named = getNamedType(arg.type);
          expect(isInputObjectType(named) && named.name.endsWith('Order') && !isListType(arg.type), `${field.name}(orderBy)`).toBe(true);
        } else if (!isNonNullType(arg.type)) {
          // A required argument may say what is listed (an id, a date range); optional criteria are filters.
          expect.fail(`${field.name}(${arg.name}): optional criteria of a list belong in its *Filter input`);
        }
      }
    },
  );

  it('lists every root query that returns many rows as a connection, a priced page or a bounded list', () => {
    const unpriced = rootQueries
      .filter((field) =>
        returnsList(field)
          ? boundOf(field.extensions) === undefined
          : !isConnection(field) && field.args.some((arg) => arg.name === 'first') && !isPriced(field),
      )
      .map((field) => field.name)
      .sort();
    expect(unpriced, 'a new root list: make it a connection, or @Bounded(rows) with the bound in its description').toEqual(STILL_PLAIN);
  });
});
