import parseRange from 'range-parser';

/** What to send for a GET of a file: all of it, one byte range of it, or 416. */
export type RangePlan = { status: 200 } | { status: 206; start: number; end: number } | { status: 416 };

export interface Validators {
  /** A strong entity tag, quotes included. */
  etag: string;
  lastModified: Date;
}

/**
 * If-Range (RFC 9110 §13.1.5) lets a range through only with a strong validator: the same strong
 * ETag, or the exact Last-Modified date when that date is strong itself, i.e. at least a second
 * older than now (§8.8.2.2). A weak ETag (`W/"…"`) or anything else means the whole file.
 */
function ifRangeHolds(ifRange: string | undefined, validators: Validators, now: Date): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === validators.etag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  const modifiedSecond = Math.floor(validators.lastModified.getTime() / 1000) * 1000;
  return !Number.isNaN(date) && date === modifiedSecond && now.getTime() - modifiedSecond >= 1000;
}

/**
 * RFC 9110 §14 for one file of `size` bytes. A range that starts at or past the end is
 * unsatisfiable (416); a range that is invalid in itself (`bytes=5-2`, bad syntax, another unit) is
 * ignored, as is a request for several ranges: those get the whole file, not a multipart answer.
 */
export function planRange(headers: { range?: string; 'if-range'?: string }, size: number, validators: Validators, now = new Date()): RangePlan {
  const header = headers.range;
  if (!header || !ifRangeHolds(headers['if-range'], validators, now)) return { status: 200 };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -2) return { status: 200 };
  if (ranges === -1) {
    // range-parser says -1 both for "past the end" and for inverted ranges; against an endless
    // file only the inverted ones still fail, and those are invalid rather than unsatisfiable.
    const againstEndless = parseRange(Number.MAX_SAFE_INTEGER, header);
    return againstEndless === -1 || againstEndless === -2 || againstEndless.type !== 'bytes' ? { status: 200 } : { status: 416 };
  }
  if (ranges.type !== 'bytes' || ranges.length !== 1) return { status: 200 };
  return { status: 206, start: ranges[0]!.start, end: ranges[0]!.end };
}
