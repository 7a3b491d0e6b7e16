import { Migration } from '@mikro-orm/migrations';

/**
 * Users list: read the first page in index order (name, then id), sort by join date cheaply, and
 * search names and emails by substring through trigram indexes. pg_trgm ships with PostgreSQL's
 * contrib and is a trusted extension; where a server lacks it, search still works, unindexed.
 */
export class Migration20261125180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists "users_sort_name_index";');
    this.addSql('create index "users_sort_name_id_index" on "users" ("sort_name", "id");');
    this.addSql(
      'create index "memberships_account_id_created_at_user_id_index" on "memberships" ("account_id", "created_at", "user_id");',
    );
    this.addSql(`do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
    create extension if not exists pg_trgm;
    create index if not exists "users_sort_name_trgm_index" on "users" using gin ("sort_name" gin_trgm_ops);
    create index if not exists "users_email_trgm_index" on "users" using gin ("email" gin_trgm_ops);
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "users_email_trgm_index";');
    this.addSql('drop index if exists "users_sort_name_trgm_index";');
    this.addSql('drop index if exists "memberships_account_id_created_at_user_id_index";');
    this.addSql('drop index if exists "users_sort_name_id_index";');
    this.addSql('create index "users_sort_name_index" on "users" ("sort_name");');
  }
}
