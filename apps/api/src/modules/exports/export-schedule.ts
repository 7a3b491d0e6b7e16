import { Cron } from 'croner';
import { ExportFrequency, ExportRangeKind } from '@seatwise/schema';
import { dayOfIso, isoOfDay, localDay } from '../../common/days.js';

/** When a scheduled export runs: its frequency, the weekday or day of the month, and the local hour. */
export interface ExportTimes {
  frequency: ExportFrequency;
  weekday: number | null;
  dayOfMonth: number | null;
  hour: number;
}

/** The five cron fields of the schedule, in the account's zone (cron counts Sunday as 0, ISO as 7). */
export function cronOf(times: ExportTimes): string {
  if (times.frequency === ExportFrequency.WEEKLY) return `0 ${times.hour} * * ${(times.weekday ?? 1) % 7}`;
  if (times.frequency === ExportFrequency.MONTHLY) return `0 ${times.hour} ${times.dayOfMonth ?? 1} * *`;
  return `0 ${times.hour} * * *`;
}

/**
 * The first slot strictly after `after`: the local hour on the local day in `timeZone`, so a
 * 06:00 export stays at 06:00 Ljubljana time across a daylight-saving change (05:00 UTC in winter,
 * 04:00 in summer), and a midnight one lands on its own day while UTC is still on the day before.
 * An hour that a spring change skips runs at the first instant after it.
 */
export function nextSlot(times: ExportTimes, timeZone: string, after: Date): Date {
  const next = new Cron(cronOf(times), { timezone: timeZone, paused: true }).nextRun(after);
  if (!next) throw new Error(`export schedule ${cronOf(times)} never fires after ${after.toISOString()}`);
  return next;
}

/**
 * The latest slot at or before `now`, from the stored `due` slot on: after downtime (or a clock
 * moved on) the one run is for the slot that passed last, so it covers the days up to now.
 */
export function latestSlot(times: ExportTimes, timeZone: string, due: Date, now: Date): Date {
  let slot = due;
  for (let next = nextSlot(times, timeZone, slot); next.getTime() <= now.getTime(); next = nextSlot(times, timeZone, next)) slot = next;
  return slot;
}

/** The account days a run covers (YYYY-MM-DD). */
export interface RunRange {
  from: string;
  to: string;
}

/**
 * The days a run for `slot` covers, up to the day before the slot's local day: the last
 * `rangeDays`, or from the day after the last covered one (the export's creation day for the first
 * run), at least one day.
 */
export function runRange(
  options: { rangeKind: ExportRangeKind; rangeDays: number | null; coveredThrough: string | null; createdAt: Date },
  slot: Date,
  timeZone: string,
): RunRange {
  const to = localDay(slot, timeZone) - 1;
  let from: number;
  if (options.rangeKind === ExportRangeKind.ROLLING_DAYS) from = to - (options.rangeDays ?? 1) + 1;
  else {
    const covered = options.coveredThrough ? dayOfIso(options.coveredThrough) : null;
    from = covered !== null ? covered + 1 : localDay(options.createdAt, timeZone);
  }
  // A report covers at most two years (`reports/report-range.ts`).
  return { from: isoOfDay(Math.min(Math.max(from, to - 730), to)), to: isoOfDay(to) };
}

/** The instant an account day (YYYY-MM-DD) begins in `timeZone`: the first local midnight on that day. */
export function dayStart(iso: string, timeZone: string): Date {
  const day = dayOfIso(iso)!;
  const midnight = new Cron('0 0 * * *', { timezone: timeZone, paused: true });
  // Two days before in UTC is before that local midnight in every zone (UTC-12 to UTC+14).
  let at = midnight.nextRun(new Date((day - 2) * 86_400_000))!;
  while (localDay(at, timeZone) < day) at = midnight.nextRun(at)!;
  return at;
}
