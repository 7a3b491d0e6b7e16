import { parse } from 'csv-parse/sync';
import { InvalidInputError, msg } from '../../../errors.js';

export const MAX_IMPORT_ROWS = 20_000;
export const TEMPLATE_COLUMNS = ['email', 'first name', 'last name', 'role', 'team', 'products'] as const;
/** Several products in one cell; "|" because the cell separator may be a comma or a semicolon. */
export const PRODUCT_SEPARATOR = '|';

export interface CsvPerson {
  /** Line in the file (the header is line 1). */
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  team: string;
  products: string[];
}

type Column = 'email' | 'firstName' | 'lastName' | 'role' | 'team' | 'products';

/** Header names in the template, Autodesk Account's own three-column template, and Slovenian. */
const headerNames: Record<string, Column> = {
  email: 'email',
  emailaddress: 'email',
  epošta: 'email',
  eposta: 'email',
  firstname: 'firstName',
  givenname: 'firstName',
  ime: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  priimek: 'lastName',
  role: 'role',
  vloga: 'role',
  team: 'team',
  ekipa: 'team',
  products: 'products',
  product: 'products',
  izdelki: 'products',
  izdelek: 'products',
};

const headerKey = (cell: string) => cell.toLowerCase().replace(/[\s_\-*]/g, '');

/** Semicolon when the header has more semicolons than commas (spreadsheets set to a European locale). */
function detectDelimiter(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The line each record starts on, from where csv-parse finished it (`info.bytes`, exact). Its own
 * `info.lines` is the record's last line, and counts a CRLF inside quotes as two, so a cell that
 * spans lines would move its own row and every row after it. Blank lines before a record are
 * skipped, as the parser skips them.
 */
function startLines(text: string, ends: number[]): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const isBreak = (at: number) => bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF);
  const starts: number[] = [];
  let line = 1;
  let at = 0;
  for (const end of ends) {
    for (; at < end && [LF, CR, 0x20, 0x09].includes(bytes[at]!); at += 1) if (isBreak(at)) line += 1;
    starts.push(line);
    for (; at < end; at += 1) if (isBreak(at)) line += 1;
  }
  return starts;
}

/**
 * Reads an import file: UTF-8 with or without BOM, comma or semicolon separated, quoted fields,
 * LF or CRLF. Each person carries the line its row starts on; errors name the line; a missing
 * required column names the column.
 */
export function readPeopleCsv(text: string): CsvPerson[] {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    // The parser's own words (English) say what is wrong; they go in as a value.
    const problem = (error as Error).message.replace(/^Invalid [^:]*: /, '');
    throw new InvalidInputError(
      'csv',
      line ? msg('The file could not be read at line {line}: {problem}', { line, problem }) : msg('The file could not be read: {problem}', { problem }),
    );
  }
  const [first, ...rows] = records;
  const header = first?.record;
  if (!header) throw new InvalidInputError('csv', msg('The file is empty: it needs a header row and one row per person.'));
  const columns = new Map<Column, number>();
  header.forEach((cell, index) => {
    const column = headerNames[headerKey(cell)];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  for (const [column, label] of [['email', 'email'], ['firstName', 'first name'], ['lastName', 'last name']] as const) {
    if (!columns.has(column)) {
      throw new InvalidInputError('csv', msg('The file has no "{column}" column. Its header row must name email, first name and last name (see the template).', { column: label }));
    }
  }
  if (rows.length === 0) throw new InvalidInputError('csv', msg('The file has a header row but no people.'));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new InvalidInputError('csv', msg('A file can hold at most {max} people; this one has {count}.', { max: MAX_IMPORT_ROWS, count: rows.length }));
  }
  const cell = (row: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (row[index] ?? '');
  };
  const lines = startLines(text, records.map(({ info }) => info.bytes)).slice(1);
  return rows.map(({ record: row }, index) => ({
    line: lines[index]!,
    email: cell(row, 'email'),
    firstName: cell(row, 'firstName'),
    lastName: cell(row, 'lastName'),
    role: cell(row, 'role'),
    team: cell(row, 'team'),
    products: cell(row, 'products')
      .split(PRODUCT_SEPARATOR)
      .map((product) => product.trim())
      .filter(Boolean),
  }));
}

export function importTemplate(): string {
  return `${TEMPLATE_COLUMNS.join(',')}\r\nana.novak@example.com,Ana,Novak,User,Arhitektura,Drafter\r\nmarko.kos@example.com,Marko,Kos,Secondary admin,,Drafter|Structa BIM\r\n`;
}
