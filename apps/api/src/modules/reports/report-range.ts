import type { DateRangeInput } from '@seatwise/schema';
import { dayOfIso } from '../../common/days.js';
import { InvalidInputError, msg } from '../../errors.js';

export const MAX_RANGE_DAYS = 731;

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

