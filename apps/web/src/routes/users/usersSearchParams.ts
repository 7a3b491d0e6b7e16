import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  MembershipStatus,
  Role,
  type SortDirection,
  UserSortField,
  type UsersFilter,
  type UsersOrder,
} from '@seatwise/schema/client';

/** The filters' choices, in the contract's order. */
export const roles: readonly Role[] = Object.values(Role);
export const statuses: readonly MembershipStatus[] = Object.values(MembershipStatus);
const sortFields: readonly UserSortField[] = Object.values(UserSortField);

/** `team=none` lists the users in no team. */
export const withoutTeam = 'none';

export interface UsersView {
  search: string;
  roles: Role[];
  statuses: MembershipStatus[];
  team: string | null;
  /** Product ids: people holding a seat of one of them. */
  products: string[];
  sort: UserSortField;
  direction: SortDirection;
  /** The cursors of the pages before this one (`after` in the URL, once per page), so a reload or a shared link opens the same page. */
  pages: string[];
}

function only<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((value): value is T => (allowed as readonly string[]).includes(value));
}

export function parseUsersView(params: URLSearchParams): UsersView {
  const sort = only(sortFields, params.getAll('sort'))[0] ?? UserSortField.NAME;
  return {
    search: params.get('q') ?? '',
    roles: only(roles, params.getAll('role')),
    statuses: only(statuses, params.getAll('status')),
    team: params.get('team') || null,
    products: params.getAll('product').filter(Boolean),
    sort,
    direction: params.get('dir') === 'DESC' ? 'DESC' : 'ASC',
    pages: params.getAll('after').filter(Boolean),
  };
}

export function toSearchParams(view: UsersView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search.trim()) params.set('q', view.search.trim());
  for (const role of view.roles) params.append('role', role);
  for (const status of view.statuses) params.append('status', status);
  if (view.team) params.set('team', view.team);
  for (const product of view.products) params.append('product', product);
  if (view.sort !== 'NAME') params.set('sort', view.sort);
  if (view.direction !== 'ASC') params.set('dir', view.direction);
  for (const cursor of view.pages) params.append('after', cursor);
  return params;
}

export function usersFilter(view: UsersView): UsersFilter {
  const filter: UsersFilter = {};
  if (view.search.trim()) filter.search = view.search.trim();
  if (view.roles.length) filter.roles = view.roles;
  if (view.statuses.length) filter.statuses = view.statuses;
  if (view.team === withoutTeam) filter.withoutTeam = true;
  else if (view.team) filter.teamIds = [view.team];
  if (view.products.length) filter.productIds = view.products;
  return filter;
}

export function usersOrder(view: UsersView): UsersOrder {
  return { field: view.sort, direction: view.direction };
}

export function hasFilters(view: UsersView): boolean {
  return Boolean(view.search.trim() || view.roles.length || view.statuses.length || view.team || view.products.length);
}

/** The list's search, filters and sort live in the URL, so a view can be shared and survives reload. */
export function useUsersView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseUsersView(params), [params]);
  const update = useCallback(
    (change: Partial<UsersView>) => {
      // A new search, filter or sort starts from the first page; moving between pages keeps the rest.
      setParams((current) => toSearchParams({ ...parseUsersView(current), pages: [], ...change }), { replace: !('pages' in change) });
    },
    [setParams],
  );
  return [view, update] as const;
}
