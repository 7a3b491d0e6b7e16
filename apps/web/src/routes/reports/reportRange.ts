import { useSearchParams } from 'react-router';

export const rangePresets = ['thisMonth', 'last30', 'last3Months', 'last6Months', 'last12Months'] as const;
export type RangePreset = (typeof rangePresets)[number];

const iso = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The days of a preset up to today (the browser's today; the server counts in the account's zone). */
export function rangeOf(preset: RangePreset, today = new Date()): { from: string; to: string } {
  const from = new Date(today);
  switch (preset) {
    case 'thisMonth':
      from.setDate(1);
      break;
    case 'last30':
      from.setDate(from.getDate() - 29);
      break;
    case 'last3Months':
      from.setMonth(from.getMonth() - 3);
      from.setDate(from.getDate() + 1);
      break;
    case 'last6Months':
      from.setMonth(from.getMonth() - 6);
      from.setDate(from.getDate() + 1);
      break;
    case 'last12Months':
      from.setFullYear(from.getFullYear() - 1);
      from.setDate(from.getDate() + 1);
      break;
  }
  return { from: iso(from), to: iso(today) };
}

/** The chosen preset lives in the address (`?period=`), so a report can be bookmarked and shared. */
export function useRangePreset(): [RangePreset, (preset: RangePreset) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('period');
  const preset = rangePresets.includes(value as RangePreset) ? (value as RangePreset) : 'last30';
  return [
    preset,
    (next) =>
      setParams(
        (current) => {
          current.set('period', next);
          return current;
        },
        { replace: true },
      ),
  ];
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export type ReportRange = { preset: RangePreset | 'custom'; from: string; to: string };

/**
 * A preset or a custom range (`?period=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`), kept in the address.
 * A custom range missing a day, or ending before it starts, falls back to the last 30 days until
 * both days are right.
 */
export function useReportRange(): [ReportRange, (next: RangePreset | 'custom', from?: string, to?: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('period');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  let range: ReportRange;
  if (value === 'custom') {
    const valid = isoDay.test(from) && isoDay.test(to) && from <= to;
    range = valid ? { preset: 'custom', from, to } : { preset: 'custom', ...rangeOf('last30') };
  } else {
    const preset = rangePresets.includes(value as RangePreset) ? (value as RangePreset) : 'last30';
    range = { preset, ...rangeOf(preset) };
  }
  const set = (next: RangePreset | 'custom', nextFrom?: string, nextTo?: string) =>
    setParams(
      (current) => {
        current.set('period', next);
        if (next === 'custom') {
          current.set('from', nextFrom ?? range.from);
          current.set('to', nextTo ?? range.to);
        } else {
          current.delete('from');
          current.delete('to');
        }
        return current;
      },
      { replace: true },
    );
  return [range, set];
}
