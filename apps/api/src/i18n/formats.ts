import { Language } from '@seatwise/schema';
import { commaCsv, type CsvDialect, semicolonCsv } from '../common/csv.js';

/** Numbers as each language writes them, grouped from five digits: 1000, 10,000 and 10.000. */
const numbers: Record<Language, Intl.NumberFormat> = {
  [Language.EN]: new Intl.NumberFormat('en', { useGrouping: 'min2', maximumFractionDigits: 2 }),
  [Language.SL]: new Intl.NumberFormat('sl', { useGrouping: 'min2', maximumFractionDigits: 2 }),
};

/** Days: "3 December 2026" and "3. 12. 2026". */
const days: Record<Language, Intl.DateTimeFormat> = {
  [Language.EN]: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  [Language.SL]: new Intl.DateTimeFormat('sl', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
};

const clock = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' } as const;

/** Moments, in UTC with the zone named: "3 December 2026 at 14:20 UTC" and "3. 12. 2026, 14:20 UTC". */
const moments: Record<Language, Intl.DateTimeFormat> = {
  [Language.EN]: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', ...clock }),
  [Language.SL]: new Intl.DateTimeFormat('sl', { day: 'numeric', month: 'numeric', year: 'numeric', ...clock }),
};

/** A value a message's placeholder is filled with. */
export type MessageValue = string | number | Date | Day;

/** A calendar day (YYYY-MM-DD), written as a date in each language: `day('2026-12-03')`. */
export interface Day {
  readonly day: string;
}
export const day = (iso: string): Day => ({ day: iso.slice(0, 10) });

const isDay = (value: unknown): value is Day => typeof value === 'object' && value !== null && 'day' in value;

/** How every placeholder is written: numbers grouped, days and moments in the language's form, text as it is. */
export function formatValue(value: unknown, language: Language): string {
  if (typeof value === 'number') return numbers[language].format(value);
  if (value instanceof Date) return moments[language].format(value);
  if (isDay(value)) return days[language].format(new Date(`${value.day}T00:00:00Z`));
  return String(value);
}

/** The CSV dialect each language's spreadsheet opens as columns: Slovenian Excel splits on `;`. */
export const csvDialects: Record<Language, CsvDialect> = { [Language.EN]: commaCsv, [Language.SL]: semicolonCsv };
