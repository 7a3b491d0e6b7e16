import { type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantEntity } from '../src/modules/accounts/tenant.entity.js';
import { drivers, startTestApp, type TestApp } from './harness.js';

/**
 * Past one PostgreSQL (issue 20, item 9): every account-owned row carries `account_id`, and every
 * index and unique key of a table with `account_id` leads with it, so a tenant's rows sit together
 * in every index today and the tables can be distributed by `account_id` (Citus) tomorrow
 * (docs/operations.md, *Scaling past one PostgreSQL*). Held twice: against the entities' metadata
 * (what migrations are generated from) and against the migrated database's own catalogue.
 *
 * What may not lead with the account, each with its reason. Keys are `table(columns)`; primary keys
 * on `id` are allowed everywhere (the Citus plan makes them `(account_id, id)`).
 */
const allowed: Record<string, string> = {
  'sessions(token_hash)': 'a session cookie is looked up before its account is known',
  'sessions(user_id, expires_at)': "a person's sessions in every account: sign-out everywhere, a password change, deleting the sign-in",
  'api_tokens(token_hash)': 'a bearer token is looked up before its account is known',
  'invitations(token_hash)': 'an invitation link is opened before its account is known',
  'directory_tokens(token_hash)': "a SCIM request's bearer token is looked up before its account is known",
  'sso_sign_ins(state_hash)': "a single sign-on's state is looked up when the provider sends the browser back, before its account is known",
  'sso_domains(verified_domain)': 'a verified email domain routes sign-ins to one account: looked up on the sign-in page, before the account is known, and unique across accounts',
  'memberships(user_id)': "a person's memberships in every account, read at sign-in before one is chosen",
  'memberships(email)': 'PostgreSQL only: the trigram (GIN) search of people; a GIN index cannot lead with a plain column without btree_gin, and the search filters by account too',
  'memberships(sort_name)': 'PostgreSQL only: the trigram (GIN) search of people by name, as above',
  'jobs(status, lease_until)': 'the job queue: a worker claims the next due job of any account',
  'event_deliveries(status, run_after)': 'the outbox, delivered across accounts; its account_id is informational (nullable, no foreign key)',
  'support_requests(status, last_activity_at)': "the vendor's support inbox lists every account's requests by status",
  'report_exports(next_run_at)': "the worker's minute look for scheduled exports due in any account",
  'report_export_runs(expires_at)': 'the retention clean-up deletes the runs of every account past their expiry',
};

const key = (table: string, columns: readonly string[]) => `${table}(${columns.join(', ')})`;

interface IndexRow {
  table: string;
  name: string;
  columns: string[];
  primary: boolean;
}

/** Indexes of a table with account_id that neither lead with it nor are allowed above. */
function offending(indexes: IndexRow[]): string[] {
  return indexes
    .filter((index) => index.columns[0] !== 'account_id')
    .filter((index) => !(index.primary && index.columns.join() === 'id'))
    .filter((index) => !(key(index.table, index.columns) in allowed))
    .map((index) => `${index.name}: ${key(index.table, index.columns)}`)
    .sort();
}

/** Every index and unique key (primary keys included) of the tables that have account_id, from the database itself. */
async function catalogueIndexes(app: TestApp): Promise<IndexRow[]> {
  if (app.driver === 'sqlite') {
    const tables = await app.sql<{ name: string }>(
      "select m.name from sqlite_master m where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name = 'account_id')",
    );
    const rows: IndexRow[] = [];
    for (const { name: table } of tables) {
      for (const index of await app.sql<{ name: string; origin: string }>('select name, origin from pragma_index_list(?)', [table])) {
        const columns = await app.sql<{ name: string }>('select name from pragma_index_info(?) order by seqno', [index.name]);
        rows.push({ table, name: index.name, columns: columns.map((column) => column.name), primary: index.origin === 'pk' });
      }
    }
    return rows;
  }
  const rows = await app.sql<{ table: string; name: string; columns: string[] | string; primary: boolean }>(
    `select t.relname as "table", i.relname as name, x.indisprimary as "primary",
            array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
       from pg_index x
       join pg_class t on t.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = current_schema()
        and exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'account_id' and not a.attisdropped)`,
  );
  return rows.map((row) => ({ ...row, columns: typeof row.columns === 'string' ? row.columns.replace(/^\{|\}$/g, '').split(',') : row.columns }));
}

