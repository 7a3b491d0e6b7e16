import { Migration } from '@mikro-orm/migrations';

/** Products and services: installer files, trials, licence requests, the job queue and custom install packages. */
export class Migration20261125204000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "jobs" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "kind" varchar(60) not null, "payload" jsonb not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', "progress" int not null default 0, "attempts" int not null default 0, "max_attempts" int not null default 3, "locked_by" varchar(80) null, "lease_until" timestamptz null, "error" varchar(500) null, "finished_at" timestamptz null, constraint "jobs_pkey" primary key ("id"));`);
    this.addSql(`create index "jobs_status_lease_until_index" on "jobs" ("status", "lease_until");`);

    this.addSql(`create table "product_files" ("id" uuid not null, "created_at" timestamptz not null, "version_id" uuid not null, "kind" text check ("kind" in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, "name" varchar(200) not null, "platform" text check ("platform" in ('WINDOWS', 'MACOS', 'LINUX')) not null, "language" varchar(10) not null, "file_name" varchar(200) not null, "storage_key" varchar(300) not null, "size" int not null, "sha256" varchar(64) not null, "released_at" date not null, "description" text null, constraint "product_files_pkey" primary key ("id"));`);
    this.addSql(`create index "product_files_version_id_kind_index" on "product_files" ("version_id", "kind");`);
    this.addSql(`alter table "product_files" add constraint "product_files_version_id_kind_name_platform_language_unique" unique ("version_id", "kind", "name", "platform", "language");`);

    this.addSql(`create table "trials" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "ends_at" timestamptz not null, constraint "trials_pkey" primary key ("id"));`);
    this.addSql(`alter table "trials" add constraint "trials_account_id_user_id_product_id_unique" unique ("account_id", "user_id", "product_id");`);

    this.addSql(`create table "licence_requests" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "kind" text check ("kind" in ('HOME_USE', 'NETWORK')) not null, "requested_by_id" uuid not null, "subscription_id" uuid not null, "product_id" uuid not null, "version_id" uuid not null, "server_host_name" varchar(253) null, "host_id" varchar(17) null, "seats" int null, "licence_file" text null, constraint "licence_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "licence_requests_account_id_created_at_index" on "licence_requests" ("account_id", "created_at");`);

    this.addSql(`create table "install_packages" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "name" varchar(100) not null, "created_by_id" uuid not null, "version_id" uuid not null, "platform" text check ("platform" in ('WINDOWS', 'MACOS', 'LINUX')) not null, "language" varchar(10) not null, "add_on_ids" jsonb not null, "settings" jsonb not null, "job_id" uuid not null, "storage_key" varchar(300) null, "size" int null, "sha256" varchar(64) null, constraint "install_packages_pkey" primary key ("id"));`);
    this.addSql(`create index "install_packages_account_id_created_by_id_created_at_index" on "install_packages" ("account_id", "created_by_id", "created_at");`);

    this.addSql(`alter table "jobs" add constraint "jobs_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_files" add constraint "product_files_version_id_foreign" foreign key ("version_id") references "product_versions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "trials" add constraint "trials_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trials" add constraint "trials_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trials" add constraint "trials_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "licence_requests" add constraint "licence_requests_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_requests" add constraint "licence_requests_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_requests" add constraint "licence_requests_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_requests" add constraint "licence_requests_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_requests" add constraint "licence_requests_version_id_foreign" foreign key ("version_id") references "product_versions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "install_packages" add constraint "install_packages_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "install_packages" add constraint "install_packages_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "install_packages" add constraint "install_packages_version_id_foreign" foreign key ("version_id") references "product_versions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "install_packages" add constraint "install_packages_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "install_packages" drop constraint "install_packages_job_id_foreign";`);

    this.addSql(`drop table if exists "jobs" cascade;`);

    this.addSql(`drop table if exists "product_files" cascade;`);

    this.addSql(`drop table if exists "trials" cascade;`);

    this.addSql(`drop table if exists "licence_requests" cascade;`);

    this.addSql(`drop table if exists "install_packages" cascade;`);

  }

}
