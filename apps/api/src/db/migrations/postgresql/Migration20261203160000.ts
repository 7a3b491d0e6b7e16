import { Migration } from '@mikro-orm/migrations';

/** The event bus's outbox: one row per event and subscriber, delivered after commit (modules/jobs/event-bus.ts). */
export class Migration20261203160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "event_deliveries" ("id" uuid not null, "created_at" timestamptz not null, "event" varchar(80) not null, "subscriber" varchar(80) not null, "account_id" uuid null, "payload" jsonb not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "max_attempts" int not null default 5, "run_after" timestamptz not null, "locked_by" varchar(80) null, "lease_until" timestamptz null, "error" varchar(500) null, "finished_at" timestamptz null, constraint "event_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "event_deliveries_status_run_after_index" on "event_deliveries" ("status", "run_after");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_deliveries";`);
  }
}
