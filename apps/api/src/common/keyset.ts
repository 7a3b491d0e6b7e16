import type { EntityManager, EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { PageArgs } from '@seatwise/schema';
import { connectionOf, cursorValue, decodeCursor, encodeCursor, pageSize } from './pagination.js';

/**
 * How an entity list is sorted for keyset paging: a property path (`['createdAt']`,
 * `['user', 'sortName']`), its direction, and whether it holds a date (the cursor keeps dates as
 * ISO text). The id breaks ties in the same direction, so the order is total and a page never
 * repeats or skips a row while others are added or removed.
 */
export interface KeysetOrder {
  path: readonly string[];
  direction: 'asc' | 'desc';
  date?: boolean;
}

/** `{ a: { b: leaf } }` for the path `['a', 'b']`. */
const nest = (path: readonly string[], leaf: unknown): Record<string, unknown> =>
  path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf) as Record<string, unknown>;

const valueAt = (row: object, path: readonly string[]): string | number | Date =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], row) as string | number | Date;

/**
 * A connection over an entity's rows (`where`, the ORM's tenant filter applying as ever): one page
 * of `first + 1` rows after the cursor in `order`, and their total. `nodesOf` maps the page's rows
 * (it may load more for all of them at once).
 */
export async function entityConnection<T extends { id: string }, Node>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  order: KeysetOrder,
  args: PageArgs,
  nodesOf: (rows: T[]) => Node[] | Promise<Node[]>,
  options: { populate?: readonly string[]; filters?: false } = {},
) {
  const limit = pageSize(args.first);
  const op = order.direction === 'asc' ? '$gt' : '$lt';
  let page = where;
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const value = order.date ? new Date(cursor.sortValue) : cursor.sortValue;
    const after = { $or: [nest(order.path, { [op]: value }), { ...nest(order.path, value), id: { [op]: cursor.id } }] };
    page = { $and: [where, after] } as FilterQuery<T>;
  }
  const orderBy = [nest(order.path, order.direction), { id: order.direction }];
  const [rows, totalCount] = await Promise.all([
    em.find(entity, page, { ...options, orderBy, limit: limit + 1 } as FindOptions<T, never>),
    em.count(entity, where, options.filters === false ? { filters: false } : {}),
  ]);
  const nodes = await nodesOf(rows.slice(0, limit) as T[]);
  const nodeById = new Map(rows.slice(0, limit).map((row, index) => [row.id, nodes[index]!]));
  return connectionOf(
    rows as T[],
    { limit, after: args.after, totalCount },
    (row) => encodeCursor(cursorValue(valueAt(row, order.path)), row.id),
    (row) => nodeById.get(row.id)!,
  );
}

/** A connection's page request, as its resolver receives it. */
export type { PageArgs } from '@seatwise/schema';

/** The newest rows first (by `createdAt`): most lists of things a person made. */
export const LATEST_FIRST: KeysetOrder = { path: ['createdAt'], direction: 'desc', date: true };
