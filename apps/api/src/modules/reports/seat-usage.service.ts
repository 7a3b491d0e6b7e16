import {
  type DateRangeInput,
  SeatUsageSortField,
  type SeatUsageByUserPage,
  type SeatUsageFilter,
  type SeatUsageOrder,
  type SeatUsageByProduct,
  type SeatUsageReport,
  SortDirection,
} from '@seatwise/schema';
import { requireId } from '../../common/ids.js';
import type { PageSizes } from '../../common/pagination.js';
import { reportQuery } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { isPostgres } from '../../db/database.js';
import { isoOfDay, sqlDayOf } from '../../common/days.js';
import { containsPattern } from '../../common/like.js';
import { accountDay } from '../accounts/account-day.js';
import { type DayRange, parseRange } from './report-range.js';
import { lastDayOf, reportSeats, runningSeats, seatsPerProduct, trendPerSeat, unassignedSeats } from './seat-usage.sql.js';
import { activeUsersPerPeriod, activeUsersPerProduct, type Fragment, seatDaysOf, trendPerProduct, usagePerProduct } from '../usage/usage.sql.js';

type Numeric = number | string | null;
const num = (value: Numeric) => Number(value ?? 0);
/**
 * `seatUsageByUser(first)`: 50 rows when omitted, at most 500. The cost limit prices the page by
 * these (`@Paged` in limits.ts): 500 rows with every field cost about 9,000 of the default 10,000.
 */
export const SEAT_USAGE_PAGE: PageSizes = { default: 50, max: 500 };
/** The pages a file is written from (downloads, scheduled exports): no browser holds them, and each page pays the count and the page choice again. */
export const SEAT_USAGE_FILE_PAGE = 5000;
const MAX_SEARCH_LENGTH = 100;
const IDLE_THRESHOLDS = [30, 60, 90] as const;


async function run<T>(ctx: AccountContext, fragment: Fragment): Promise<T[]> {
  return reportQuery<T>(ctx.em, fragment.sql, fragment.params);
}

/** Starts of the trend periods of a range, as YYYY-MM-DD. */
export const bucketStarts = (range: DayRange) =>
  Array.from({ length: range.buckets }, (_, index) => isoOfDay(range.from + index * range.bucketDays));

/** The part of Seat Usage (F-31) that every tab shows: the range, unassigned seats and idle seats. */
export type SeatUsageSummary = Omit<SeatUsageReport, 'products'>;

/**
 * Seat Usage (F-31): the range, seats nobody holds and seats idle for 30, 60 and 90 days. The
 * report's `products` are read only when a query asks for them (`seatUsageByProduct`), so a screen
 * that shows only these figures never waits for a year of per-product trends.
 */
export async function seatUsageSummary(ctx: AccountContext, input: DateRangeInput): Promise<SeatUsageSummary> {
  const range = parseRange(input);
  const accountId = ctx.viewer.accountId;
  const now = ctx.config.now();
  const { timeZone, today, todayIso } = await accountDay(ctx.em, accountId, now);
  const seats = runningSeats(ctx, todayIso);
  const assignedDay = sqlDayOf(ctx.em, 'sa.created_at', timeZone, now);
  const idle = `? - coalesce(${lastDayOf('sa')}, ${assignedDay.sql})`;

  const [unassigned, idleCounts] = await Promise.all([
    run<{ unassigned: Numeric }>(ctx, unassignedSeats(ctx, todayIso)),
    run<Record<string, Numeric>>(ctx, {
      // Materialized, so each seat's last use is looked up once, not once per threshold.
      sql: `with x as materialized (select ${idle} as idle ${seats.sql})
        select ${IDLE_THRESHOLDS.map((days) => `coalesce(sum(case when idle >= ${days} then 1 else 0 end), 0) as idle${days}`).join(', ')} from x`,
      params: [today, ...assignedDay.params, ...seats.params],
    }),
  ]);
  return {
    from: isoOfDay(range.from),
    to: isoOfDay(range.to),
    bucketDays: range.bucketDays,
    unassignedSeats: num(unassigned[0]?.unassigned ?? 0),
    idle30: num(idleCounts[0]?.idle30 ?? 0),
    idle60: num(idleCounts[0]?.idle60 ?? 0),
    idle90: num(idleCounts[0]?.idle90 ?? 0),
  };
}

