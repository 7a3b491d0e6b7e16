import { Migration } from '@mikro-orm/migrations';

/** Users list: read the first page in index order (name, then id) and sort by join date cheaply. */
export class Migration20261125180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists `users_sort_name_index`;');
    this.addSql('create index `users_sort_name_id_index` on `users` (`sort_name`, `id`);');
    this.addSql(
      'create index `memberships_account_id_created_at_user_id_index` on `memberships` (`account_id`, `created_at`, `user_id`);',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `memberships_account_id_created_at_user_id_index`;');
    this.addSql('drop index if exists `users_sort_name_id_index`;');
    this.addSql('create index `users_sort_name_index` on `users` (`sort_name`);');
  }
}
