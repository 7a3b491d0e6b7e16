import type { Response } from 'express';
import { Language } from '@seatwise/schema';
import { InvalidInputError, msg } from '../errors.js';
import { currentLanguage } from '../i18n/messages.js';
import { contentTypes, type TableSource, writeTable } from '../modules/exports/table-writer.js';

export type { Column } from '../modules/exports/table-writer.js';

export type ExportFormat = 'csv' | 'xlsx';

export function parseFormat(value: string): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw new InvalidInputError('format', msg('Export as csv or xlsx.'));
}

/** `?lang=sl|en` (the SPA sends its UI language), else the request's `Accept-Language`. */
export const parseLanguage = (value: unknown): Language => (value === 'sl' ? Language.SL : value === 'en' ? Language.EN : currentLanguage());

/** One export's content: the file name without extension, the XLSX sheet name, its columns and rows. */
export interface Table<Row> extends Omit<TableSource<Row>, 'pages'> {
  fileName: string;
  rows: Row[];
}

/** Sends rows as a CSV or an XLSX download, written by the same writer as scheduled exports (`modules/exports/table-writer.ts`). */
export async function sendTable<Row>(res: Response, options: Table<Row> & { format: ExportFormat; language: Language }) {
  res.setHeader('Content-Disposition', `attachment; filename="${options.fileName}.${options.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.type(contentTypes[options.format]);
  await writeTable(res, { sheet: options.sheet, columns: options.columns, pages: [options.rows] }, options.format, options.language);
}
