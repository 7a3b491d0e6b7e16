import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16: the threads of support requests (`support_messages`, with when a request was last
 * active and closed) and the vendor's brand (`brand_settings`, one row).
 */
export class Migration20261204120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "brand_settings" ("key" varchar(20) not null default 'brand', "name" varchar(100) not null, "primary_color" varchar(7) null, "accent_color" varchar(7) null, "support_email" varchar(254) null, "support_url" varchar(500) null, "terms_url" varchar(500) null, "privacy_url" varchar(500) null, "logo" bytea null, "logo_type" varchar(20) null, "logo_hash" varchar(64) null, "updated_at" timestamptz not null, constraint "brand_settings_pkey" primary key ("key"));`);

    this.addSql(`alter table "support_requests" add column "last_activity_at" timestamptz null, add column "closed_at" timestamptz null;`);
    this.addSql(`update "support_requests" set "last_activity_at" = "created_at";`);
    this.addSql(`alter table "support_requests" alter column "last_activity_at" set not null;`);
    this.addSql(`create index "support_requests_status_last_activity_at_index" on "support_requests" ("status", "last_activity_at");`);

    this.addSql(`create table "support_messages" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "request_id" uuid not null, "author" text check ("author" in ('CUSTOMER', 'VENDOR')) not null, "written_by_id" uuid null, "body" text not null, constraint "support_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "support_messages_account_id_request_id_created_at_index" on "support_messages" ("account_id", "request_id", "created_at");`);
    this.addSql(`alter table "support_messages" add constraint "support_messages_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "support_messages" add constraint "support_messages_request_id_foreign" foreign key ("request_id") references "support_requests" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "support_messages" add constraint "support_messages_written_by_id_foreign" foreign key ("written_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_messages" cascade;`);
    this.addSql(`drop table if exists "brand_settings" cascade;`);
    this.addSql(`drop index if exists "support_requests_status_last_activity_at_index";`);
    this.addSql(`alter table "support_requests" drop column "last_activity_at", drop column "closed_at";`);
  }
}
