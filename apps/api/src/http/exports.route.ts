import { type Request, Router } from 'express';
import {
  type CloudCreditBalance,
  type CloudUsageByUser,
  type SeatDistribution,
  SeatUsageSortField,
  type SeatUsageByProduct,
  type SeatUsageByUser,
  SortDirection,
  SubscriptionStatus,
  type Subscription,
} from '@seatwise/schema';
import { contextFor, type AccountContext, type Services } from '../context.js';
import { InvalidInputError, msg, NotFoundError } from '../errors.js';
import { recordExport } from '../modules/audit/audit.service.js';
import { cloudServicesUsage, cloudServicesUsageByUser } from '../modules/reports/cloud-usage.service.js';
import { seatDistribution } from '../modules/reports/insights.service.js';
import { seatUsageByProduct, seatUsageByUser } from '../modules/reports/seat-usage.service.js';
import { getSubscription, listSubscriptions } from '../modules/subscriptions/subscriptions.service.js';
import { requireAdmin } from './request-viewer.js';
import { type Column, parseFormat, parseLanguage, sendTable, type Table } from './table-export.js';

const text = (req: Request, name: string): string | null => {
  const value = req.query[name];
  // PostgreSQL text cannot hold a NUL byte: refused as bad input, not a failed statement.
  if (typeof value === 'string' && value.includes('\0')) throw new InvalidInputError(name, msg('{field} must not contain a NUL byte', { field: name }));
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};
const range = (req: Request) => ({ from: text(req, 'from') ?? '', to: text(req, 'to') ?? '' });
const user = (row: { user: { name: string; email: string } }) => row.user;

const subscriptionColumns: Column<Subscription>[] = [
  { en: 'Subscription', sl: 'Naročnina', value: (row) => row.name },
  { en: 'Serial number', sl: 'Serijska številka', value: (row) => row.serialNumber },
  { en: 'Contract', sl: 'Pogodba', value: (row) => row.contract.number },
  { en: 'Status', sl: 'Stanje', value: (row) => row.status },
  { en: 'Days to renewal', sl: 'Dni do podaljšanja', value: (row) => row.daysToRenewal },
  { en: 'Term', sl: 'Obdobje', value: (row) => row.term },
  { en: 'Licence type', sl: 'Vrsta licence', value: (row) => row.licenceType },
  { en: 'Starts', sl: 'Začetek', value: (row) => row.startsOn },
  { en: 'Renewal date', sl: 'Datum podaljšanja', value: (row) => row.endsOn },
  { en: 'Seats used', sl: 'Uporabljeni sedeži', value: (row) => row.seatsUsed },
  { en: 'Seats total', sl: 'Vsi sedeži', value: (row) => row.seatsTotal },
  { en: 'Team', sl: 'Ekipa', value: (row) => row.team?.name ?? '' },
];

type ProductLine = Subscription['products'][number] & { subscription: Subscription };
const productColumns: Column<ProductLine>[] = [
  { en: 'Product', sl: 'Izdelek', value: (row) => row.product.name },
  { en: 'Code', sl: 'Koda', value: (row) => row.product.code },
  { en: 'Subscription', sl: 'Naročnina', value: (row) => row.subscription.name },
  { en: 'Serial number', sl: 'Serijska številka', value: (row) => row.subscription.serialNumber },
  { en: 'Licence type', sl: 'Vrsta licence', value: (row) => row.subscription.licenceType },
  { en: 'Renewal date', sl: 'Datum podaljšanja', value: (row) => row.subscription.endsOn },
  { en: 'Seats used', sl: 'Uporabljeni sedeži', value: (row) => row.seatsUsed },
  { en: 'Seats total', sl: 'Vsi sedeži', value: (row) => row.seatsTotal },
];

const insightColumns: Column<SeatDistribution>[] = [
  { en: 'Team', sl: 'Ekipa', value: (row) => row.team?.name ?? '' },
  { en: 'Product', sl: 'Izdelek', value: (row) => row.product.name },
  { en: 'Purchased', sl: 'Kupljeno', value: (row) => row.purchased },
  { en: 'Assigned', sl: 'Dodeljeno', value: (row) => row.assigned },
  { en: 'Unassigned', sl: 'Nedodeljeno', value: (row) => row.unassigned },
];

const seatUserColumns: Column<SeatUsageByUser>[] = [
  { en: 'Name', sl: 'Ime', value: (row) => user(row).name },
  { en: 'Email', sl: 'E-pošta', value: (row) => user(row).email },
  { en: 'Subscription', sl: 'Naročnina', value: (row) => row.subscription.name },
  { en: 'Assigned on', sl: 'Dodeljeno', value: (row) => row.assignedOn },
  { en: 'Last used', sl: 'Zadnja uporaba', value: (row) => row.lastUsedOn },
  { en: 'Days used', sl: 'Dni uporabe', value: (row) => row.daysUsed },
  { en: 'Minutes', sl: 'Minute', value: (row) => row.minutes },
  { en: 'Days idle', sl: 'Dni neuporabe', value: (row) => row.idleDays },
];

