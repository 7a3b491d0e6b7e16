import { Migration } from '@mikro-orm/migrations';

/** API tokens (F-61): personal and service tokens, stored as SHA-256 hashes. */
export class Migration20261125205000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "api_tokens" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "kind" text check ("kind" in ('PERSONAL', 'SERVICE')) not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "scopes" varchar(500) not null, "owner_id" uuid null, "created_by_id" uuid null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_tokens_account_id_owner_id_index" on "api_tokens" ("account_id", "owner_id");`);
    this.addSql(`create index "api_tokens_account_id_created_at_id_index" on "api_tokens" ("account_id", "created_at", "id");`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_tokens" cascade;`);
  }
}
