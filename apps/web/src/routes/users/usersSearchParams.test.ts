import { describe, expect, it } from 'vitest';
import { parseUsersView, toSearchParams, usersFilter, usersOrder } from './usersSearchParams';

describe('users view in the URL', () => {
  it('reads defaults from an empty query string', () => {
    const view = parseUsersView(new URLSearchParams());
    expect(view).toEqual({ search: '', roles: [], statuses: [], team: null, products: [], sort: 'NAME', direction: 'ASC', pages: [] });
    expect(usersFilter(view)).toEqual({});
    expect(usersOrder(view)).toEqual({ field: 'NAME', direction: 'ASC' });
  });

  it('round-trips filters and sort, dropping unknown values', () => {
    const params = new URLSearchParams('q=novak&role=USER&role=BOSS&status=INVITED&team=t1&sort=EMAIL&dir=DESC');
    const view = parseUsersView(params);
    expect(view.roles).toEqual(['USER']);
    expect(toSearchParams(view).toString()).toBe('q=novak&role=USER&status=INVITED&team=t1&sort=EMAIL&dir=DESC');
    expect(usersFilter(view)).toEqual({ search: 'novak', roles: ['USER'], statuses: ['INVITED'], teamIds: ['t1'] });
  });

  it('keeps the product filter and the page in the URL', () => {
    const params = new URLSearchParams('product=p1&product=p2&after=c1&after=c2');
    const view = parseUsersView(params);
    expect(view.products).toEqual(['p1', 'p2']);
    expect(view.pages).toEqual(['c1', 'c2']);
    expect(toSearchParams(view).toString()).toBe('product=p1&product=p2&after=c1&after=c2');
    expect(usersFilter(view)).toEqual({ productIds: ['p1', 'p2'] });
  });

  it('asks for users in no team', () => {
    expect(usersFilter(parseUsersView(new URLSearchParams('team=none')))).toEqual({ withoutTeam: true });
  });
});
