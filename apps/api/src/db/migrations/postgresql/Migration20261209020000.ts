import { Migration } from '@mikro-orm/migrations';

/**
 * Scheduled report exports and their runs (`modules/exports`), the account's retention of their
 * files (90 days unless the account says otherwise; null keeps them for good), and the history of
 * every cron schedule's firings (`job_schedule_runs`, one row per slot that ran; issue 19, items 3 and 4).
 */
export class Migration20261209020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "job_schedule_runs" ("id" uuid not null, "name" varchar(80) not null, "slot_at" timestamptz not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', "started_at" timestamptz not null, "finished_at" timestamptz null, "error" varchar(500) null, "instance" varchar(120) not null, constraint "job_schedule_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "job_schedule_runs_started_at_index" on "job_schedule_runs" ("started_at");`);
    this.addSql(`alter table "job_schedule_runs" add constraint "job_schedule_runs_name_slot_at_unique" unique ("name", "slot_at");`);
    this.addSql(`create table "report_exports" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "name" varchar(100) not null, "kind" text check ("kind" in ('SEAT_USAGE_BY_USER', 'SEAT_USAGE_BY_PRODUCT', 'CLOUD_SERVICES_USAGE', 'SUBSCRIPTIONS', 'USERS', 'AUDIT_LOG')) not null, "format" text check ("format" in ('CSV', 'XLSX', 'JSON')) not null, "filter" jsonb not null, "frequency" text check ("frequency" in ('DAILY', 'WEEKLY', 'MONTHLY')) not null, "weekday" int null, "day_of_month" int null, "hour" int not null, "range_kind" text check ("range_kind" in ('ROLLING_DAYS', 'SINCE_LAST_RUN')) not null, "range_days" int null, "recipient_ids" jsonb not null, "next_run_at" timestamptz not null, "last_run_at" timestamptz null, "covered_through" varchar(10) null, "created_by_id" uuid null, constraint "report_exports_pkey" primary key ("id"));`);
    this.addSql(`create index "report_exports_next_run_at_index" on "report_exports" ("next_run_at");`);
    this.addSql(`create index "report_exports_account_id_name_index" on "report_exports" ("account_id", "name");`);
    this.addSql(`create table "report_export_runs" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "export_id" uuid not null, "slot_at" timestamptz not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "finished_at" timestamptz null, "error" varchar(500) null, "range_from" varchar(10) not null, "range_to" varchar(10) not null, "file_name" varchar(200) null, "storage_key" varchar(300) null, "row_count" int null, "size_bytes" int null, "expires_at" timestamptz null, constraint "report_export_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "report_export_runs_expires_at_index" on "report_export_runs" ("expires_at");`);
    this.addSql(`create index "report_export_runs_account_id_export_id_created_at_index" on "report_export_runs" ("account_id", "export_id", "created_at");`);
    this.addSql(`alter table "report_export_runs" add constraint "report_export_runs_account_id_export_id_slot_at_unique" unique ("account_id", "export_id", "slot_at");`);
    this.addSql(`alter table "report_exports" add constraint "report_exports_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_exports" add constraint "report_exports_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "report_export_runs" add constraint "report_export_runs_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_export_runs" add constraint "report_export_runs_export_id_foreign" foreign key ("export_id") references "report_exports" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "accounts" add column "export_retention_days" int null default 90;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_export_runs" cascade;`);
    this.addSql(`drop table if exists "report_exports" cascade;`);
    this.addSql(`drop table if exists "job_schedule_runs" cascade;`);
    this.addSql(`alter table "accounts" drop column "export_retention_days";`);
  }
}
