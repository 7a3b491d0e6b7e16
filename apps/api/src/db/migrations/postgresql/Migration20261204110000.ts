import { Migration } from '@mikro-orm/migrations';

/**
 * Contracts and subscriptions run by the vendor (issue 16, item 5): renewal mode, a seat change
 * scheduled for the renewal date, cancel at term end, the expiry job's claim (`expired_at`),
 * versions for stale changes, and the subscription events the customer's home shows.
 */
export class Migration20261204110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "subscription_events" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subscription_id" uuid not null, "kind" varchar(30) not null, "amount" int null, "effective_on" date null, constraint "subscription_events_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_events_account_id_created_at_index" on "subscription_events" ("account_id", "created_at");`);
    this.addSql(`alter table "subscription_events" add constraint "subscription_events_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_events" add constraint "subscription_events_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contracts" add column "version" int not null default 1;`);
    this.addSql(`alter table "subscriptions" add column "renewal" varchar(20) not null default 'MANUAL', add column "scheduled_seats" int null, add column "cancel_at_term_end" boolean not null default false, add column "expired_at" timestamptz null, add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscription_events" cascade;`);
    this.addSql(`alter table "contracts" drop column "version";`);
    this.addSql(`alter table "subscriptions" drop column "renewal", drop column "scheduled_seats", drop column "cancel_at_term_end", drop column "expired_at", drop column "version";`);
  }
}
