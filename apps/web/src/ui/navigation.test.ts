import { describe, expect, it } from 'vitest';
import { currentLink, navigationFor } from './navigation';

describe('the current page in the navigation', () => {
  const admin = navigationFor({ role: 'PRIMARY_ADMIN' });

  it('marks the most specific link the address starts with, and only that one', () => {
    expect(currentLink(admin, '/users/teams')).toBe('/users/teams');
    expect(currentLink(admin, '/users/invitations')).toBe('/users/invitations');
    expect(currentLink(admin, '/users')).toBe('/users');
    expect(currentLink(admin, '/users/0b7c3c9e-1f3a-4f7e-9d1a-2b3c4d5e6f70')).toBe('/users');
  });

  it('keeps the home link for home only, and marks pages with tabs in their path', () => {
    expect(currentLink(admin, '/')).toBe('/');
    expect(currentLink(admin, '/profile/security')).toBe('/profile');
    expect(currentLink(admin, '/reports/seat-usage')).toBe('/reports/seat-usage');
    expect(currentLink(admin, '/nowhere')).toBeNull();
  });
});
