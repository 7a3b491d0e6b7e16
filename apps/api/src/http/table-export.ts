import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { type Cell, csvText } from '../common/csv.js';
import { csvDialects } from '../i18n/formats.js';
import { Language } from '@seatwise/schema';
import { InvalidInputError, msg, type Message } from '../errors.js';
import { currentLanguage, render } from '../i18n/messages.js';

export type ExportFormat = 'csv' | 'xlsx';

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

const isMessage = (value: Cell | Message): value is Message => typeof value === 'object' && value !== null;

/** The day format of a date cell in XLSX, as each language writes a day. */
const xlsxDayFormat: Record<Language, string> = { [Language.EN]: 'yyyy-mm-dd', [Language.SL]: 'd. m. yyyy' };

/** An ISO day as the Date at its UTC midnight, what ExcelJS writes as that day. */
const dayCell = (value: Cell): Date | Cell => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value);

export function parseFormat(value: string): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw new InvalidInputError('format', msg('Export as csv or xlsx.'));
}

/** `?lang=sl|en` (the SPA sends its UI language), else the request's `Accept-Language`. */
export const parseLanguage = (value: unknown): Language => (value === 'sl' ? Language.SL : value === 'en' ? Language.EN : currentLanguage());

/** One export's content: the file name without extension, the XLSX sheet name, its columns and rows. */
export interface Table<Row> {
  fileName: string;
  sheet: Message;
  columns: Column<Row>[];
  rows: Row[];
}

/**
 * Sends rows as a CSV (the one writer of common/csv.ts, text cells neutralised) or an XLSX download.
 * XLSX cells are typed: text is a string cell, which a spreadsheet never runs as a formula, so it
 * keeps its text as written, with no visible apostrophe; days are dates in the reader's format.
 */
export async function sendTable<Row>(res: Response, options: Table<Row> & { format: ExportFormat; language: Language }) {
  const { columns, language } = options;
  const header = columns.map((column) => render(column.heading, language));
  const cells = options.rows.map((row) =>
    columns.map((column): Cell => {
      const value = column.value(row);
      return isMessage(value) ? render(value, language) : value;
    }),
  );
  res.setHeader('Content-Disposition', `attachment; filename="${options.fileName}.${options.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (options.format === 'csv') {
    // Slovenian Excel splits on `;` and reads a decimal comma; English on `,`.
    res.type('text/csv; charset=utf-8').send(csvText(header, cells, csvDialects[language]));
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(render(options.sheet, language));
  sheet.addRow(header).font = { bold: true };
  for (const row of cells) {
    const added = sheet.addRow(row.map((value, index) => (columns[index]!.kind === 'date' ? dayCell(value) : value)));
    added.eachCell((cell, number) => {
      if (columns[number - 1]!.kind === 'date' && cell.value instanceof Date) cell.numFmt = xlsxDayFormat[language];
    });
  }
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index]!.length, ...cells.slice(0, 200).map((row) => String(row[index] ?? '').length));
    column.width = Math.min((columns[index]!.kind === 'date' ? Math.max(widest, 12) : widest) + 2, 50);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
}
