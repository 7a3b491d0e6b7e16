import type { DateRangeInput } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import { query } from '../../common/sql.js';
import { isPostgres } from '../../db/database.js';
import { InvalidInputError, msg } from '../../errors.js';

/**
 * Reports count days in the account's time zone as whole numbers (days since 1970-01-01), so the
 * same integer arithmetic (differences, buckets) runs on SQLite and PostgreSQL.
 */
const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 731;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** `2026-11-25` → days since the epoch; null when it is not a real calendar day. */
export function dayOfIso(iso: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== iso) return null;
  return Math.floor(time / DAY_MS);
}

export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Months since January 1970 of a day number (2026-11-25 → 682). */
export function monthOfDay(day: number): number {
  const date = new Date(day * DAY_MS);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/** The day number of the 1st of a month. */
export const firstDayOfMonth = (month: number) => Date.UTC(1970 + Math.floor(month / 12), month % 12, 1) / DAY_MS;

/** The bit of a day within its month's mask. */
export const dayBit = (day: number) => 2 ** (new Date(day * DAY_MS).getUTCDate() - 1);

/** The calendar day an instant falls on in a time zone ("en-CA" formats as YYYY-MM-DD). */
export function localDay(instant: Date, timeZone: string): number {
  return dayOfIso(formatter(timeZone).format(instant))!;
}

/** A date column as the drivers return it (string on SQLite, Date at local midnight from pg) → YYYY-MM-DD. */
export function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

export interface DayRange {
  from: number;
  to: number;
  /** Trend period length: days for up to a month, weeks up to half a year, 30-day months beyond. */
  bucketDays: number;
  buckets: number;
}

/** Checks a report's range (`range.from`, `range.to`) and turns it into account days. */
export function parseRange(range: DateRangeInput): DayRange {
  const from = dayOfIso(range.from);
  if (from === null) throw new InvalidInputError('range.from', msg('Give the first day as YYYY-MM-DD.'));
  const to = dayOfIso(range.to);
  if (to === null) throw new InvalidInputError('range.to', msg('Give the last day as YYYY-MM-DD.'));
  if (to < from) throw new InvalidInputError('range.to', msg('The last day comes before the first day.'));
  const span = to - from + 1;
  if (span > MAX_RANGE_DAYS) throw new InvalidInputError('range', msg('A report covers at most two years (731 days).'));
  const bucketDays = span <= 31 ? 1 : span <= 184 ? 7 : 30;
  return { from, to, bucketDays, buckets: Math.ceil(span / bucketDays) };
}

/** Time zones by account, read at most once a minute: every report needs it, it almost never changes. */
const zones = new Map<string, { timeZone: string; readAt: number }>();
const ZONE_TTL_MS = 60_000;

/** The account's time zone and today's day number in it. */
export async function accountDay(em: EntityManager, accountId: string, now: Date): Promise<{ timeZone: string; today: number }> {
  let zone = zones.get(accountId);
  if (!zone || Date.now() - zone.readAt > ZONE_TTL_MS) {
    const [row] = await query<{ time_zone: string }>(em, 'select time_zone from accounts where id = ?', [accountId]);
    zone = { timeZone: row?.time_zone ?? 'UTC', readAt: Date.now() };
    zones.set(accountId, zone);
  }
  return { timeZone: zone.timeZone, today: localDay(now, zone.timeZone) };
}

/**
 * SQL for the account day of a datetime column, exact on both drivers. PostgreSQL converts with
 * `at time zone`. SQLite stores epoch milliseconds and knows no zones, so each instant gets the
 * offset of its own period: nested `case`s over the zone's offset changes from 20 years before
 * `now` to 2 years after, halving the periods at each level (about six comparisons a row, old or
 * new); instants outside that window take the offset at its nearer edge. The bounds and offsets are
 * numbers computed here, never input, so they are written into the SQL rather than passed as
 * parameters.
 */
export function sqlDayOf(em: EntityManager, column: string, timeZone: string, now: Date): { sql: string; params: unknown[] } {
  if (isPostgres(em)) return { sql: `((${column} at time zone ?)::date - date '1970-01-01')`, params: [timeZone] };
  const periods = zonePeriods(timeZone, now);
  const offsetIn = (lo: number, hi: number): string => {
    if (hi - lo === 1) return String(periods[lo]!.offset);
    const mid = (lo + hi) >> 1;
    return `case when ${column} >= ${periods[mid]!.from} then ${offsetIn(mid, hi)} else ${offsetIn(lo, mid)} end`;
  };
  return { sql: `cast((${column} + ${offsetIn(0, periods.length)}) / ${DAY_MS} as integer)`, params: [] };
}

/** From `from` (epoch ms) until the next period, the zone is `offset` ms ahead of UTC. */
interface ZonePeriod {
  from: number;
  offset: number;
}

/** Periods by zone and year of `now`: worked out once per zone a year, not per request. */
const periodsByZone = new Map<string, ZonePeriod[]>();

function zonePeriods(timeZone: string, now: Date): ZonePeriod[] {
  const year = now.getUTCFullYear();
  const key = `${timeZone} ${year}`;
  let periods = periodsByZone.get(key);
  if (!periods) {
    periods = findPeriods(timeZone, Date.UTC(year - 20, 0, 1), Date.UTC(year + 3, 0, 1));
    periodsByZone.set(key, periods);
  }
  return periods;
}

/**
 * A zone's offset periods between two instants: its offset is read once a day (no zone changes
 * twice in a day), and each change is then narrowed down to its minute (zones change on whole
 * minutes). About 8,400 Intl calls for 23 years, some 30 ms.
 */
function findPeriods(timeZone: string, start: number, end: number): ZonePeriod[] {
  const offsetAt = offsetReader(timeZone);
  const periods = [{ from: start, offset: offsetAt(start) }];
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const before = periods.at(-1)!.offset;
    const offset = offsetAt(day);
    if (offset === before) continue;
    let lo = (day - DAY_MS) / 60_000;
    let hi = day / 60_000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * 60_000) === before) lo = mid;
      else hi = mid;
    }
    periods.push({ from: hi * 60_000, offset });
  }
  return periods;
}

/** Reads a zone's offset from UTC at an instant, in milliseconds (e.g. +1 h for Ljubljana in winter). */
function offsetReader(timeZone: string): (instant: number) => number {
  // "longOffset" names the offset itself ("GMT+02:00", "GMT-03:30", "GMT" for UTC); with only the hour
  // beside it, formatting is cheap.
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', timeZoneName: 'longOffset' });
  return (instant) => {
    const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(format.format(instant));
    if (!match) return 0;
    const [, sign, hours, minutes, seconds = '0'] = match;
    return (sign === '-' ? -1 : 1) * ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  };
}
