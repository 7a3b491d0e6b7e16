import { Migration } from '@mikro-orm/migrations';

/**
 * The tables of the directory, devices and webhooks follow the tenant-key rule too
 * (test/tenant-keys.test.ts): SQLite's per-foreign-key indexes go, and a group's members are unique
 * per (account, group, person), which also serves reading a group's members in its account.
 */
export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "directory_group_members" drop constraint "directory_group_members_group_id_user_id_unique";`);
    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_account_id_group_id_user_id_unique" unique ("account_id", "group_id", "user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory_group_members" drop constraint "directory_group_members_account_id_group_id_user_id_unique";`);
    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_group_id_user_id_unique" unique ("group_id", "user_id");`);
  }
}
