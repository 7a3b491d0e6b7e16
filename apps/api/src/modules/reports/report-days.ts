import type { DateRangeInput } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../errors.js';

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
  if (from === null) throw new InvalidInputError('range.from', 'Give the first day as YYYY-MM-DD.');
  const to = dayOfIso(range.to);
  if (to === null) throw new InvalidInputError('range.to', 'Give the last day as YYYY-MM-DD.');
  if (to < from) throw new InvalidInputError('range.to', 'The last day comes before the first day.');
  const span = to - from + 1;
  if (span > MAX_RANGE_DAYS) throw new InvalidInputError('range', 'A report covers at most two years (731 days).');
  const bucketDays = span <= 31 ? 1 : span <= 184 ? 7 : 30;
  return { from, to, bucketDays, buckets: Math.ceil(span / bucketDays) };
}

export const isPostgres = (em: EntityManager) => em.getPlatform() instanceof PostgreSqlPlatform;

/** Time zones by account, read at most once a minute: every report needs it, it almost never changes. */
const zones = new Map<string, { timeZone: string; readAt: number }>();
const ZONE_TTL_MS = 60_000;

/** The account's time zone and today's day number in it. */
export async function accountDay(em: EntityManager, accountId: string, now: Date): Promise<{ timeZone: string; today: number }> {
  let zone = zones.get(accountId);
  if (!zone || Date.now() - zone.readAt > ZONE_TTL_MS) {
    const [row] = await em.getConnection().execute<{ time_zone: string }[]>('select time_zone from accounts where id = ?', [accountId]);
    zone = { timeZone: row?.time_zone ?? 'UTC', readAt: Date.now() };
    zones.set(accountId, zone);
  }
  return { timeZone: zone.timeZone, today: localDay(now, zone.timeZone) };
}

/**
 * SQL for the account day of a datetime column. PostgreSQL converts exactly; SQLite (which stores
 * epoch milliseconds and knows no zones) shifts by the zone's offset today, which is off by one day
 * only for instants within an hour of midnight across a daylight-saving change.
 */
export function sqlDayOf(em: EntityManager, column: string, timeZone: string, now: Date): { sql: string; params: unknown[] } {
  if (isPostgres(em)) return { sql: `((${column} at time zone ?)::date - date '1970-01-01')`, params: [timeZone] };
  return { sql: `cast((${column} + ?) / ${DAY_MS} as integer)`, params: [zoneOffset(now, timeZone)] };
}

/** A zone's offset from UTC at an instant, in milliseconds (e.g. +1 h for Ljubljana in winter). */
function zoneOffset(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return wallClock - Math.floor(now.getTime() / 60_000) * 60_000;
}
