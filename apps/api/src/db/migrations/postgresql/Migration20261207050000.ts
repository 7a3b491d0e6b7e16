import { Migration } from '@mikro-orm/migrations';

export class Migration20261207050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "directory_groups" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "display_name" varchar(100) not null, "display_name_key" varchar(100) not null, "external_id" varchar(254) null, "team_id" uuid null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "directory_groups_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_groups_account_id_created_at_id_index" on "directory_groups" ("account_id", "created_at", "id");`);
    this.addSql(`create index "directory_groups_account_id_external_id_index" on "directory_groups" ("account_id", "external_id");`);
    this.addSql(`alter table "directory_groups" add constraint "directory_groups_account_id_display_name_key_unique" unique ("account_id", "display_name_key");`);

    this.addSql(`create table "directory_tokens" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "created_by_id" uuid null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "directory_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "directory_tokens" add constraint "directory_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "directory_tokens_account_id_revoked_at_index" on "directory_tokens" ("account_id", "revoked_at");`);

    this.addSql(`create table "directory_people" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "user_id" uuid not null, "user_name" varchar(254) not null, "user_name_key" varchar(254) not null, "external_id" varchar(254) null, "active" boolean not null default true, "resource" jsonb not null, "released_seats" jsonb null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "directory_people_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_people_account_id_created_at_id_index" on "directory_people" ("account_id", "created_at", "id");`);
    this.addSql(`create index "directory_people_account_id_external_id_index" on "directory_people" ("account_id", "external_id");`);
    this.addSql(`alter table "directory_people" add constraint "directory_people_account_id_user_id_unique" unique ("account_id", "user_id");`);
    this.addSql(`alter table "directory_people" add constraint "directory_people_account_id_user_name_key_unique" unique ("account_id", "user_name_key");`);

    this.addSql(`create table "directory_group_members" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "group_id" uuid not null, "user_id" uuid not null, constraint "directory_group_members_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_group_members_account_id_user_id_index" on "directory_group_members" ("account_id", "user_id");`);
    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_group_id_user_id_unique" unique ("group_id", "user_id");`);

    this.addSql(`alter table "directory_groups" add constraint "directory_groups_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "directory_groups" add constraint "directory_groups_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "directory_tokens" add constraint "directory_tokens_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "directory_tokens" add constraint "directory_tokens_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "directory_people" add constraint "directory_people_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "directory_people" add constraint "directory_people_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_group_id_foreign" foreign key ("group_id") references "directory_groups" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "directory_group_members" add constraint "directory_group_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_entries" add column "actor_kind" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory_group_members" drop constraint "directory_group_members_group_id_foreign";`);

    this.addSql(`drop table if exists "directory_groups" cascade;`);

    this.addSql(`drop table if exists "directory_tokens" cascade;`);

    this.addSql(`drop table if exists "directory_people" cascade;`);

    this.addSql(`drop table if exists "directory_group_members" cascade;`);

    this.addSql(`alter table "audit_entries" drop column "actor_kind";`);
  }

}
