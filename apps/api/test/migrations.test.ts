import { randomUUID } from 'node:crypto';
import {
  ForeignKeyConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/modules/identity/user.entity.js';
import { SeatAssignment } from '../src/modules/subscriptions/seat-assignment.entity.js';
import { Membership } from '../src/modules/users/membership.entity.js';
import { drivers, startTestApp, type TestApp } from './harness.js';

/**
 * MikroORM 6 misreads SQLite's enum check constraints and autoincrement ids when it introspects,
 * so its diff rebuilds tables that are already right. A rebuild is a real change only when the
 * table or index it creates differs from what the database holds; everything else must be empty.
 */
async function realSqliteChanges(app: TestApp, diff: string): Promise<string[]> {
  const existing = new Set(
    // SQLite keeps each statement as written, except that it upper-cases `CREATE TABLE/INDEX` and,
    // for a table rebuilt and renamed by a migration, writes its new name in double quotes.
    (await app.sql<{ sql: string | null }>('select sql from sqlite_master')).map((row) =>
      row.sql
        ?.trim()
        .replace(/^create table "(\w+)"/i, 'create table `$1`')
        .toLowerCase(),
    ),
  );
  return diff
    .split(/;\s*/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .filter(
      (statement) =>
        !/^pragma foreign_keys = (on|off)$/.test(statement) &&
        !/^insert into `\w+__temp_alter` select /.test(statement) &&
        !/^drop table `\w+`$/.test(statement) &&
        !/^alter table `\w+__temp_alter` rename to `\w+`$/.test(statement),
    )
    .map((statement) => statement.replace(/`(\w+)__temp_alter`/g, '`$1`'))
    .filter((statement) => !existing.has(statement.toLowerCase()));
}

/**
 * The trigram search indexes exist only on PostgreSQL (migration 20261203090000) and entities
 * cannot declare them for both drivers, so the diff proposes dropping exactly those: nothing else.
 */
function realPostgresChanges(diff: string): string[] {
  return diff
    .split(/;\s*/)
    .map((statement) => statement.trim())
    .filter((statement) => statement && !/^drop index "memberships_(sort_name|email)_trgm_index"$/.test(statement));
}

describe.each(drivers)('migrations (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(driver);
  });
  afterAll(() => app?.close());

  it('leave no difference between the entities and the migrated schema', async () => {
    const diff = await app.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    const pending = driver === 'sqlite' ? await realSqliteChanges(app, diff) : realPostgresChanges(diff);
    expect(pending, 'entities changed without a migration: run `pnpm db:migration:create`').toEqual([]);
  });

  it('refuse a second user with the same email', async () => {
    const now = new Date();
    await expect(
      app.em().insert(User, {
        id: randomUUID(),
        email: 'admin@example.com',
        firstName: 'Ana',
        lastName: 'Again',
        sortName: 'ana again',
        createdAt: now,
        updatedAt: now,
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('refuse a second seat of the same subscription for the same person', async () => {
    const [seat] = await app.sql<{ account_id: string; subscription_id: string; user_id: string }>(
      'select account_id, subscription_id, user_id from seat_assignments limit 1',
    );
    expect(seat).toBeDefined();
    await expect(
      app.em().insert(SeatAssignment, {
        id: randomUUID(),
        account: seat!.account_id,
        subscription: seat!.subscription_id,
        user: seat!.user_id,
        createdAt: new Date(),
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('refuse a row that points at nothing', async () => {
    const [account] = await app.sql<{ id: string }>('select id from accounts limit 1');
    await expect(
      app.em().insert(Membership, {
        id: randomUUID(), account: account!.id, user: randomUUID(), createdAt: new Date(), email: 'nobody@example.com', firstName: 'No', lastName: 'Body', sortName: 'no body',
      }),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintViolationException);
  });
});
