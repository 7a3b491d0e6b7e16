/**
 * Helpers for statements over many rows at once. At up to 16 values a row, this many rows stay well
 * under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */
export const ROWS_PER_INSERT = 2000;

/** `items` in consecutive slices of `size`. */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** `?, ?, ?`: placeholders for a list of `count` values. */
export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** `(?, ?), (?, ?)`: the VALUES of `count` rows of `width` values each. */
export const valueRows = (count: number, width: number) => Array.from({ length: count }, () => `(${placeholders(width)})`).join(', ');
