import { Migration } from '@mikro-orm/migrations';

export class Migration20261125165311 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "accounts" ("id" uuid not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'Europe/Ljubljana', "created_at" timestamptz not null, constraint "accounts_pkey" primary key ("id"));`);

    this.addSql(`create table "products" ("id" uuid not null, "created_at" timestamptz not null, "code" varchar(20) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('SOFTWARE', 'CLOUD_SERVICE')) not null default 'SOFTWARE', "description" text null, constraint "products_pkey" primary key ("id"));`);
    this.addSql(`alter table "products" add constraint "products_code_unique" unique ("code");`);

    this.addSql(`create table "product_versions" ("id" uuid not null, "created_at" timestamptz not null, "product_id" uuid not null, "version" varchar(40) not null, "released_at" date not null, constraint "product_versions_pkey" primary key ("id"));`);
    this.addSql(`alter table "product_versions" add constraint "product_versions_product_id_version_unique" unique ("product_id", "version");`);

    this.addSql(`create table "teams" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "name" varchar(100) not null, constraint "teams_pkey" primary key ("id"));`);
    this.addSql(`alter table "teams" add constraint "teams_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "contracts" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "number" varchar(40) not null, "starts_on" date not null, "ends_on" date not null, "team_id" uuid null, constraint "contracts_pkey" primary key ("id"));`);
    this.addSql(`alter table "contracts" add constraint "contracts_account_id_number_unique" unique ("account_id", "number");`);

    this.addSql(`create table "subscriptions" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "contract_id" uuid not null, "name" varchar(200) not null, "licence_type" text check ("licence_type" in ('SINGLE_USER', 'MULTI_USER', 'NETWORK', 'CLOUD')) not null, "term" text check ("term" in ('MONTHLY', 'ANNUAL', 'THREE_YEAR')) not null, "seats" int not null, "starts_on" date not null, "ends_on" date not null, "state" text check ("state" in ('ACTIVE', 'CANCELLED')) not null default 'ACTIVE', "serial_number" varchar(40) not null, "team_id" uuid null, constraint "subscriptions_pkey" primary key ("id"));`);
    this.addSql(`create index "subscriptions_account_id_team_id_index" on "subscriptions" ("account_id", "team_id");`);
    this.addSql(`create index "subscriptions_account_id_ends_on_index" on "subscriptions" ("account_id", "ends_on");`);
    this.addSql(`alter table "subscriptions" add constraint "subscriptions_account_id_serial_number_unique" unique ("account_id", "serial_number");`);

    this.addSql(`create table "subscription_products" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subscription_id" uuid not null, "product_id" uuid not null, constraint "subscription_products_pkey" primary key ("id"));`);
    this.addSql(`alter table "subscription_products" add constraint "subscription_products_account_id_subscription_id__d2e68_unique" unique ("account_id", "subscription_id", "product_id");`);

    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz not null, "email" varchar(254) not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "sort_name" varchar(201) not null, "password_hash" varchar(200) null, "phone" varchar(32) null, "company" varchar(200) null, "country" varchar(2) null, "language" text check ("language" in ('EN', 'SL')) not null default 'EN', "last_sign_in_at" timestamptz null, "updated_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_sort_name_index" on "users" ("sort_name");`);

    this.addSql(`create table "usage_events" ("id" bigserial primary key, "account_id" uuid not null, "event_id" varchar(100) not null, "kind" text check ("kind" in ('PRODUCT_SESSION', 'CLOUD_CREDITS')) not null, "product_id" uuid null, "user_id" uuid null, "subscription_id" uuid null, "service" varchar(100) null, "occurred_at" timestamptz not null, "minutes" int null, "credits" int null, "received_at" timestamptz not null);`);
    this.addSql(`create index "usage_events_account_id_user_id_occurred_at_index" on "usage_events" ("account_id", "user_id", "occurred_at");`);
    this.addSql(`create index "usage_events_account_id_occurred_at_index" on "usage_events" ("account_id", "occurred_at");`);
    this.addSql(`alter table "usage_events" add constraint "usage_events_account_id_event_id_unique" unique ("account_id", "event_id");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "account_id" uuid not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "ip" varchar(64) null, "user_agent" varchar(400) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_user_id_expires_at_index" on "sessions" ("user_id", "expires_at");`);

    this.addSql(`create table "seat_assignments" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subscription_id" uuid not null, "user_id" uuid not null, "assigned_by_id" uuid null, constraint "seat_assignments_pkey" primary key ("id"));`);
    this.addSql(`create index "seat_assignments_account_id_user_id_index" on "seat_assignments" ("account_id", "user_id");`);
    this.addSql(`alter table "seat_assignments" add constraint "seat_assignments_account_id_subscription_id_user_id_unique" unique ("account_id", "subscription_id", "user_id");`);

    this.addSql(`create table "memberships" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN')) not null default 'USER', "status" text check ("status" in ('ACTIVE', 'INVITED', 'INACTIVE')) not null default 'ACTIVE', "team_id" uuid null, constraint "memberships_pkey" primary key ("id"));`);
    this.addSql(`create index "memberships_account_id_team_id_index" on "memberships" ("account_id", "team_id");`);
    this.addSql(`create index "memberships_account_id_status_role_index" on "memberships" ("account_id", "status", "role");`);
    this.addSql(`alter table "memberships" add constraint "memberships_account_id_user_id_unique" unique ("account_id", "user_id");`);

    this.addSql(`create table "invitations" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "email" varchar(254) not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "role" text check ("role" in ('USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN')) not null default 'USER', "team_id" uuid null, "token_hash" varchar(64) not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED')) not null default 'PENDING', "expires_at" timestamptz not null, "invited_by_id" uuid null, "accepted_at" timestamptz null, constraint "invitations_pkey" primary key ("id"));`);
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invitations_account_id_status_email_index" on "invitations" ("account_id", "status", "email");`);

    this.addSql(`create table "cloud_credit_entries" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subscription_id" uuid not null, "kind" text check ("kind" in ('PURCHASE', 'CONSUMPTION', 'ADJUSTMENT')) not null, "amount" int not null, "service" varchar(100) null, "user_id" uuid null, "occurred_at" timestamptz not null, constraint "cloud_credit_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "cloud_credit_entries_account_id_subscription_id_oc_34b72_index" on "cloud_credit_entries" ("account_id", "subscription_id", "occurred_at");`);

    this.addSql(`create table "audit_entries" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "actor_id" uuid null, "action" varchar(60) not null, "target_type" varchar(40) not null, "target_id" varchar(64) null, "summary" varchar(500) not null, "before" jsonb null, "after" jsonb null, constraint "audit_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entries_account_id_action_index" on "audit_entries" ("account_id", "action");`);
    this.addSql(`create index "audit_entries_account_id_created_at_index" on "audit_entries" ("account_id", "created_at");`);

    this.addSql(`alter table "product_versions" add constraint "product_versions_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "teams" add constraint "teams_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contracts" add constraint "contracts_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contracts" add constraint "contracts_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "subscriptions" add constraint "subscriptions_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscriptions" add constraint "subscriptions_contract_id_foreign" foreign key ("contract_id") references "contracts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscriptions" add constraint "subscriptions_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "subscription_products" add constraint "subscription_products_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_products" add constraint "subscription_products_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_products" add constraint "subscription_products_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "usage_events" add constraint "usage_events_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_events" add constraint "usage_events_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "usage_events" add constraint "usage_events_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "usage_events" add constraint "usage_events_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "seat_assignments" add constraint "seat_assignments_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "seat_assignments" add constraint "seat_assignments_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "seat_assignments" add constraint "seat_assignments_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "seat_assignments" add constraint "seat_assignments_assigned_by_id_foreign" foreign key ("assigned_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "memberships" add constraint "memberships_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "memberships" add constraint "memberships_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "invitations" add constraint "invitations_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitations" add constraint "invitations_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "cloud_credit_entries" add constraint "cloud_credit_entries_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cloud_credit_entries" add constraint "cloud_credit_entries_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cloud_credit_entries" add constraint "cloud_credit_entries_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_entries" add constraint "audit_entries_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "teams" drop constraint "teams_account_id_foreign";`);

    this.addSql(`alter table "contracts" drop constraint "contracts_account_id_foreign";`);

    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_account_id_foreign";`);

    this.addSql(`alter table "subscription_products" drop constraint "subscription_products_account_id_foreign";`);

    this.addSql(`alter table "usage_events" drop constraint "usage_events_account_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_account_id_foreign";`);

    this.addSql(`alter table "seat_assignments" drop constraint "seat_assignments_account_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_account_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_account_id_foreign";`);

    this.addSql(`alter table "cloud_credit_entries" drop constraint "cloud_credit_entries_account_id_foreign";`);

    this.addSql(`alter table "audit_entries" drop constraint "audit_entries_account_id_foreign";`);

    this.addSql(`alter table "product_versions" drop constraint "product_versions_product_id_foreign";`);

    this.addSql(`alter table "subscription_products" drop constraint "subscription_products_product_id_foreign";`);

    this.addSql(`alter table "usage_events" drop constraint "usage_events_product_id_foreign";`);

    this.addSql(`alter table "contracts" drop constraint "contracts_team_id_foreign";`);

    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_team_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_team_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_team_id_foreign";`);

    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_contract_id_foreign";`);

    this.addSql(`alter table "subscription_products" drop constraint "subscription_products_subscription_id_foreign";`);

    this.addSql(`alter table "usage_events" drop constraint "usage_events_subscription_id_foreign";`);

    this.addSql(`alter table "seat_assignments" drop constraint "seat_assignments_subscription_id_foreign";`);

    this.addSql(`alter table "cloud_credit_entries" drop constraint "cloud_credit_entries_subscription_id_foreign";`);

    this.addSql(`alter table "usage_events" drop constraint "usage_events_user_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "seat_assignments" drop constraint "seat_assignments_user_id_foreign";`);

    this.addSql(`alter table "seat_assignments" drop constraint "seat_assignments_assigned_by_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_invited_by_id_foreign";`);

    this.addSql(`alter table "cloud_credit_entries" drop constraint "cloud_credit_entries_user_id_foreign";`);

    this.addSql(`alter table "audit_entries" drop constraint "audit_entries_actor_id_foreign";`);

    this.addSql(`drop table if exists "accounts" cascade;`);

    this.addSql(`drop table if exists "products" cascade;`);

    this.addSql(`drop table if exists "product_versions" cascade;`);

    this.addSql(`drop table if exists "teams" cascade;`);

    this.addSql(`drop table if exists "contracts" cascade;`);

    this.addSql(`drop table if exists "subscriptions" cascade;`);

    this.addSql(`drop table if exists "subscription_products" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "usage_events" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "seat_assignments" cascade;`);

    this.addSql(`drop table if exists "memberships" cascade;`);

    this.addSql(`drop table if exists "invitations" cascade;`);

    this.addSql(`drop table if exists "cloud_credit_entries" cascade;`);

    this.addSql(`drop table if exists "audit_entries" cascade;`);
  }

}
