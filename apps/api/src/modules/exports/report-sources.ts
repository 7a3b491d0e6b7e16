import {
  type AuditEntry,
  type DateRangeInput,
  ReportExportKind,
  type SeatUsageByUser,
  type SeatUsageFilter,
  type SeatUsageOrder,
  type User,
  type UsersFilter,
  type UsersOrder,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { msg } from '../../i18n/messages.js';
import { auditColumns } from '../audit/audit-csv.js';
import { auditEntriesForExport } from '../audit/audit-log.service.js';
import { cloudServicesUsage } from '../reports/cloud-usage.service.js';
import { SEAT_USAGE_FILE_PAGE, seatUsageByProduct, seatUsageByUser } from '../reports/seat-usage.service.js';
import { listSubscriptions } from '../subscriptions/subscriptions.service.js';
import { listUsers } from '../users/users.service.js';
import type { StoredExportFilter } from './report-export.entity.js';
import { balanceColumns, seatProductColumns, seatUserColumns, subscriptionColumns, userColumns } from './report-columns.js';
import type { TableSource } from './table-writer.js';
import { dayStart } from './export-schedule.js';
import { dayOfIso, isoOfDay } from '../../common/days.js';

/** Seat Usage by user, page by page in pages of a file's size: what its download and its scheduled export write. */
export async function* seatUsageByUserPages(
  ctx: AccountContext,
  args: { range: DateRangeInput; filter: SeatUsageFilter; orderBy?: SeatUsageOrder | null },
): AsyncGenerator<SeatUsageByUser[]> {
  for (let offset = 0; ; offset += SEAT_USAGE_FILE_PAGE) {
    const page = await seatUsageByUser(ctx, { ...args, first: SEAT_USAGE_FILE_PAGE, offset }, SEAT_USAGE_FILE_PAGE);
    if (page.rows.length) yield page.rows;
    if (offset + page.rows.length >= page.totalCount || !page.rows.length) return;
  }
}

/** The Users list with a filter, page by page (100 a page, the list's largest). */
export async function* userPages(ctx: AccountContext, args: { filter: UsersFilter; orderBy?: UsersOrder | null }): AsyncGenerator<User[]> {
  for (let after: string | null = null; ; ) {
    const page = await listUsers(ctx, { first: 100, after, ...args });
    if (page.edges.length) yield page.edges.map((edge) => edge.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** The rows of every page together (the download buttons, which audit the row count before they send). */
export async function allRows<Row>(pages: AsyncIterable<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

async function* once<Row>(rows: Promise<Row[]>): AsyncGenerator<Row[]> {
  yield await rows;
}

/** A scheduled export's table: its file's base name and content, read from the same services as the reports. */
export interface ReportTable<Row> extends TableSource<Row> {
  fileBase: string;
}

/**
 * The table of a scheduled export's report over `range` (account days, YYYY-MM-DD) with its saved
 * filter, read as the admin who saved it (their account, their role today).
 */
export function reportTable(ctx: AccountContext, kind: ReportExportKind, filter: StoredExportFilter, range: DateRangeInput, timeZone: string): ReportTable<unknown> {
  const table = <Row>(value: ReportTable<Row>) => value as ReportTable<unknown>;
  switch (kind) {
    case ReportExportKind.SEAT_USAGE_BY_USER:
      return table({
        fileBase: 'seat-usage-by-user',
        sheet: msg('Seat usage'),
        columns: seatUserColumns,
        pages: seatUsageByUserPages(ctx, { range, filter: { productId: filter.productId, search: filter.search, idleForAtLeast: filter.idleForAtLeast } }),
      });
    case ReportExportKind.SEAT_USAGE_BY_PRODUCT:
      return table({ fileBase: 'seat-usage-by-product', sheet: msg('Seat usage'), columns: seatProductColumns, pages: once(seatUsageByProduct(ctx, range)) });
    case ReportExportKind.CLOUD_SERVICES_USAGE:
      return table({
        fileBase: 'cloud-services-usage',
        sheet: msg('Cloud credits'),
        columns: balanceColumns,
        pages: once(cloudServicesUsage(ctx, range).then((report) => report.balances)),
      });
    case ReportExportKind.SUBSCRIPTIONS:
      return table({
        fileBase: 'subscriptions',
        sheet: msg('Subscriptions'),
        columns: subscriptionColumns,
        pages: once(listSubscriptions(ctx, { filter: { teamId: filter.teamId, search: filter.search } })),
      });
    case ReportExportKind.USERS:
      return table({
        fileBase: 'users',
        sheet: msg('Users'),
        columns: userColumns,
        pages: userPages(ctx, { filter: { search: filter.search, teamIds: filter.teamId ? [filter.teamId] : null } }),
      });
    case ReportExportKind.AUDIT_LOG: {
      // The run's days are the account's: from the first one's local midnight to the one after the last.
      const from = dayStart(range.from, timeZone);
      const to = dayStart(isoOfDay(dayOfIso(range.to)! + 1), timeZone);
      return table<AuditEntry>({ fileBase: 'audit-log', sheet: msg('Audit log'), columns: auditColumns, pages: once(auditEntriesForExport(ctx, { from, to })) });
    }
  }
}
