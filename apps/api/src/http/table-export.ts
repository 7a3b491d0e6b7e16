import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { type Cell, csvText, neutralise } from '../common/csv.js';
import { Language } from '@seatwise/schema';
import { InvalidInputError, msg, type Message } from '../errors.js';
import { currentLanguage, render } from '../i18n/messages.js';

export type ExportFormat = 'csv' | 'xlsx';

/** A column: its heading from the catalogues (`msg('Seats used')`) and how a row fills it. */
export interface Column<Row> {
  heading: Message;
  value: (row: Row) => Cell;
}

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

/** Sends rows as a CSV (the one writer of common/csv.ts) or an XLSX download, text cells neutralised in both. */
export async function sendTable<Row>(res: Response, options: Table<Row> & { format: ExportFormat; language: Language }) {
  const header = options.columns.map((column) => render(column.heading, options.language));
  res.setHeader('Content-Disposition', `attachment; filename="${options.fileName}.${options.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (options.format === 'csv') {
    res.type('text/csv; charset=utf-8').send(csvText(header, options.rows.map((row) => options.columns.map((column) => column.value(row)))));
    return;
  }
  const body = options.rows.map((row) => options.columns.map((column) => neutralise(column.value(row))));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(render(options.sheet, options.language));
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(Math.max(header[index]!.length, ...body.slice(0, 200).map((row) => String(row[index] ?? '').length)) + 2, 50);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
}
