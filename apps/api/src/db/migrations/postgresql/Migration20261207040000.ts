import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid null, "url" varchar(500) not null, "description" varchar(200) not null default '', "all_events" boolean not null default true, "events" jsonb not null, "enabled" boolean not null default true, "secret_sealed" varchar(300) not null, "secret_created_at" timestamptz not null, "created_by_id" uuid null, "disabled_for_failure_at" timestamptz null, "last_success_at" timestamptz null, constraint "webhook_endpoints_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoints_account_id_created_at_index" on "webhook_endpoints" ("account_id", "created_at");`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "created_at" timestamptz not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" varchar(40) not null, "message_id" varchar(60) not null, "body" text not null, "status" varchar(20) not null default 'PENDING', "attempts" int not null default 0, "finished_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_status_created_at_index" on "webhook_deliveries" ("status", "created_at");`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "webhook_attempts" ("id" uuid not null, "created_at" timestamptz not null, "endpoint_id" uuid not null, "delivery_id" uuid not null, "attempt" int not null, "status_code" int null, "succeeded" boolean not null, "error" varchar(200) null, "response_excerpt" varchar(1024) not null, "duration_ms" int not null, "attempted_at" timestamptz not null, constraint "webhook_attempts_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_attempts_endpoint_id_attempted_at_index" on "webhook_attempts" ("endpoint_id", "attempted_at");`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_attempts" add constraint "webhook_attempts_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_attempts" add constraint "webhook_attempts_delivery_id_foreign" foreign key ("delivery_id") references "webhook_deliveries" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_attempts" drop constraint "webhook_attempts_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_attempts" drop constraint "webhook_attempts_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_attempts" cascade;`);

  }

}
