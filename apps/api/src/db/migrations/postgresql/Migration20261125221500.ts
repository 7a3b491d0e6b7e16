import { Migration } from '@mikro-orm/migrations';
import { backfillStatements } from '../membership-privacy-backfill.js';

/**
 * What an inviting account typed about a person, kept on the membership and shown until the
 * person accepts, and the last sign-in per membership (per account) instead of per person.
 */
export class Migration20261125221500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "memberships" add column "invited_email" varchar(254) null, add column "invited_first_name" varchar(100) null, add column "invited_last_name" varchar(100) null, add column "invited_sort_name" varchar(201) null, add column "last_sign_in_at" timestamptz null;`);
    for (const statement of backfillStatements) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "memberships" drop column "invited_email", drop column "invited_first_name", drop column "invited_last_name", drop column "invited_sort_name", drop column "last_sign_in_at";`);
  }
}
