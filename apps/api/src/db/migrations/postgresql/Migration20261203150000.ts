import { Migration } from '@mikro-orm/migrations';

/**
 * The vendor's side (issue 16): its staff (a role per person, no membership in any customer
 * account), their sessions, set-up links and audit log; customers' country, language, billing id
 * and status on `accounts` (added columns, so nothing is rebuilt).
 */
export class Migration20261203150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "vendor_setup_links" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "email" varchar(254) null, "role" text check ("role" in ('OPERATOR', 'SUPPORT')) not null default 'OPERATOR', "first_run" boolean not null default false, "expires_at" timestamptz not null, "used_at" timestamptz null, "pending_email" varchar(254) null, "pending_first_name" varchar(100) null, "pending_last_name" varchar(100) null, "pending_language" text check ("pending_language" in ('EN', 'SL')) null, "pending_password_hash" varchar(200) null, "pending_secret_sealed" varchar(200) null, "failed_attempts" int not null default 0, constraint "vendor_setup_links_pkey" primary key ("id"));`);
    this.addSql(`alter table "vendor_setup_links" add constraint "vendor_setup_links_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "vendor_sessions" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "ip" varchar(64) null, "user_agent" varchar(400) null, constraint "vendor_sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "vendor_sessions" add constraint "vendor_sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "vendor_sessions_user_id_expires_at_index" on "vendor_sessions" ("user_id", "expires_at");`);

    this.addSql(`create table "vendor_audit_entries" ("id" uuid not null, "created_at" timestamptz not null, "actor_id" uuid null, "action" varchar(60) not null, "customer_id" uuid null, "customer_name" varchar(200) null, "summary" varchar(500) not null, "details" jsonb null, constraint "vendor_audit_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "vendor_audit_entries_customer_id_created_at_index" on "vendor_audit_entries" ("customer_id", "created_at");`);
    this.addSql(`create index "vendor_audit_entries_created_at_id_index" on "vendor_audit_entries" ("created_at", "id");`);

    this.addSql(`create table "vendor_staff" ("id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "role" text check ("role" in ('OPERATOR', 'SUPPORT')) not null default 'OPERATOR', constraint "vendor_staff_pkey" primary key ("id"));`);
    this.addSql(`alter table "vendor_staff" add constraint "vendor_staff_user_id_unique" unique ("user_id");`);

    this.addSql(`alter table "vendor_sessions" add constraint "vendor_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "vendor_audit_entries" add constraint "vendor_audit_entries_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "vendor_staff" add constraint "vendor_staff_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "accounts" add column "country" varchar(2) null, add column "language" text check ("language" in ('EN', 'SL')) not null default 'EN', add column "external_id" varchar(100) null, add column "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'CLOSED')) not null default 'ACTIVE', add column "status_changed_at" timestamptz null;`);
    this.addSql(`alter table "accounts" add constraint "accounts_external_id_unique" unique ("external_id");`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "accounts" drop constraint "accounts_external_id_unique";');
    this.addSql('alter table "accounts" drop column "country", drop column "language", drop column "external_id", drop column "status", drop column "status_changed_at";');
    for (const table of ['vendor_staff', 'vendor_audit_entries', 'vendor_sessions', 'vendor_setup_links']) this.addSql(`drop table if exists "${table}";`);
  }
}
