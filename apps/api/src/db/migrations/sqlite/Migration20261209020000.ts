import { Migration } from '@mikro-orm/migrations';

/**
 * Scheduled report exports and their runs (`modules/exports`), the account's retention of their
 * files (90 days unless the account says otherwise; null keeps them for good), and the history of
 * every cron schedule's firings (`job_schedule_runs`, one row per slot that ran; issue 19, items 3 and 4).
 */
export class Migration20261209020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`job_schedule_runs\` (\`id\` text not null, \`name\` text not null, \`slot_at\` datetime not null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', \`started_at\` datetime not null, \`finished_at\` datetime null, \`error\` text null, \`instance\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`job_schedule_runs_started_at_index\` on \`job_schedule_runs\` (\`started_at\`);`);
    this.addSql(`create unique index \`job_schedule_runs_name_slot_at_unique\` on \`job_schedule_runs\` (\`name\`, \`slot_at\`);`);
    this.addSql(`create table \`report_exports\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('SEAT_USAGE_BY_USER', 'SEAT_USAGE_BY_PRODUCT', 'CLOUD_SERVICES_USAGE', 'SUBSCRIPTIONS', 'USERS', 'AUDIT_LOG')) not null, \`format\` text check (\`format\` in ('CSV', 'XLSX', 'JSON')) not null, \`filter\` json not null, \`frequency\` text check (\`frequency\` in ('DAILY', 'WEEKLY', 'MONTHLY')) not null, \`weekday\` integer null, \`day_of_month\` integer null, \`hour\` integer not null, \`range_kind\` text check (\`range_kind\` in ('ROLLING_DAYS', 'SINCE_LAST_RUN')) not null, \`range_days\` integer null, \`recipient_ids\` json not null, \`next_run_at\` datetime not null, \`last_run_at\` datetime null, \`covered_through\` text null, \`created_by_id\` text null, constraint \`report_exports_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`report_exports_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`report_exports_account_id_index\` on \`report_exports\` (\`account_id\`);`);
    this.addSql(`create index \`report_exports_next_run_at_index\` on \`report_exports\` (\`next_run_at\`);`);
    this.addSql(`create index \`report_exports_account_id_name_index\` on \`report_exports\` (\`account_id\`, \`name\`);`);
    this.addSql(`create table \`report_export_runs\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`export_id\` text not null, \`slot_at\` datetime not null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`finished_at\` datetime null, \`error\` text null, \`range_from\` text not null, \`range_to\` text not null, \`file_name\` text null, \`storage_key\` text null, \`row_count\` integer null, \`size_bytes\` integer null, \`expires_at\` datetime null, constraint \`report_export_runs_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`report_export_runs_export_id_foreign\` foreign key(\`export_id\`) references \`report_exports\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`report_export_runs_account_id_index\` on \`report_export_runs\` (\`account_id\`);`);
    this.addSql(`create index \`report_export_runs_expires_at_index\` on \`report_export_runs\` (\`expires_at\`);`);
    this.addSql(`create index \`report_export_runs_account_id_export_id_created_at_index\` on \`report_export_runs\` (\`account_id\`, \`export_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`report_export_runs_account_id_export_id_slot_at_unique\` on \`report_export_runs\` (\`account_id\`, \`export_id\`, \`slot_at\`);`);
    this.addSql(`alter table \`accounts\` add column \`export_retention_days\` integer null default 90;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `report_export_runs`;');
    this.addSql('drop table if exists `report_exports`;');
    this.addSql('drop table if exists `job_schedule_runs`;');
    this.addSql('alter table `accounts` drop column `export_retention_days`;');
  }
}
