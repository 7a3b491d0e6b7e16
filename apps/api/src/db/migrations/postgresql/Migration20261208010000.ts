import { Migration } from '@mikro-orm/migrations';

/**
 * The notifications Settings offers (issue 19, item 2): `notifications_sent` holds one row per
 * (kind, subject, person), the claim that sends each one once; an account's cloud-credit alert
 * threshold.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notifications_sent" ("id" uuid not null, "created_at" timestamptz not null, "kind" varchar(40) not null, "subject" varchar(120) not null, "user_id" uuid not null, constraint "notifications_sent_pkey" primary key ("id"));`);
    this.addSql(`alter table "notifications_sent" add constraint "notifications_sent_kind_subject_user_id_unique" unique ("kind", "subject", "user_id");`);
    this.addSql(`alter table "notifications_sent" add constraint "notifications_sent_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "accounts" add column "credit_alert_threshold" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications_sent" cascade;`);
    this.addSql(`alter table "accounts" drop column "credit_alert_threshold";`);
  }
}
