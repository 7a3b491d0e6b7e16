import { Migration } from '@mikro-orm/migrations';

/**
 * The tables of the directory, devices and webhooks follow the tenant-key rule too
 * (test/tenant-keys.test.ts): SQLite's per-foreign-key indexes go, and a group's members are unique
 * per (account, group, person), which also serves reading a group's members in its account.
 */
export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists `directory_group_members_group_id_index`;');
    this.addSql('drop index if exists `directory_group_members_user_id_index`;');
    this.addSql('drop index if exists `directory_group_members_group_id_user_id_unique`;');
    this.addSql('drop index if exists `directory_groups_team_id_index`;');
    this.addSql('drop index if exists `directory_people_user_id_index`;');
    this.addSql('drop index if exists `directory_tokens_created_by_id_index`;');
    this.addSql('drop index if exists `licence_devices_product_id_index`;');
    this.addSql('drop index if exists `licence_devices_user_id_index`;');
    this.addSql('drop index if exists `webhook_endpoints_created_by_id_index`;');
    this.addSql('create unique index `directory_group_members_account_id_group_id_user_id_unique` on `directory_group_members` (`account_id`, `group_id`, `user_id`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `directory_group_members_account_id_group_id_user_id_unique`;');
    this.addSql('create unique index `directory_group_members_group_id_user_id_unique` on `directory_group_members` (`group_id`, `user_id`);');
  }
}
