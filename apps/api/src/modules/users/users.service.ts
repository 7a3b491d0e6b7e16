import type { Knex } from '@mikro-orm/knex';
import {
  MembershipStatus,
  type Role,
  SortDirection,
  UserSortField,
  type User as UserType,
  type UserConnection,
  type UsersFilter,
  type UsersOrder,
} from '@seatwise/schema';
import { containsPattern } from '../../common/like.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { query } from '../../common/sql.js';
import { isPostgres } from '../../db/database.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { accountToday } from '../accounts/account-day.js';
import { holdsProductSeatSql } from '../subscriptions/seat-rules.js';

export interface ListUsersArgs {
  first?: number | null;
  after?: string | null;
  filter?: UsersFilter | null;
  orderBy?: UsersOrder | null;
}

const MAX_SEARCH_LENGTH = 100;
const MAX_PRODUCTS = 50;

/**
 * SQL expression each sort field orders by; roles and statuses in their natural order. Names and
 * emails are the membership's (what the account sees of the person, `Membership`), so neither the
 * order nor a search hit gives away a name the account was not given; by name, the first page is
 * read in the order of the (account_id, sort_name, user_id) index.
 */
const sortExpressions: Record<UserSortField, string> = {
  [UserSortField.NAME]: 'm.sort_name',
  [UserSortField.EMAIL]: 'm.email',
  [UserSortField.ROLE]: "(case m.role when 'USER' then 0 when 'SECONDARY_ADMIN' then 1 else 2 end)",
  [UserSortField.STATUS]: "(case m.status when 'ACTIVE' then 0 when 'INVITED' then 1 else 2 end)",
  [UserSortField.JOINED_AT]: 'm.created_at',
};

interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  status: MembershipStatus;
  team_id: string | null;
  team_name: string | null;
  joined_at: string | number | Date;
  last_sign_in_at: string | number | Date | null;
  seat_count: number | string;
  version: number | string;
  sort_value: string | number;
}

/**
 * The columns of a user row, all from the membership (the person as the account sees them), its
 * team's name and the seats held, in one select. The sign-in is the membership's: this account's
 * sign-ins only, none while the person has not accepted.
 */
function userColumns(knex: Knex, sortExpression: string) {
  return [
    'm.user_id as id',
    'm.email',
    'm.first_name',
    'm.last_name',
    'm.role',
    'm.status',
    'm.team_id',
    't.name as team_name',
    'm.created_at as joined_at',
    'm.version',
    'm.last_sign_in_at',
    knex.raw(`${sortExpression} as sort_value`),
    knex.raw(
      '(select count(*) from seat_assignments sa where sa.account_id = m.account_id and sa.user_id = m.user_id) as seat_count',
    ),
  ];
}

/** What a filter needs besides its own fields: the account, and its day for the product filter's running subscriptions. */
interface FilterScope {
  accountId: string;
  todayIso: string;
}

/** The membership conditions of a filter, on `memberships as m`. */
function applyMembershipFilter(query: Knex.QueryBuilder, scope: FilterScope, filter: UsersFilter | null | undefined) {
  query.where('m.account_id', scope.accountId);
  const statuses = filter?.statuses?.length ? filter.statuses : [MembershipStatus.ACTIVE, MembershipStatus.INVITED];
  query.whereIn('m.status', statuses);
  if (filter?.roles?.length) query.whereIn('m.role', filter.roles);
  if (filter?.teamIds?.length) query.whereIn('m.team_id', filter.teamIds);
  if (filter?.withoutTeam === true) query.whereNull('m.team_id');
  if (filter?.withoutTeam === false) query.whereNotNull('m.team_id');
  const products = filter?.productIds ?? [];
  if (products.length) query.whereRaw(holdsProductSeatSql('m', products.length), [scope.todayIso, ...products]);
}

function checkProducts(filter: UsersFilter | null | undefined) {
  if ((filter?.productIds?.length ?? 0) > MAX_PRODUCTS) {
    throw new InvalidInputError('filter.productIds', msg('Filter by at most {max} products at once.', { max: MAX_PRODUCTS }));
  }
}

/** The search words of a filter, checked: every one must appear in the name or the email. */
function searchWords(filter: UsersFilter | null | undefined): string[] {
  const search = filter?.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new InvalidInputError('filter.search', msg('Search text can be at most {max} characters.', { max: MAX_SEARCH_LENGTH }));
  }
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Trigram search needs three characters of a word; a shorter one is found by its LIKE alone. */
const TRIGRAM = 3;

/** A word as an FTS5 phrase: in double quotes, a quote inside doubled; the trigram tokenizer finds it anywhere in a column. */
const ftsPhrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * The search conditions, on `memberships as m`: every word must appear in the name or the email
 * the account sees (both stored lower-cased and, on PostgreSQL, trigram-indexed). On SQLite the
 * words of three or more characters first narrow the memberships through the FTS5 trigram index
 * (migration 20261208040000); the index folds case, so it gives a superset, and the LIKEs decide.
 */
function applySearch(query: Knex.QueryBuilder, words: string[]) {
  for (const word of words) {
    const pattern = containsPattern(word);
    query.where((inner) => {
      inner.whereRaw("m.sort_name like ? escape '\\'", [pattern]).orWhereRaw("m.email like ? escape '\\'", [pattern]);
    });
  }
}

