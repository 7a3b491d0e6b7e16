import { type Options, stringify as stringifyStream, type Stringifier } from 'csv-stringify';
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

/** How a reader's spreadsheet splits a CSV line: `,` and a decimal point, or `;` and a decimal comma. */
export interface CsvDialect {
  delimiter: ',' | ';';
  decimalComma: boolean;
}

export const commaCsv: CsvDialect = { delimiter: ',', decimalComma: false };
/** What Excel expects where the decimal separator is a comma (Slovenian and most of Europe). */
export const semicolonCsv: CsvDialect = { delimiter: ';', decimalComma: true };

/**
 * Every CSV file Seatwise writes (report exports, the audit log, the import report): UTF-8 with a
 * BOM so Excel reads č and š, a header row, every text cell neutralised; `dialect` for the reader's
 * spreadsheet (a comma by default).
 */
export function csvText(header: string[], rows: Cell[][], dialect: CsvDialect = commaCsv): string {
  return stringify([header, ...rows], csvOptions(dialect));
}

const csvOptions = (dialect: CsvDialect): Options => ({
  bom: true,
  delimiter: dialect.delimiter,
  cast: {
    string: (value) => neutralise(value) as string,
    number: (value) => (dialect.decimalComma ? String(value).replace('.', ',') : String(value)),
  },
});

/** The same file as `csvText`, row by row: write the header, then each row, then end it. */
export const csvStream = (dialect: CsvDialect = commaCsv): Stringifier => stringifyStream(csvOptions(dialect));
