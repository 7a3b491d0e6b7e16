import { Migration } from '@mikro-orm/migrations';

/**
 * Vendor service tokens (a table of their own: they belong to no customer account), idempotency
 * keys of creates and changes (unique per principal and key), and the token name in the vendor
 * audit log.
 */
export class Migration20261204130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" ("id" uuid not null, "created_at" timestamptz not null, "principal" varchar(120) not null, "key" varchar(200) not null, "operation" varchar(100) not null, "request_hash" varchar(64) not null, "result" text null, "expires_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_keys_expires_at_index" on "idempotency_keys" ("expires_at");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_principal_key_unique" unique ("principal", "key");`);

    this.addSql(`create table "vendor_api_tokens" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "scopes" varchar(500) not null, "created_by_id" uuid null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "vendor_api_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "vendor_api_tokens" add constraint "vendor_api_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "vendor_api_tokens_created_at_id_index" on "vendor_api_tokens" ("created_at", "id");`);

    this.addSql(`alter table "vendor_api_tokens" add constraint "vendor_api_tokens_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "vendor_audit_entries" add column "token_name" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);

    this.addSql(`drop table if exists "vendor_api_tokens" cascade;`);

    this.addSql(`alter table "vendor_audit_entries" drop column "token_name";`);
  }
}
