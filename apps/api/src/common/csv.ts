import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;

/**
 * A spreadsheet opens a text cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: such text gets a leading apostrophe, so an exported name can never run as one (OWASP
 * "CSV injection"). Numbers stay numbers.
 */
export function neutralise(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Every CSV file Seatwise writes (report exports, the audit log, the import report): UTF-8 with a
 * BOM so Excel reads č and š, a header row, every text cell neutralised.
 */
export function csvText(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows], { bom: true, cast: { string: (value) => neutralise(value) as string } });
}
