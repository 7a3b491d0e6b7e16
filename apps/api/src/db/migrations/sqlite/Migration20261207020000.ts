import { Migration } from '@mikro-orm/migrations';

/** `run_after`: a failed job's next attempt waits a doubling backoff (`modules/jobs/job-queue.ts`). */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `jobs` add column `run_after` datetime null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `jobs` drop column `run_after`;');
  }
}