/** Seat Usage (F-31) by product: aggregate statements over the roll-ups, no rows loaded. */
export async function seatUsageByProduct(ctx: AccountContext, input: DateRangeInput): Promise<SeatUsageByProduct[]> {
  const range = parseRange(input);
  const accountId = ctx.viewer.accountId;
  const { today } = await accountDay(ctx.em, accountId, ctx.config.now());
  const seats = seatsPerProduct(ctx, { fromIso: isoOfDay(range.from), asOfIso: isoOfDay(Math.min(range.to, today)) });

  const [products, usage, people, trend, trendPeople] = await Promise.all([
    run<{ id: string; code: string; name: string; seats_total: Numeric; seats_assigned: Numeric }>(ctx, seats),
    run<{ product_id: string; days_used: Numeric; minutes: Numeric }>(ctx, usagePerProduct(ctx, range)),
    run<{ product_id: string; active_users: Numeric }>(ctx, activeUsersPerProduct(ctx, range)),
    run<{ product_id: string; bucket: Numeric; days_used: Numeric }>(ctx, trendPerProduct(ctx, range)),
    run<{ product_id: string; bucket: Numeric; active_users: Numeric }>(ctx, activeUsersPerPeriod(ctx, range)),
  ]);

  const usageOf = new Map(usage.map((row) => [row.product_id, row]));
  const peopleOf = new Map(people.map((row) => [row.product_id, num(row.active_users)]));
  const starts = bucketStarts(range);
  const trendOf = (productId: string) => {
    const points = starts.map((start) => ({ start, activeUsers: 0, daysUsed: 0 }));
    for (const row of trend) if (row.product_id === productId && points[num(row.bucket)]) points[num(row.bucket)]!.daysUsed = num(row.days_used);
    for (const row of trendPeople) if (row.product_id === productId && points[num(row.bucket)]) points[num(row.bucket)]!.activeUsers = num(row.active_users);
    return points;
  };
  return products.map((product) => {
    const used = usageOf.get(product.id);
    const seatsTotal = num(product.seats_total);
    const seatsAssigned = num(product.seats_assigned);
    return {
      product: { id: product.id, code: product.code, name: product.name },
      seatsTotal,
      seatsAssigned,
      seatsUnassigned: Math.max(seatsTotal - seatsAssigned, 0),
      activeUsers: peopleOf.get(product.id) ?? 0,
      daysUsed: num(used?.days_used ?? 0),
      minutes: num(used?.minutes ?? 0),
      trend: trendOf(product.id),
    };
  });
}

export interface SeatUsageByUserArgs {
  range: DateRangeInput;
  filter?: SeatUsageFilter | null;
  orderBy?: SeatUsageOrder | null;
  first?: number | null;
  offset?: number | null;
}

interface SeatRow {
  id: string;
  sort_name: string;
  user_id: string;
  first_name: string;
  last_name: string;
  email: string;
  subscription_id: string;
  subscription_name: string;
  serial_number: string;
  assigned_day: Numeric;
  last_day: Numeric;
  removed: Numeric;
}

/** Seats of running subscriptions and removed people's past use (reportSeats) matching a filter, as a FROM … WHERE fragment. */
function filteredSeats(ctx: AccountContext, range: DayRange, todayIso: string, filter?: SeatUsageFilter | null): Fragment {
  const seats = reportSeats(ctx, range, todayIso, isPostgres(ctx.em));
  let sql = seats.sql;
  const params = [...seats.params];
  if (filter?.productId) {
    sql += ` and exists (select 1 from subscription_products spf
      where spf.account_id = sa.account_id and spf.subscription_id = sa.subscription_id and spf.product_id = ?)`;
    params.push(requireId(filter.productId, 'Product', 'filter.productId'));
  }
  const search = filter?.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new InvalidInputError('filter.search', msg('Search text can be at most {max} characters.', { max: MAX_SEARCH_LENGTH }));
  }
  for (const word of search.toLowerCase().split(/\s+/).filter(Boolean)) {
    sql += " and (mb.sort_name like ? escape '\\' or mb.email like ? escape '\\')";
    params.push(containsPattern(word), containsPattern(word));
  }
  return { sql, params };
}

