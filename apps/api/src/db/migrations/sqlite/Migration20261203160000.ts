import { Migration } from '@mikro-orm/migrations';

/** The event bus's outbox: one row per event and subscriber, delivered after commit (modules/jobs/event-bus.ts). */
export class Migration20261203160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`event_deliveries\` (\`id\` text not null, \`created_at\` datetime not null, \`event\` text not null, \`subscriber\` text not null, \`account_id\` text null, \`payload\` json not null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', \`attempts\` integer not null default 0, \`max_attempts\` integer not null default 5, \`run_after\` datetime not null, \`locked_by\` text null, \`lease_until\` datetime null, \`error\` text null, \`finished_at\` datetime null, primary key (\`id\`));`);
    this.addSql('create index `event_deliveries_status_run_after_index` on `event_deliveries` (`status`, `run_after`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `event_deliveries`;');
  }
}
