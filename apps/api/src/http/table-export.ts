import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { type Cell, csvText, neutralise } from '../common/csv.js';
import { InvalidInputError, msg } from '../errors.js';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLanguage = 'en' | 'sl';

export interface Column<Row> {
  en: string;
  sl: string;
  value: (row: Row) => Cell;
}

export function parseFormat(value: string): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw new InvalidInputError('format', msg('Export as csv or xlsx.'));
}

export const parseLanguage = (value: unknown): ExportLanguage => (value === 'sl' ? 'sl' : 'en');

/** One export's content: the file name without extension, the XLSX sheet name, its columns and rows. */
export interface Table<Row> {
  fileName: string;
  sheet: string;
  columns: Column<Row>[];
  rows: Row[];
}

/** Sends rows as a CSV (the one writer of common/csv.ts) or an XLSX download, text cells neutralised in both. */
export async function sendTable<Row>(res: Response, options: Table<Row> & { format: ExportFormat; language: ExportLanguage }) {
  const header = options.columns.map((column) => column[options.language]);
  res.setHeader('Content-Disposition', `attachment; filename="${options.fileName}.${options.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (options.format === 'csv') {
    res.type('text/csv; charset=utf-8').send(csvText(header, options.rows.map((row) => options.columns.map((column) => column.value(row)))));
    return;
  }
  const body = options.rows.map((row) => options.columns.map((column) => neutralise(column.value(row))));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet);
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(Math.max(header[index]!.length, ...body.slice(0, 200).map((row) => String(row[index] ?? '').length)) + 2, 50);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
}
