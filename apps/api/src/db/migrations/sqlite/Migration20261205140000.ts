import { Migration } from '@mikro-orm/migrations';

/** When each cron schedule fires next, shared by the instances (`modules/jobs/schedules.ts`). */
export class Migration20261205140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `job_schedules` (`name` text not null, `next_run_at` datetime not null, `last_run_at` datetime null, `last_error` text null, primary key (`name`));');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `job_schedules`;');
  }
}
