import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Language } from '@seatwise/schema';
import { type Cell, csvStream } from '../../common/csv.js';
import { csvDialects } from '../../i18n/formats.js';
import { type Message, render } from '../../i18n/messages.js';

export type TableFormat = 'csv' | 'xlsx' | 'json';

/**
 * A column: its heading from the catalogues (`msg('Seats used')`) and how a row fills it. A cell may be
 * a message (an enum's label, `statusLabels[row.status]`), written in the reader's language; a
 * `date` column holds ISO days (`2026-12-07`), real dates in XLSX.
 */
export interface Column<Row> {
  heading: Message;
  value: (row: Row) => Cell | Message;
  kind?: 'date';
}

/** A file's content: the XLSX sheet name, its columns and its rows, page by page (so a big report is never held whole). */
export interface TableSource<Row> {
  sheet: Message;
  columns: Column<Row>[];
  pages: AsyncIterable<Row[]> | Iterable<Row[]>;
}

const isMessage = (value: Cell | Message): value is Message => typeof value === 'object' && value !== null;

/** The day format of a date cell in XLSX, as each language writes a day. */
const xlsxDayFormat: Record<Language, string> = { [Language.EN]: 'yyyy-mm-dd', [Language.SL]: 'd. m. yyyy' };

/** An ISO day as the Date at its UTC midnight, what ExcelJS writes as that day. */
const dayCell = (value: Cell): Date | Cell => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value);

export const contentTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Waits for `out` to take more when it says it is full: a slow disk or client holds the reader back. */
async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes a table to `out` as CSV (the one writer of common/csv.ts, text cells neutralised, the
 * reader's dialect), XLSX (ExcelJS's streaming writer: each row is committed to the zip as it comes,
 * so memory stays flat however many rows) or JSON (an array of objects keyed by the headings).
 * XLSX cells are typed: text is a string cell, which a spreadsheet never runs as a formula; days are
 * dates in the reader's format. Ends `out`; answers how many rows it wrote.
 */
export async function writeTable<Row>(out: Writable, table: TableSource<Row>, format: TableFormat, language: Language): Promise<number> {
  const { columns } = table;
  const header = columns.map((column) => render(column.heading, language));
  const cellsOf = (row: Row) =>
    columns.map((column): Cell => {
      const value = column.value(row);
      return isMessage(value) ? render(value, language) : value;
    });
  let count = 0;
  if (format === 'csv') {
    const csv = csvStream(csvDialects[language]);
    csv.pipe(out);
    const ended = once(out, 'finish');
    csv.write(header);
    for await (const page of table.pages) {
      for (const row of page) if (!csv.write(cellsOf(row))) await once(csv, 'drain');
      count += page.length;
    }
    csv.end();
    await ended;
    return count;
  }
  if (format === 'json') {
    await put(out, '[');
    for await (const page of table.pages) {
      for (const row of page) {
        const cells = cellsOf(row);
        await put(out, (count++ ? ',\n' : '\n') + JSON.stringify(Object.fromEntries(header.map((heading, index) => [heading, cells[index] ?? null]))));
      }
    }
    const ended = once(out, 'finish');
    out.end(count ? '\n]\n' : ']\n');
    await ended;
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(render(table.sheet, language), { views: [{ state: 'frozen', ySplit: 1 }] });
  let widthsSet = false;
  const setWidths = (sample: Cell[][]) => {
    sheet.columns = columns.map((column, index) => {
      const widest = Math.max(header[index]!.length, ...sample.map((row) => String(row[index] ?? '').length));
      return { width: Math.min((column.kind === 'date' ? Math.max(widest, 12) : widest) + 2, 50) };
    });
    widthsSet = true;
    const heading = sheet.addRow(header);
    heading.font = { bold: true };
    heading.commit();
  };
  for await (const page of table.pages) {
    const cells = page.map(cellsOf);
    if (!widthsSet) setWidths(cells.slice(0, 200));
    for (const row of cells) {
      const added = sheet.addRow(row.map((value, index) => (columns[index]!.kind === 'date' ? dayCell(value) : value)));
      added.eachCell((cell, number) => {
        if (columns[number - 1]!.kind === 'date' && cell.value instanceof Date) cell.numFmt = xlsxDayFormat[language];
      });
      added.commit();
    }
    count += page.length;
  }
  if (!widthsSet) setWidths([]);
  sheet.commit();
  await workbook.commit();
  return count;
}
