import {
  type Customer,
  type CustomerConnection,
  type CustomerPersonConnection,
  type CustomersFilter,
  type CustomersOrder,
  CustomerSortField,
  type CustomerStatus,
  type Language,
  type MembershipStatus,
  type Role,
  SortDirection,
} from '@seatwise/schema';
import { isoOfDay, localDay } from '../../common/days.js';
import { isPostgres } from '../../db/database.js';
import { containsPattern } from '../../common/like.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inCustomerAccount, query, sql } from '../../common/sql.js';
import { toDate } from '../../common/transaction.js';
import { AppError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { runningSql } from '../subscriptions/subscription-rules.js';
import { primaryAdminEmailSql } from '../users/memberships.sql.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

interface CustomerRow {
  id: string;
  name: string;
  country: string | null;
  time_zone: string;
  language: Language;
  external_id: string | null;
  status: CustomerStatus;
  created_at: string | number | Date;
  user_count: number | string;
  seat_count: number | string;
  primary_admin_email: string | null;
  sort_name: string;
}

const sortColumns: Record<CustomerSortField, keyof CustomerRow> = {
  [CustomerSortField.NAME]: 'sort_name',
  [CustomerSortField.CREATED_AT]: 'created_at',
  [CustomerSortField.USERS]: 'user_count',
  [CustomerSortField.SEATS]: 'seat_count',
};

/**
 * Each customer's today, in its own time zone, as one SQL expression: a running subscription is
 * judged by the customer's day (the rule in subscription-rules.ts), and the zones in use are few.
 */
async function todayByZone(ctx: StaffContext, onlyId?: string): Promise<{ sql: string; params: unknown[] }> {
  const now = ctx.config.now();
  // One customer needs only its own zone, not a look over every account.
  const zones = onlyId
    ? await query<{ time_zone: string }>(ctx.em, 'select time_zone from accounts where id = ?', [onlyId])
    : await query<{ time_zone: string }>(ctx.em, 'select distinct time_zone from accounts');
  if (!zones.length) return { sql: '?', params: [isoOfDay(localDay(now, 'UTC'))] };
  const params: unknown[] = [];
  const cases = zones.map(({ time_zone }) => {
    params.push(time_zone, isoOfDay(localDay(now, time_zone)));
    return 'when ? then ?';
  });
  params.push(isoOfDay(localDay(now, 'UTC')));
  // PostgreSQL reads the bound texts as text; the column is a date.
  return { sql: `(case c_zone ${cases.join(' ')} else ? end)${isPostgres(ctx.em) ? '::date' : ''}`, params };
}

/** Every customer with its counts, as one derived table the list filters, sorts and pages. */
async function customersTable(ctx: StaffContext, onlyId?: string): Promise<{ sql: string; params: unknown[] }> {
  const today = await todayByZone(ctx, onlyId);
  const running = runningSql('s').replace('?', today.sql.replace('c_zone', 'a.time_zone'));
  return {
    sql: `select a.id, a.name, a.country, a.time_zone, a.language, a.external_id, a.status, a.created_at, lower(a.name) as sort_name,
        (select count(*) from memberships m where m.account_id = a.id and m.status in ('ACTIVE', 'INVITED')) as user_count,
        (select coalesce(sum(s.seats), 0) from subscriptions s where s.account_id = a.id and ${running}) as seat_count,
        ${primaryAdminEmailSql('a.id')} as primary_admin_email
      from accounts a`,
    params: today.params,
  };
}

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  country: row.country,
  timeZone: row.time_zone,
  language: row.language,
  externalId: row.external_id,
  status: row.status,
  createdAt: toDate(row.created_at),
  userCount: Number(row.user_count),
  seatCount: Number(row.seat_count),
  primaryAdminEmail: row.primary_admin_email,
});

/** The value a cursor carries for a row: dates as epoch milliseconds, counts as numbers. */
function sortValueOf(row: CustomerRow, field: CustomerSortField): string | number {
  if (field === CustomerSortField.CREATED_AT) return toDate(row.created_at).getTime();
  if (field === CustomerSortField.NAME) return row.sort_name;
  return Number(row[sortColumns[field]]);
}