/**
 * `memberships as m` for a page or a count. With a search word of three or more characters on
 * SQLite, the memberships come from the FTS5 trigram index: its hits first, each joined to its
 * membership (CROSS JOIN keeps that order; SQLite's planner would otherwise read every membership
 * of the account and look each up in the hits). The LIKEs of `applySearch` still decide.
 */
function memberships(knex: Knex, words: string[], sqlite: boolean): Knex.QueryBuilder {
  const indexed = sqlite ? words.filter((word) => [...word].length >= TRIGRAM) : [];
  if (!indexed.length) return knex('memberships as m');
  return knex
    .queryBuilder()
    .from(knex.raw('membership_search as s cross join membership_search_keys as k on k.key = s.rowid cross join memberships as m on m.id = k.membership_id'))
    .whereRaw('membership_search match ?', [indexed.map(ftsPhrase).join(' AND ')]);
}

/** Only statuses narrow the filter: its total is the sum of SQLite's maintained counts. */
const countedByStatus = (filter: UsersFilter | null | undefined, words: string[]) =>
  !words.length && !filter?.roles?.length && !filter?.teamIds?.length && filter?.withoutTeam == null && !filter?.productIds?.length;

/**
 * The count of a filter: one table, searched through its trigram indexes on PostgreSQL; on SQLite
 * a filter by status alone (the page as it opens) sums `membership_status_counts`, which triggers
 * keep equal to counting the memberships.
 */
function countQuery(knex: Knex, scope: FilterScope, filter: UsersFilter | null | undefined, words: string[], sqlite: boolean) {
  if (sqlite && countedByStatus(filter, words)) {
    const statuses = filter?.statuses?.length ? filter.statuses : [MembershipStatus.ACTIVE, MembershipStatus.INVITED];
    return knex('membership_status_counts as c').sum({ total: 'c.n' }).where('c.account_id', scope.accountId).whereIn('c.status', statuses);
  }
  const count = memberships(knex, words, sqlite).count({ total: '*' });
  applyMembershipFilter(count, scope, filter);
  applySearch(count, words);
  return count;
}

/**
 * One page of the account's users in two statements (page and total), whatever the page size:
 * team names come from a join and seat counts from a correlated count on an indexed column.
 */
export async function listUsers(ctx: AccountContext, args: ListUsersArgs): Promise<UserConnection> {
  const limit = pageSize(args.first);
  const field = args.orderBy?.field ?? UserSortField.NAME;
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const sortExpression = sortExpressions[field];
  const knex = ctx.em.getKnex();
  checkProducts(args.filter);
  const scope: FilterScope = { accountId: ctx.viewer.accountId, todayIso: args.filter?.productIds?.length ? (await accountToday(ctx)).todayIso : '' };

  const words = searchWords(args.filter);
  const sqlite = !isPostgres(ctx.em);
  const page = memberships(knex, words, sqlite)
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .select(...userColumns(knex, sortExpression));
  applyMembershipFilter(page, scope, args.filter);
  applySearch(page, words);
  const count = countQuery(knex, scope, args.filter, words, sqlite);

  if (args.after) {
    const cursor = decodeCursor(args.after);
    page.whereRaw(`(${sortExpression}, m.user_id) ${descending ? '<' : '>'} (?, ?)`, [cursor.sortValue, cursor.id]);
  }
  const direction = descending ? 'desc' : 'asc';
  // The user id breaks ties, so the order is total and a cursor finds its place again.
  page.orderByRaw(`${sortExpression} ${direction}, m.user_id ${direction}`).limit(limit + 1);

  const [rows, totals] = await Promise.all([page as Promise<UserRow[]>, count as Promise<{ total: number | string }[]>]);
  const hasNextPage = rows.length > limit;
  const edges = rows.slice(0, limit).map((row) => ({
    cursor: encodeCursor(normaliseSortValue(row.sort_value), row.id),
    node: toUser(row),
  }));
  return {
    edges,
    totalCount: Number(totals[0]?.total ?? 0),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export async function getUser(ctx: AccountContext, id: string): Promise<UserType> {
  const knex = ctx.em.getKnex();
  // Inside the context's transaction, so a mutation reads its own writes.
  const [row] = await query<UserRow>(
    ctx.em,
    knex('memberships as m')
      .leftJoin('teams as t', 't.id', 'm.team_id')
      .where('m.account_id', ctx.viewer.accountId)
      .andWhere('m.user_id', id)
      .select(...userColumns(knex, "''"))
      .limit(1),
  );
  if (!row) throw new NotFoundError('User', 'id');
  return toUser(row);
}

/** Dates come back as Date (PostgreSQL) or epoch milliseconds (SQLite): cursors carry the raw value. */
function normaliseSortValue(value: string | number | Date): string | number {
  return value instanceof Date ? value.toISOString() : value;
}

function toUser(row: UserRow): UserType {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    name: `${row.first_name} ${row.last_name}`,
    role: row.role,
    status: row.status,
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    seatCount: Number(row.seat_count),
    joinedAt: new Date(row.joined_at),
    lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at),
    version: Number(row.version),
  };
}
