import { Migration } from '@mikro-orm/migrations';

/**
 * The job queue on PostgreSQL (`modules/jobs/pg-queue.ts`): each new `jobs` row adds one
 * graphile-worker job naming it, in the inserting transaction (graphile-worker's schema is
 * installed by its own installer under the migration lock, `db/database.ts`). And `run_after`, the
 * backoff of a failed attempt on the SQLite queue.
 */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "jobs" add column "run_after" timestamptz null;`);
    this.addSql(`create or replace function "seatwise_queue_job"() returns trigger language plpgsql as $$
begin
  perform graphile_worker.add_job('seatwise.job', json_build_object('id', new.id::text), job_key := new.id::text, max_attempts := 25);
  return new;
end;
$$;`);
    this.addSql(`create trigger "jobs_queue" after insert on "jobs" for each row execute function "seatwise_queue_job"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "jobs_queue" on "jobs";`);
    this.addSql(`drop function if exists "seatwise_queue_job"();`);
    this.addSql(`alter table "jobs" drop column if exists "run_after";`);
  }
}
