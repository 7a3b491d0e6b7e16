import { InvalidInputError, msg } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** A list's page sizes: what `first` is when omitted and the most it may be (the cost limit prices by these). */
export interface PageSizes {
  default: number;
  max: number;
}

/** A page request, validated: the same bounds and messages for every connection. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError('first', msg('first must be a whole number from 1 to {max}.', { max: MAX_PAGE_SIZE }));
  }
  return first;
}

/** Cursor = the sort key and id of a row, so the next page starts right after it (keyset paging). */
export function encodeCursor(sortValue: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string | number; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return { sortValue: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError('after', msg('after is not a cursor of this list: pass an endCursor you received.'));
}

/** The sort value of a row as its cursor keeps it: a date as ISO text, a number or text as read. */
export const cursorValue = (value: string | number | Date): string | number => (value instanceof Date ? value.toISOString() : value);

/**
 * A connection from one page read with `limit + 1` rows (the extra row only says a next page
 * exists): edges with cursors, pageInfo and the total.
 */
export function connectionOf<Row, Node>(
  rows: Row[],
  page: { limit: number; after?: string | null; totalCount: number },
  cursorOf: (row: Row) => string,
  nodeOf: (row: Row) => Node,
) {
  const edges = rows.slice(0, page.limit).map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