/** The vendor's customers: search by name or billing id, find one by its exact billing id, filter by status, sort, keyset paging. */
export async function listCustomers(
  ctx: StaffContext,
  args: { first?: number | null; after?: string | null; filter?: CustomersFilter | null; orderBy?: CustomersOrder | null },
): Promise<CustomerConnection> {
  const size = pageSize(args.first);
  const field = args.orderBy?.field ?? CustomerSortField.NAME;
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const table = await customersTable(ctx);
  const where: string[] = [];
  const params: unknown[] = [...table.params];
  const search = args.filter?.search?.trim().toLowerCase();
  if (search) {
    where.push("(c.sort_name like ? escape '\\' or lower(c.external_id) like ? escape '\\')");
    params.push(containsPattern(search), containsPattern(search));
  }
  const externalId = args.filter?.externalId?.trim();
  if (externalId) {
    where.push('c.external_id = ?');
    params.push(externalId);
  }
  if (args.filter?.status) {
    where.push('c.status = ?');
    params.push(args.filter.status);
  }
  const [{ total }] = (await query<{ total: number | string }>(
    ctx.em,
    `select count(*) as total from (${table.sql}) c ${where.length ? `where ${where.join(' and ')}` : ''}`,
    params,
  )) as [{ total: number | string }];

  const column = `c.${sortColumns[field]}`;
  const pageParams = [...params];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const value = field === CustomerSortField.CREATED_AT ? ctx.em.getPlatform().processDateProperty(new Date(Number(cursor.sortValue))) : cursor.sortValue;
    const op = descending ? '<' : '>';
    where.push(`(${column} ${op} ? or (${column} = ? and c.id ${op} ?))`);
    pageParams.push(value, value, cursor.id);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query<CustomerRow>(
    ctx.em,
    `select * from (${table.sql}) c ${where.length ? `where ${where.join(' and ')}` : ''} order by ${column} ${direction}, c.id ${direction} limit ?`,
    [...pageParams, size + 1],
  );
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(sortValueOf(row, field), row.id), node: toCustomer(row) }));
  return {
    edges,
    totalCount: Number(total),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export const customerNotFound = (field = 'id') => new AppError('NOT_FOUND', msg('The customer was not found.'), field);

/** One customer with its counts; a typed not-found error when there is no such account. */
export async function findCustomer(ctx: StaffContext, id: string, field = 'id'): Promise<Customer> {
  const table = await customersTable(ctx, id);
  const [row] = await query<CustomerRow>(ctx.em, `select * from (${table.sql}) c where c.id = ?`, [...table.params, id]);
  if (!row) throw customerNotFound(field);
  return toCustomer(row);
}

interface PersonRow {
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  status: MembershipStatus;
  sort_name: string;
}

/**
 * The people of a customer, by name, as the account sees them. Reading them is personal data
 * leaving the customer's hands, so every page read is written to the vendor audit log.
 */
export async function listCustomerPeople(
  ctx: StaffContext,
  args: { customerId: string; first?: number | null; after?: string | null },
): Promise<CustomerPersonConnection> {
  const size = pageSize(args.first);
  const customer = await findCustomer(ctx, args.customerId, 'customerId');
  const ofCustomer = inCustomerAccount(args.customerId, 'm');
  const params: unknown[] = [...ofCustomer.values];
  let keyset = '';
  if (args.after) {
    const cursor = decodeCursor(args.after);
    keyset = 'and (m.sort_name > ? or (m.sort_name = ? and m.user_id > ?))';
    params.push(cursor.sortValue, cursor.sortValue, cursor.id);
  }
  const rows = await query<PersonRow>(
    ctx.em,
    `select m.user_id, m.email, m.first_name, m.last_name, m.role, m.status, m.sort_name from memberships m
     where ${ofCustomer.text} ${keyset} order by m.sort_name, m.user_id limit ?`,
    [...params, size + 1],
  );
  const [{ total }] = (await query<{ total: number | string }>(ctx.em, sql`select count(*) as total from memberships m where ${ofCustomer}`)) as [
    { total: number | string },
  ];
  const page = rows.slice(0, size);
  recordVendorAudit(ctx.em, {
    ...staffActor(ctx.staff),
    action: 'customer.people.read',
    customer,
    summary: `Read ${page.length} people of ${customer.name}`,
    details: { count: page.length, after: args.after ?? null },
  });
  await ctx.em.flush();
  const edges = page.map((row) => ({
    cursor: encodeCursor(row.sort_name, row.user_id),
    node: { id: row.user_id, email: row.email, firstName: row.first_name, lastName: row.last_name, role: row.role, status: row.status },
  }));
  return {
    edges,
    totalCount: Number(total),
    pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