/** What the entities declare: @Index, @Unique (class and property) and the index a many-to-one gets unless `index: false`. */
function metadataIndexes(meta: EntityMetadata): IndexRow[] {
  const columnsOf = (properties: string | string[] | undefined) =>
    [properties ?? []].flat().flatMap((property) => meta.properties[property]?.fieldNames ?? [property]);
  const rows: IndexRow[] = [];
  for (const index of [...meta.indexes, ...meta.uniques]) {
    rows.push({ table: meta.tableName, name: String(index.name ?? `@Index/@Unique(${[index.properties].flat().join(', ')})`), columns: columnsOf(index.properties), primary: false });
  }
  for (const property of Object.values(meta.properties)) {
    if (property.unique) rows.push({ table: meta.tableName, name: `@Unique ${property.name}`, columns: property.fieldNames, primary: false });
    if (property.index) rows.push({ table: meta.tableName, name: `@Index ${property.name}`, columns: property.fieldNames, primary: false });
    const reference = property.kind === ReferenceKind.MANY_TO_ONE || (property.kind === ReferenceKind.ONE_TO_ONE && property.owner);
    if (reference && property.index !== false && !property.primary) {
      rows.push({ table: meta.tableName, name: `foreign key index of ${property.name}`, columns: property.fieldNames, primary: false });
    }
  }
  return rows;
}

describe.each(drivers)('tenant keys (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(driver, { seed: false });
  });
  afterAll(() => app?.close());

  const tenantTables = () =>
    app.orm
      .getMetadata()
      .getAll()
      .valueOf() as Record<string, EntityMetadata>;

  it('give every entity extending TenantEntity its own account_id', () => {
    const owned = Object.values(tenantTables()).filter((meta) => !meta.abstract && meta.class.prototype instanceof TenantEntity);
    expect(owned.length).toBeGreaterThan(10);
    expect(owned.filter((meta) => meta.properties.account?.fieldNames.join() !== 'account_id').map((meta) => meta.className)).toEqual([]);
  });

  it('declare in the entities no index or unique key that does not lead with the account', () => {
    const withAccount = Object.values(tenantTables()).filter((meta) => !meta.abstract && Object.values(meta.properties).some((p) => p.fieldNames?.includes('account_id')));
    expect(withAccount.map((meta) => meta.tableName)).toEqual(expect.arrayContaining(['seat_assignments', 'usage_events', 'sessions', 'event_deliveries']));
    expect(offending(withAccount.flatMap(metadataIndexes))).toEqual([]);
  });

  it('leave in the migrated database no index or unique key that does not lead with the account', async () => {
    const indexes = await catalogueIndexes(app);
    expect(indexes.some((index) => key(index.table, index.columns) === 'seat_assignments(account_id, subscription_id, user_id)')).toBe(true);
    expect(offending(indexes)).toEqual([]);
    // Every allowance is still needed: one whose index is gone must leave the list.
    const present = new Set(indexes.map((index) => key(index.table, index.columns)));
    const stale = Object.keys(allowed).filter((entry) => !present.has(entry) && !(driver === 'sqlite' && /^memberships\((email|sort_name)\)$/.test(entry)));
    expect(stale).toEqual([]);
  });

  it('catch an index that does not lead with the account', async () => {
    await app.sql('create index tenant_keys_probe on seat_assignments (user_id)');
    try {
      expect(offending(await catalogueIndexes(app))).toEqual(['tenant_keys_probe: seat_assignments(user_id)']);
    } finally {
      await app.sql('drop index tenant_keys_probe');
    }
  });
});