const seatProductColumns: Column<SeatUsageByProduct>[] = [
  { en: 'Product', sl: 'Izdelek', value: (row) => row.product.name },
  { en: 'Seats total', sl: 'Vsi sedeži', value: (row) => row.seatsTotal },
  { en: 'Assigned', sl: 'Dodeljeno', value: (row) => row.seatsAssigned },
  { en: 'Unassigned', sl: 'Nedodeljeno', value: (row) => row.seatsUnassigned },
  { en: 'Active users', sl: 'Aktivni uporabniki', value: (row) => row.activeUsers },
  { en: 'Days used', sl: 'Dni uporabe', value: (row) => row.daysUsed },
  { en: 'Minutes', sl: 'Minute', value: (row) => row.minutes },
];

const balanceColumns: Column<CloudCreditBalance>[] = [
  { en: 'Subscription', sl: 'Naročnina', value: (row) => row.subscription.name },
  { en: 'Serial number', sl: 'Serijska številka', value: (row) => row.subscription.serialNumber },
  { en: 'Contract', sl: 'Pogodba', value: (row) => row.contract.number },
  { en: 'Purchased', sl: 'Kupljeno', value: (row) => row.purchased },
  { en: 'Consumed', sl: 'Porabljeno', value: (row) => row.consumed },
  { en: 'Remaining', sl: 'Preostalo', value: (row) => row.remaining },
  { en: 'Consumed in period', sl: 'Porabljeno v obdobju', value: (row) => row.consumedInRange },
];

type CloudUserLine = CloudUsageByUser['services'][number] & { owner: CloudUsageByUser };
const cloudUserColumns: Column<CloudUserLine>[] = [
  { en: 'Name', sl: 'Ime', value: (row) => row.owner.user.name },
  { en: 'Email', sl: 'E-pošta', value: (row) => row.owner.user.email },
  { en: 'Service', sl: 'Storitev', value: (row) => row.service },
  { en: 'Credits', sl: 'Krediti', value: (row) => row.credits },
  { en: 'Last used', sl: 'Zadnja uporaba', value: (row) => row.owner.lastUsedOn },
];

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
    await send({ fileName: 'subscriptions', sheet: 'Subscriptions', columns: subscriptionColumns, rows });
  },
  async 'subscription-products'(ctx, req, send) {
    const subscription = await getSubscription(ctx, text(req, 'subscriptionId') ?? '');
    const rows = subscription.products.map((line) => ({ ...line, subscription }));
    await send({ fileName: `products-${subscription.serialNumber}`, sheet: 'Products', columns: productColumns, rows });
  },
  async insights(ctx, req, send) {
    const rows = await seatDistribution(ctx, text(req, 'teamId'));
    await send({ fileName: 'insights', sheet: 'Insights', columns: insightColumns, rows });
  },
  async 'seat-usage'(ctx, req, send) {
    const rows: SeatUsageByUser[] = [];
    const idle = Number(text(req, 'idleForAtLeast') ?? 0);
    const field = text(req, 'sort') as SeatUsageSortField | null;
    const orderBy = field && field in SeatUsageSortField ? { field, direction: text(req, 'direction') === 'DESC' ? SortDirection.DESC : SortDirection.ASC } : null;
    const filter = { productId: text(req, 'productId'), search: text(req, 'search'), idleForAtLeast: idle > 0 ? idle : null };
    for (let offset = 0; ; offset += 1000) {
      const page = await seatUsageByUser(ctx, { range: range(req), filter, orderBy, first: 1000, offset });
      rows.push(...page.rows);
      if (rows.length >= page.totalCount || !page.rows.length) break;
    }
    await send({ fileName: 'seat-usage-by-user', sheet: 'Seat usage', columns: seatUserColumns, rows });
  },
  async 'seat-usage-products'(ctx, req, send) {
    const rows = await seatUsageByProduct(ctx, range(req));
    await send({ fileName: 'seat-usage-by-product', sheet: 'Seat usage', columns: seatProductColumns, rows });
  },
  async 'cloud-services-usage'(ctx, req, send) {
    const report = await cloudServicesUsage(ctx, range(req));
    await send({ fileName: 'cloud-services-usage', sheet: 'Cloud credits', columns: balanceColumns, rows: report.balances });
  },
  async 'cloud-services-usage-by-user'(ctx, req, send) {
    const owners = await cloudServicesUsageByUser(ctx, range(req), text(req, 'search'));
    const rows = owners.flatMap((owner) => owner.services.map((line) => ({ ...line, owner })));
    await send({ fileName: 'cloud-services-usage-by-user', sheet: 'Cloud credits', columns: cloudUserColumns, rows });
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
