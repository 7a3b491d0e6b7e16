import { type Request, Router } from 'express';
import {
  LicenceType,
  MembershipStatus,
  Role,
  UserSortField,
  type User,
  type UsersFilter,
  SubscriptionTerm,
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
import { InvalidInputError, type Message, msg, NotFoundError } from '../errors.js';
import { recordExport } from '../modules/audit/audit.service.js';
import { cloudServicesUsage, cloudServicesUsageByUser } from '../modules/reports/cloud-usage.service.js';
import { seatDistribution } from '../modules/reports/insights.service.js';
import { SEAT_USAGE_PAGE, seatUsageByProduct, seatUsageByUser } from '../modules/reports/seat-usage.service.js';
import { getSubscription, listSubscriptions } from '../modules/subscriptions/subscriptions.service.js';
import { roleName } from '../modules/users/role-names.js';
import { listUsers } from '../modules/users/users.service.js';
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

/** The words for enum values, as the SPA shows them: a file says "Expired", "Potekla", never EXPIRED. */
const statusLabels: Record<SubscriptionStatus, Message> = {
  [SubscriptionStatus.ACTIVE]: msg('Active'),
  [SubscriptionStatus.EXPIRING]: msg('Expiring'),
  [SubscriptionStatus.EXPIRED]: msg('Expired'),
  [SubscriptionStatus.CANCELLED]: msg('Cancelled'),
};
const termLabels: Record<SubscriptionTerm, Message> = {
  [SubscriptionTerm.MONTHLY]: msg('Monthly'),
  [SubscriptionTerm.ANNUAL]: msg('Annual'),
  [SubscriptionTerm.THREE_YEAR]: msg('3 years'),
};
const licenceLabels: Record<LicenceType, Message> = {
  [LicenceType.SINGLE_USER]: msg('Single-user'),
  [LicenceType.MULTI_USER]: msg('Multi-user'),
  [LicenceType.NETWORK]: msg('Network'),
  [LicenceType.CLOUD]: msg('Cloud (Flex)'),
};

const subscriptionColumns: Column<Subscription>[] = [
  { heading: msg('Subscription'), value: (row) => row.name },
  { heading: msg('Serial number'), value: (row) => row.serialNumber },
  { heading: msg('Contract'), value: (row) => row.contract.number },
  { heading: msg('Status'), value: (row) => statusLabels[row.status] },
  { heading: msg('Days to renewal'), value: (row) => row.daysToRenewal },
  { heading: msg('Term'), value: (row) => termLabels[row.term] },
  { heading: msg('Licence type'), value: (row) => licenceLabels[row.licenceType] },
  { heading: msg('Starts'), value: (row) => row.startsOn, kind: 'date' },
  { heading: msg('Renewal date'), value: (row) => row.endsOn, kind: 'date' },
  { heading: msg('Seats used'), value: (row) => row.seatsUsed },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
];

type ProductLine = Subscription['products'][number] & { subscription: Subscription };
const productColumns: Column<ProductLine>[] = [
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Code'), value: (row) => row.product.code },
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Serial number'), value: (row) => row.subscription.serialNumber },
  { heading: msg('Licence type'), value: (row) => licenceLabels[row.subscription.licenceType] },
  { heading: msg('Renewal date'), value: (row) => row.subscription.endsOn, kind: 'date' },
  { heading: msg('Seats used'), value: (row) => row.seatsUsed },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
];

const insightColumns: Column<SeatDistribution>[] = [
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Purchased'), value: (row) => row.purchased },
  { heading: msg('Assigned'), value: (row) => row.assigned },
  { heading: msg('Unassigned'), value: (row) => row.unassigned },
];

const seatUserColumns: Column<SeatUsageByUser>[] = [
  { heading: msg('Name'), value: (row) => user(row).name },
  { heading: msg('Email'), value: (row) => user(row).email },
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Assigned on'), value: (row) => row.assignedOn, kind: 'date' },
  { heading: msg('Last used'), value: (row) => row.lastUsedOn, kind: 'date' },
  { heading: msg('Days used'), value: (row) => row.daysUsed },
  { heading: msg('Minutes'), value: (row) => row.minutes },
  { heading: msg('Days idle'), value: (row) => row.idleDays },
];

const seatProductColumns: Column<SeatUsageByProduct>[] = [
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
  { heading: msg('Assigned'), value: (row) => row.seatsAssigned },
  { heading: msg('Unassigned'), value: (row) => row.seatsUnassigned },
  { heading: msg('Active users'), value: (row) => row.activeUsers },
  { heading: msg('Days used'), value: (row) => row.daysUsed },
  { heading: msg('Minutes'), value: (row) => row.minutes },
];

const balanceColumns: Column<CloudCreditBalance>[] = [
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Serial number'), value: (row) => row.subscription.serialNumber },
  { heading: msg('Contract'), value: (row) => row.contract.number },
  { heading: msg('Purchased'), value: (row) => row.purchased },
  { heading: msg('Consumed'), value: (row) => row.consumed },
  { heading: msg('Remaining'), value: (row) => row.remaining },
  { heading: msg('Consumed in period'), value: (row) => row.consumedInRange },
];

type CloudUserLine = CloudUsageByUser['services'][number] & { owner: CloudUsageByUser };
const cloudUserColumns: Column<CloudUserLine>[] = [
  { heading: msg('Name'), value: (row) => row.owner.user.name },
  { heading: msg('Email'), value: (row) => row.owner.user.email },
  { heading: msg('Service'), value: (row) => row.service },
  { heading: msg('Credits'), value: (row) => row.credits },
  { heading: msg('Last used'), value: (row) => row.owner.lastUsedOn, kind: 'date' },
];

const personStatusLabels: Record<MembershipStatus, Message> = {
  [MembershipStatus.ACTIVE]: msg('Person status: Active'),
  [MembershipStatus.INVITED]: msg('Person status: Invited'),
  [MembershipStatus.INACTIVE]: msg('Person status: Inactive'),
};

const userColumns: Column<User>[] = [
  { heading: msg('Name'), value: (row) => row.name },
  { heading: msg('Email'), value: (row) => row.email },
  { heading: msg('Role'), value: (row) => roleName(row.role) },
  { heading: msg('Status'), value: (row) => personStatusLabels[row.status] },
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
  { heading: msg('Seats'), value: (row) => row.seatCount },
  { heading: msg('Last sign-in'), value: (row) => row.lastSignInAt?.toISOString().slice(0, 10) ?? null, kind: 'date' },
  { heading: msg('Joined on'), value: (row) => row.joinedAt.toISOString().slice(0, 10), kind: 'date' },
];

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
    const rows: User[] = [];
    for (let after: string | null = null; ; ) {
      const page = await listUsers(ctx, { first: 100, after, filter, orderBy });
      rows.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    await send({ fileName: 'users', sheet: msg('Users'), columns: userColumns, rows });
  },
  async insights(ctx, req, send) {
    const rows = await seatDistribution(ctx, text(req, 'teamId'));
    await send({ fileName: 'insights', sheet: msg('Insights'), columns: insightColumns, rows });
  },
  async 'seat-usage'(ctx, req, send) {
    const rows: SeatUsageByUser[] = [];
    const idle = Number(text(req, 'idleForAtLeast') ?? 0);
    const field = text(req, 'sort') as SeatUsageSortField | null;
    const orderBy = field && field in SeatUsageSortField ? { field, direction: text(req, 'direction') === 'DESC' ? SortDirection.DESC : SortDirection.ASC } : null;
    const filter = { productId: text(req, 'productId'), search: text(req, 'search'), idleForAtLeast: idle > 0 ? idle : null };
    for (let offset = 0; ; offset += SEAT_USAGE_PAGE.max) {
      const page = await seatUsageByUser(ctx, { range: range(req), filter, orderBy, first: SEAT_USAGE_PAGE.max, offset });
      rows.push(...page.rows);
      if (rows.length >= page.totalCount || !page.rows.length) break;
    }
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
