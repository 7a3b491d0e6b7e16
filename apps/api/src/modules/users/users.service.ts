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
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { isPostgres } from '../../db/database.js';

export interface ListUsersArgs {
  first?: number | null;
  after?: string | null;
  filter?: UsersFilter | null;
  orderBy?: UsersOrder | null;
}

const MAX_SEARCH_LENGTH = 100;

/**
 * What the account sees of a person: until they accept, what it typed when it invited them (kept
 * on the membership); after that, their own profile. Listing, sorting and searching all go by it,
 * so a person's own name never shows, not even as the order of a list or a search hit.
 */
const shown = {
  email: 'coalesce(m.invited_email, u.email)',
  firstName: 'coalesce(m.invited_first_name, u.first_name)',
  lastName: 'coalesce(m.invited_last_name, u.last_name)',
  sortName: 'coalesce(m.invited_sort_name, u.sort_name)',
};

/** SQL expression each sort field orders by; roles and statuses in their natural order. */
const sortExpressions: Record<UserSortField, string> = {
  [UserSortField.NAME]: shown.sortName,
  [UserSortField.EMAIL]: shown.email,
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
 * The columns of a user row: membership, person as the account sees them, team name and seats
 * held, in one select. The sign-in is the membership's: this account's sign-ins only, none while
 * the person has not accepted.
 */
function userColumns(knex: Knex, sortExpression: string) {
  return [
    'u.id',
    knex.raw(`${shown.email} as email`),
    knex.raw(`${shown.firstName} as first_name`),
    knex.raw(`${shown.lastName} as last_name`),
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


/** The membership conditions of a filter, on `memberships as m`. */
function applyMembershipFilter(query: Knex.QueryBuilder, accountId: string, filter: UsersFilter | null | undefined) {
  query.where('m.account_id', accountId);
  const statuses = filter?.statuses?.length ? filter.statuses : [MembershipStatus.ACTIVE, MembershipStatus.INVITED];
  query.whereIn('m.status', statuses);
  if (filter?.roles?.length) query.whereIn('m.role', filter.roles);
  if (filter?.teamIds?.length) query.whereIn('m.team_id', filter.teamIds);
  if (filter?.withoutTeam === true) query.whereNull('m.team_id');
  if (filter?.withoutTeam === false) query.whereNotNull('m.team_id');
}

/** The search words of a filter, checked: every one must appear in the name or the email. */
function searchWords(filter: UsersFilter | null | undefined): string[] {
  const search = filter?.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new InvalidInputError('filter.search', msg('Search text can be at most {max} characters.', { max: MAX_SEARCH_LENGTH }));
  }
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The search conditions, on `memberships as m` joined to `users as u`: every word must appear in
 * the name or the email the account sees (or, given, in other columns: all stored lower-cased).
 */
function applySearch(query: Knex.QueryBuilder, words: string[], [name, email] = [shown.sortName, shown.email]) {
  for (const word of words) {
    const pattern = containsPattern(word);
    query.where((inner) => {
      inner.whereRaw(`${name} like ? escape '\\'`, [pattern]).orWhereRaw(`${email} like ? escape '\\'`, [pattern]);
    });
  }
}

/**
 * The count of a filter. Without a search it stays on the membership table. With one, PostgreSQL
 * hash-joins every membership of the account to the matching people: right when most people match,
 * a scan of the whole account when few do. Words of three letters or more are found through the
 * trigram index, usually few people: then each match looks up its own membership instead (a
 * LATERAL with LIMIT is what keeps the planner to that order). On 50,000 users "nov" counts in 5 ms
 * instead of 10; "a" would take 100 ms that way instead of 25, so short words keep the join.
 * The index knows only the people's own names: the pending ones, matched by what the account
 * typed, are counted apart (few, and found through the membership index).
 */
function countQuery(knex: Knex, pg: boolean, accountId: string, filter: UsersFilter | null | undefined, words: string[]) {
  if (pg && words.length && words.every((word) => word.length >= 3)) {
    const membership = knex('memberships as m').select(knex.raw('1')).whereRaw('m.user_id = u.id').whereNull('m.invited_email').limit(1);
    applyMembershipFilter(membership, accountId, filter);
    const lateral = membership.toSQL();
    const accepted = knex('users as u').joinRaw(`join lateral (${lateral.sql}) as m on true`, [...lateral.bindings]).count('*');
    // The people's own columns, which the trigram indexes cover.
    applySearch(accepted, words, ['u.sort_name', 'u.email']);
    const pending = knex('memberships as m').join('users as u', 'u.id', 'm.user_id').whereNotNull('m.invited_email').count('*');
    applyMembershipFilter(pending, accountId, filter);
    applySearch(pending, words);
    const [first, second] = [accepted.toSQL(), pending.toSQL()];
    return knex.select(knex.raw(`(${first.sql}) + (${second.sql}) as total`, [...first.bindings, ...second.bindings]));
  }
  const count = knex('memberships as m').count({ total: '*' });
  applyMembershipFilter(count, accountId, filter);
  if (words.length) {
    count.join('users as u', 'u.id', 'm.user_id');
    applySearch(count, words);
  }
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
  const accountId = ctx.viewer.accountId;

  const page = knex('memberships as m')
    .join('users as u', 'u.id', 'm.user_id')
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .select(...userColumns(knex, sortExpression));
  const words = searchWords(args.filter);
  applyMembershipFilter(page, accountId, args.filter);
  applySearch(page, words);
  const count = countQuery(knex, isPostgres(ctx.em), accountId, args.filter, words);

  if (args.after) {
    const cursor = decodeCursor(args.after);
    page.whereRaw(`(${sortExpression}, u.id) ${descending ? '<' : '>'} (?, ?)`, [cursor.sortValue, cursor.id]);
  }
  const direction = descending ? 'desc' : 'asc';
  // The user id breaks ties, so the order is total and a cursor finds its place again.
  page.orderByRaw(`${sortExpression} ${direction}, u.id ${direction}`).limit(limit + 1);

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
      .join('users as u', 'u.id', 'm.user_id')
      .leftJoin('teams as t', 't.id', 'm.team_id')
      .where('m.account_id', ctx.viewer.accountId)
      .andWhere('u.id', id)
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
