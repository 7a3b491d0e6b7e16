import { Migration } from '@mikro-orm/migrations';

/**
 * What an account sees of a person lives on the membership, always filled: while the person has
 * not accepted, what the account typed (the `invited_*` columns this replaces); after that, their
 * own profile, kept in step by the app. Lists sort and search by these columns, so their indexes
 * move here from `users`: (account, sort name, user) for the first page in index order, (account,
 * email), and the trigram indexes of substring search (GIN, which cannot lead with a plain column
 * without the btree_gin extension; every search also names the account, and each shard of a
 * distributed table has its own index).
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "memberships" add column "email" varchar(254) null, add column "first_name" varchar(100) null, add column "last_name" varchar(100) null, add column "sort_name" varchar(201) null;`);
    this.addSql(`update "memberships" m set
      "email" = coalesce(m."invited_email", u."email"),
      "first_name" = case when m."invited_email" is null then u."first_name" else m."invited_first_name" end,
      "last_name" = case when m."invited_email" is null then u."last_name" else m."invited_last_name" end,
      "sort_name" = case when m."invited_email" is null then u."sort_name" else m."invited_sort_name" end
      from "users" u where u."id" = m."user_id";`);
    this.addSql(`alter table "memberships" alter column "email" set not null, alter column "first_name" set not null, alter column "last_name" set not null, alter column "sort_name" set not null;`);
    this.addSql(`alter table "memberships" drop column "invited_email", drop column "invited_first_name", drop column "invited_last_name", drop column "invited_sort_name";`);
    this.addSql(`create index "memberships_account_id_email_index" on "memberships" ("account_id", "email");`);
    this.addSql(`create index "memberships_account_id_sort_name_user_id_index" on "memberships" ("account_id", "sort_name", "user_id");`);
    this.addSql(`drop index if exists "users_sort_name_id_index";`);
    this.addSql(`drop index if exists "users_sort_name_trgm_index";`);
    this.addSql(`drop index if exists "users_email_trgm_index";`);
    this.addSql(`do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
    create extension if not exists pg_trgm;
    create index if not exists "memberships_sort_name_trgm_index" on "memberships" using gin ("sort_name" gin_trgm_ops);
    create index if not exists "memberships_email_trgm_index" on "memberships" using gin ("email" gin_trgm_ops);
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "memberships_email_trgm_index";`);
    this.addSql(`drop index if exists "memberships_sort_name_trgm_index";`);
    this.addSql(`drop index if exists "memberships_account_id_sort_name_user_id_index";`);
    this.addSql(`drop index if exists "memberships_account_id_email_index";`);
    this.addSql(`alter table "memberships" add column "invited_email" varchar(254) null, add column "invited_first_name" varchar(100) null, add column "invited_last_name" varchar(100) null, add column "invited_sort_name" varchar(201) null;`);
    this.addSql(`update "memberships" set "invited_email" = "email", "invited_first_name" = "first_name", "invited_last_name" = "last_name", "invited_sort_name" = "sort_name" where "status" = 'INVITED';`);
    this.addSql(`alter table "memberships" drop column "email", drop column "first_name", drop column "last_name", drop column "sort_name";`);
    this.addSql(`create index "users_sort_name_id_index" on "users" ("sort_name", "id");`);
    this.addSql(`do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    create index if not exists "users_sort_name_trgm_index" on "users" using gin ("sort_name" gin_trgm_ops);
    create index if not exists "users_email_trgm_index" on "users" using gin ("email" gin_trgm_ops);
  end if;
end
$$;`);
  }
}
