import { type Request, Router } from 'express';
import { MembershipStatus, Role, UserSortField, type UsersFilter, SeatUsageSortField, SortDirection, SubscriptionStatus } from '@seatwise/schema';
import { contextFor, type AccountContext, type Services } from '../context.js';
import { InvalidInputError, msg, NotFoundError } from '../errors.js';
import { recordExport } from '../modules/audit/audit.service.js';
import { cloudServicesUsage, cloudServicesUsageByUser } from '../modules/reports/cloud-usage.service.js';
import { seatDistribution } from '../modules/reports/insights.service.js';
import { seatUsageByProduct } from '../modules/reports/seat-usage.service.js';
import { allRows, seatUsageByUserPages, userPages } from '../modules/exports/report-sources.js';
import { getSubscription, listSubscriptions } from '../modules/subscriptions/subscriptions.service.js';
import { requireAdmin } from './request-viewer.js';
import { parseFormat, parseLanguage, sendTable, type Table } from './table-export.js';
import {
  balanceColumns,
  cloudUserColumns,
  insightColumns,
  productColumns,
  seatProductColumns,
  seatUserColumns,
  subscriptionColumns,
  userColumns,
} from '../modules/exports/report-columns.js';

const text = (req: Request, name: string): string | null => {
  const value = req.query[name];
  // PostgreSQL text cannot hold a NUL byte: refused as bad input, not a failed statement.
  if (typeof value === 'string' && value.includes('\0')) throw new InvalidInputError(name, msg('{field} must not contain a NUL byte', { field: name }));
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};
const range = (req: Request) => ({ from: text(req, 'from') ?? '', to: text(req, 'to') ?? '' });

/** A comma-separated list of a query parameter, each value one of `allowed` (else refused on that parameter). */
function listOf<T extends string>(req: Request, name: string, allowed?: readonly T[]): T[] {
  const values = (text(req, name) ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const unknown = allowed ? values.find((value) => !(allowed as readonly string[]).includes(value)) : undefined;
  if (unknown !== undefined) throw new InvalidInputError(name, msg('{field} has an unknown value: {value}.', { field: name, value: unknown }));
  return values as T[];
}

/** The users list's filter from the same parameters as the Users page's URL (lists comma-separated). */
function usersFilterOf(req: Request): UsersFilter {
  const team = text(req, 'team');
  return {
    search: text(req, 'q'),
    roles: listOf(req, 'roles', Object.values(Role)),
    statuses: listOf(req, 'statuses', Object.values(MembershipStatus)),
    teamIds: team && team !== 'none' ? [team] : null,
    withoutTeam: team === 'none' ? true : null,
    productIds: listOf(req, 'products'),
  };
}

/** Hands the finished table to the route, which logs the export and sends the file. */
type Send = <Row>(table: Table<Row>) => Promise<void>;
type ExportHandler = (ctx: AccountContext, req: Request, send: Send) => Promise<void>;

const statuses = new Set<string>(Object.values(SubscriptionStatus));

/** Every export: its file name and how it fills the table from the same services as GraphQL. */
const exporters: Record<string, ExportHandler> = {
  async subscriptions(ctx, req, send) {
    const status = text(req, 'status');
    const rows = await listSubscriptions(ctx, {
      filter: { teamId: text(req, 'teamId'), search: text(req, 'search'), statuses: status && statuses.has(status) ? [status as SubscriptionStatus] : null },
    });
    await send({ fileName: 'subscriptions', sheet: msg('Subscriptions'), columns: subscriptionColumns, rows });
  },
  async 'subscription-products'(ctx, req, send) {
    const subscription = await getSubscription(ctx, text(req, 'subscriptionId') ?? '');
    const rows = subscription.products.map((line) => ({ ...line, subscription }));
    await send({ fileName: `products-${subscription.serialNumber}`, sheet: msg('Products'), columns: productColumns, rows });
  },
  async users(ctx, req, send) {
    const filter = usersFilterOf(req);
    const field = text(req, 'sort') as UserSortField | null;
    const orderBy = field && field in UserSortField ? { field, direction: text(req, 'direction') === 'DESC' ? SortDirection.DESC : SortDirection.ASC } : null;
    const rows = await allRows(userPages(ctx, { filter, orderBy }));
    await send({ fileName: 'users', sheet: msg('Users'), columns: userColumns, rows });
  },
  async insights(ctx, req, send) {
    const rows = await seatDistribution(ctx, text(req, 'teamId'));
    await send({ fileName: 'insights', sheet: msg('Insights'), columns: insightColumns, rows });
  },
  async 'seat-usage'(ctx, req, send) {
    const idle = Number(text(req, 'idleForAtLeast') ?? 0);
    const field = text(req, 'sort') as SeatUsageSortField | null;
    const orderBy = field && field in SeatUsageSortField ? { field, direction: text(req, 'direction') === 'DESC' ? SortDirection.DESC : SortDirection.ASC } : null;
    const filter = { productId: text(req, 'productId'), search: text(req, 'search'), idleForAtLeast: idle > 0 ? idle : null };
    const rows = await allRows(seatUsageByUserPages(ctx, { range: range(req), filter, orderBy }));
    await send({ fileName: 'seat-usage-by-user', sheet: msg('Seat usage'), columns: seatUserColumns, rows });
  },
  async 'seat-usage-products'(ctx, req, send) {
    const rows = await seatUsageByProduct(ctx, range(req));
    await send({ fileName: 'seat-usage-by-product', sheet: msg('Seat usage'), columns: seatProductColumns, rows });
  },
  async 'cloud-services-usage'(ctx, req, send) {
    const report = await cloudServicesUsage(ctx, range(req));
    await send({ fileName: 'cloud-services-usage', sheet: msg('Cloud credits'), columns: balanceColumns, rows: report.balances });
  },
  async 'cloud-services-usage-by-user'(ctx, req, send) {
    const owners = await cloudServicesUsageByUser(ctx, range(req), text(req, 'search'));
    const rows = owners.flatMap((owner) => owner.services.map((line) => ({ ...line, owner })));
    await send({ fileName: 'cloud-services-usage-by-user', sheet: msg('Cloud credits'), columns: cloudUserColumns, rows });
  },
};

/**
 * `GET /api/exports/<report>.<csv|xlsx>`: downloads built on the server from the same services as the
 * GraphQL reports, so a 10,000-seat export never passes through the browser's memory, role and
 * tenant are checked once here, and formula neutralisation happens in one place. Every export that
 * is sent leaves a `report.export` entry in the audit log; a refused one (not an admin, a bad range
 * or format, an unknown subscription) fails before its table is ready and leaves none.
 */
export function exportsRoute(services: Services): Router {
  const { orm } = services;
  const router = Router();
  router.get('/api/exports/:file', async (req, res, next) => {
    try {
      const match = /^([a-z-]+)\.([a-z]+)$/.exec(req.params.file ?? '');
      const exporter = match ? exporters[match[1]!] : undefined;
      if (!match || !exporter) throw new NotFoundError('Export', 'report');
      const report = match[1]!;
      const format = parseFormat(match[2]!);
      const { em, viewer } = await requireAdmin(orm, req);
      const ctx = contextFor(services, req, res, viewer, em) as AccountContext;
      await exporter(ctx, req, async (table) => {
        await recordExport(ctx, report, `${table.fileName}.${format}`, table.rows.length);
        await sendTable(res, { ...table, format, language: parseLanguage(req.query.lang) });
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