/**
 * Seat Usage by user (F-31): a page of seats with last use, days used, idle days and trend. Sorted by
 * name, the page is chosen first and only its seats are measured; sorted or filtered by use, every
 * seat is measured in the database (correlated index seeks on the roll-up) before the page is cut.
 */
export async function seatUsageByUser(ctx: AccountContext, args: SeatUsageByUserArgs, maxPage = SEAT_USAGE_PAGE.max): Promise<SeatUsageByUserPage> {
  const range = parseRange(args.range);
  const limit = args.first ?? SEAT_USAGE_PAGE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPage) {
    throw new InvalidInputError('first', msg('Page size must be 1 to {max}.', { max: maxPage }));
  }
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInputError('offset', msg('Offset must be 0 or more.'));
  const idleFor = args.filter?.idleForAtLeast;
  if (idleFor !== null && idleFor !== undefined && (idleFor < 1 || idleFor > 3650)) {
    throw new InvalidInputError('filter.idleForAtLeast', msg('Give a number of days from 1 to 3650.'));
  }

  const accountId = ctx.viewer.accountId;
  const now = ctx.config.now();
  const { timeZone, today, todayIso } = await accountDay(ctx.em, accountId, now);
  const seats = filteredSeats(ctx, range, todayIso, args.filter);
  const assignedDay = sqlDayOf(ctx.em, 'sa.created_at', timeZone, now);
  const field = args.orderBy?.field ?? SeatUsageSortField.NAME;
  const direction = args.orderBy?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const columns = `sa.id, sa.account_id, sa.user_id, sa.subscription_id, mb.first_name, mb.last_name, mb.email, mb.sort_name,
    s.name as subscription_name, s.serial_number, ${assignedDay.sql} as assigned_day, sa.removed`;
  const measured = field !== SeatUsageSortField.NAME || Boolean(idleFor);
  const pg = isPostgres(ctx.em);

  type TrendRow = { assignment_id: string; bucket: Numeric; days_used: Numeric; minutes: Numeric };
  const trendParams = (ids: unknown[]) => [range.from, range.bucketDays, ...seats.params, accountId, ...ids, range.from, range.to];
  let page: SeatRow[];
  let total: number;
  let trendRows: TrendRow[];
  if (!measured) {
    // Sorted by name the page is cheap to choose, so its trend is read in parallel with it: the
    // trend statement chooses the same page itself.
    const pageIds = `select sa.id ${seats.sql} order by mb.sort_name ${direction}, s.name ${direction}, sa.id ${direction} limit ? offset ?`;
    const [rows, counts, trend] = await Promise.all([
      run<SeatRow>(ctx, {
        sql: `select p.*, ${lastDayOf('p')} as last_day from (select ${columns} ${seats.sql}
          order by mb.sort_name ${direction}, s.name ${direction}, sa.id ${direction} limit ? offset ?) p
          order by p.sort_name ${direction}, p.subscription_name ${direction}, p.id ${direction}`,
        params: [...assignedDay.params, ...seats.params, limit, offset],
      }),
      run<{ total: Numeric }>(ctx, { sql: `select count(*) as total ${seats.sql}`, params: seats.params }),
      run<TrendRow>(ctx, {
        sql: trendPerSeat(`select id from (${pageIds}) page_ids`, seats.sql),
        params: trendParams([...seats.params, limit, offset]),
      }),
    ]);
    page = rows;
    total = num(counts[0]?.total ?? 0);
    trendRows = trend;
  } else {
    // Only what the order or filter needs is measured for every seat, from the roll-ups: last use
    // (one row per product) for idle and last used, the range's month rows for days used.
    const needsLast = field === SeatUsageSortField.LAST_USED || field === SeatUsageSortField.IDLE_DAYS || Boolean(idleFor);
    const needsDays = field === SeatUsageSortField.DAYS_USED;
    const inner = `select ${columns}, ${needsLast ? lastDayOf('sa') : 'null'} as last_day,
      ${needsDays ? seatDaysOf('sa', range, pg) : '0'} as days_used ${seats.sql}`;
    const innerParams = [...assignedDay.params, ...seats.params];
    const idleSql = `(? - coalesce(x.last_day, x.assigned_day))`;
    const where = idleFor ? `where ${idleSql} >= ?` : '';
    const whereParams = idleFor ? [today, idleFor] : [];
    const sortSql = {
      [SeatUsageSortField.NAME]: 'x.sort_name',
      [SeatUsageSortField.LAST_USED]: 'coalesce(x.last_day, -1)',
      [SeatUsageSortField.DAYS_USED]: 'x.days_used',
      [SeatUsageSortField.IDLE_DAYS]: idleSql,
    }[field];
    const sortParams = field === SeatUsageSortField.IDLE_DAYS ? [today] : [];
    // Filtered by idleness, the page carries the filtered total (a window over the same pass);
    // otherwise the total is the plain count of seats, read alongside.
    const pageSql = `select x.*${idleFor ? ', count(*) over () as total_count' : ''} from (${inner}) x ${where}
      order by ${sortSql} ${direction}, x.sort_name ${direction}, x.id ${direction} limit ? offset ?`;
    const pageParams = [...innerParams, ...whereParams, ...sortParams, limit, offset];
    const countIdle = { sql: `select count(*) as total from (${inner}) x ${where}`, params: [...innerParams, ...whereParams] };
    const [rows, counts] = await Promise.all([
      run<SeatRow & { days_used: Numeric; total_count?: Numeric }>(ctx, {
        // Last use of the page's seats only, when the order did not need it for all.
        sql: needsLast
          ? pageSql
          : `select p.id, p.account_id, p.user_id, p.subscription_id, p.first_name, p.last_name, p.email, p.sort_name,
              p.subscription_name, p.serial_number, p.assigned_day, p.removed, p.days_used, ${lastDayOf('p')} as last_day
             from (${pageSql}) p`,
        params: pageParams,
      }),
      idleFor ? Promise.resolve(null) : run<{ total: Numeric }>(ctx, { sql: `select count(*) as total ${seats.sql}`, params: seats.params }),
    ]);
    if (!needsLast) {
      // The wrapper keeps the rows but not, by any guarantee, their order: restore it.
      const sign = direction === 'desc' ? -1 : 1;
      const text = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
      rows.sort((a, b) => sign * (num(a.days_used) - num(b.days_used) || text(a.sort_name, b.sort_name) || text(a.id, b.id)));
    }
    page = rows;
    if (counts) total = num(counts[0]?.total ?? 0);
    else if (rows[0]) total = num(rows[0].total_count ?? 0);
    // A page past the end has no row to carry the total.
    else total = offset ? num((await run<{ total: Numeric }>(ctx, countIdle))[0]?.total ?? 0) : 0;
    trendRows = page.length
      ? await run<TrendRow>(ctx, {
          sql: trendPerSeat(page.map(() => '?').join(', '), seats.sql),
          params: trendParams(page.map((row) => row.id)),
        })
      : [];
  }

  const trends = new Map<string, { trend: number[]; minutes: number }>();
  for (const row of page) trends.set(row.id, { trend: Array.from({ length: range.buckets }, () => 0), minutes: 0 });
  for (const row of trendRows) {
    const entry = trends.get(row.assignment_id);
    if (!entry) continue;
    entry.trend[num(row.bucket)] = num(row.days_used);
    entry.minutes += num(row.minutes);
  }

  return {
    totalCount: total,
    bucketDays: range.bucketDays,
    rows: page.map((row) => {
      const { trend, minutes } = trends.get(row.id)!;
      const lastDay = row.last_day === null ? null : num(row.last_day);
      return {
        assignmentId: row.id,
        user: { id: row.user_id, name: `${row.first_name} ${row.last_name}`, email: row.email },
        subscription: { id: row.subscription_id, name: row.subscription_name, serialNumber: row.serial_number },
        assignedOn: isoOfDay(num(row.assigned_day)),
        lastUsedOn: lastDay === null ? null : isoOfDay(lastDay),
        daysUsed: trend.reduce((sum, days) => sum + days, 0),
        minutes,
        idleDays: Math.max(today - (lastDay ?? num(row.assigned_day)), 0),
        trend,
        removed: num(row.removed) === 1,
      };
    }),
  };
}
