import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Another module's tables are read only through that module's fragments and query functions
 * (issue 15, item 2): the SQL written in a module names its own tables, and what it needs of
 * another's comes in as an imported fragment, whose text stands in the owner's file. Ownership is
 * taken from the entities: the module whose folder holds the `*.entity.ts` of a table owns it.
 */
const root = join(import.meta.dirname, '../src/modules');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
const moduleOf = (file: string) => relative(root, file).split('/')[0]!;

const owner = new Map<string, string>();
for (const file of files(root).filter((path) => path.endsWith('.entity.ts'))) {
  for (const [, table] of readFileSync(file, 'utf8').matchAll(/tableName: '(\w+)'/g)) owner.set(table!, moduleOf(file));
}

/** Tables a file names in SQL: raw text (`from x`, `join x`, `update x`, `into x`) and knex (`knex('x as t')`, `.join('x as t'`). */
function tablesNamed(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name] of text.matchAll(/\b(?:from|join|update|into)\s+([a-z_]+)\b/gi)) names.add(name!.toLowerCase());
  for (const [, name] of text.matchAll(/(?:knex|[jJ]oin)\(\s*'([a-z_]+)/g)) names.add(name!);
  return names;
}

const foreignReads = Object.fromEntries(
  files(root)
    .filter((file) => !file.endsWith('.entity.ts'))
    .map(
      (file) =>
        [relative(root, file), [...tablesNamed(readFileSync(file, 'utf8'))].filter((table) => owner.has(table) && owner.get(table) !== moduleOf(file)).sort()] as const,
    )
    .filter(([, tables]) => tables.length > 0),
);

/**
 * Raw SQL that still names another module's tables. It may only shrink: move the read behind a
 * fragment or query function in the owner's `*.sql.ts` / `*.queries.ts` and take the file off.
 */
const STILL_FOREIGN: Record<string, string[]> = {
  'accounts/customer-status.rules.ts': ['memberships'],
  'audit/audit-log.service.ts': ['memberships', 'users'],
  'home/admin-home.service.ts': ['product_versions', 'products', 'subscription_products', 'subscriptions'],
  'identity/session.service.ts': ['accounts', 'memberships'],
  'products/entitlements.ts': ['subscriptions'],
  'reports/cloud-usage.service.ts': ['cloud_credit_entries', 'contracts', 'memberships', 'subscriptions', 'users'],
  'reports/insights.service.ts': ['products', 'subscription_products', 'subscriptions', 'teams'],
  'reports/seat-usage.service.ts': ['subscription_products'],
  'reports/seat-usage.sql.ts': ['memberships', 'products', 'seat_assignments', 'seat_months', 'subscription_products', 'subscriptions', 'usage_days', 'usage_last'],
  'subscriptions/seats.service.ts': ['memberships'],
  'subscriptions/subscription-seats.ts': ['products'],
  'subscriptions/subscriptions.service.ts': ['products', 'teams'],
  'support/support.service.ts': ['users'],
  'teams/teams.admin.service.ts': ['contracts', 'invitations', 'memberships', 'subscriptions'],
  'teams/teams.service.ts': ['memberships'],
  'tokens/bearer.ts': ['accounts', 'memberships'],
  'usage/ingestion.service.ts': ['memberships', 'products', 'seat_assignments', 'subscription_products', 'subscriptions'],
  'usage/rollups.ts': ['subscription_products'],
  'users/import/import-world.ts': ['products', 'seat_assignments', 'subscription_products', 'teams', 'users'],
  'users/import/import.service.ts': ['subscriptions', 'users'],
  'users/invitation.events.ts': ['users'],
  'users/invitations.service.ts': ['teams', 'users'],
  'users/user-admin.service.ts': ['sessions', 'teams'],
  'users/users.service.ts': ['seat_assignments', 'teams'],
  'vendor/customer-changes.service.ts': ['accounts'],
  'vendor/catalogue.events.ts': ['accounts', 'memberships', 'notification_preferences', 'seat_assignments', 'subscription_products', 'subscriptions', 'users'],
  'vendor/customers.service.ts': ['accounts', 'memberships', 'subscriptions'],
  'vendor/support-inbox.service.ts': ['accounts', 'support_messages', 'support_requests', 'users'],
  'vendor/vendor-audit.service.ts': ['users'],
  'vendor/vendor-tokens.service.ts': ['users', 'vendor_staff'],
};

describe('module SQL reads only its own tables', () => {
  it('knows who owns each table', () => {
    expect(owner.get('memberships')).toBe('users');
    expect(owner.get('subscriptions')).toBe('subscriptions');
    expect(owner.get('usage_days')).toBe('usage');
    expect(owner.size).toBeGreaterThan(30);
  });

  it('finds the tables a statement names', () => {
    expect([...tablesNamed("select x from memberships m join teams t on … where exists (select 1 from usage_last l)")]).toEqual(['memberships', 'teams', 'usage_last']);
    expect([...tablesNamed("knex('teams as t').leftJoin('memberships as m', …)")]).toEqual(['teams', 'memberships']);
    expect([...tablesNamed("import { x } from './memberships.sql.js';")]).toEqual([]);
  });

  it('names another module’s tables only where still listed', () => {
    expect(foreignReads).toEqual(STILL_FOREIGN);
  });
});
