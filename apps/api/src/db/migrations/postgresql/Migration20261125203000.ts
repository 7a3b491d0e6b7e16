import { Migration } from '@mikro-orm/migrations';

/** Reports: the daily usage roll-up, support requests, and the local day of each cloud-credit entry. */
export class Migration20261125203000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "usage_days" ("id" bigserial primary key, "account_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "day" int not null, "sessions" int not null, "minutes" int not null, "credits" int not null);`);
    this.addSql(`create index "usage_days_account_id_day_index" on "usage_days" ("account_id", "day");`);
    this.addSql(`alter table "usage_days" add constraint "usage_days_account_id_user_id_product_id_day_unique" unique ("account_id", "user_id", "product_id", "day");`);
    this.addSql(`alter table "usage_days" add constraint "usage_days_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_days" add constraint "usage_days_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_days" add constraint "usage_days_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "support_requests" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subject" varchar(200) not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "opened_by_id" uuid null, constraint "support_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "support_requests_account_id_status_created_at_index" on "support_requests" ("account_id", "status", "created_at");`);
    this.addSql(`alter table "support_requests" add constraint "support_requests_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "support_requests" add constraint "support_requests_opened_by_id_foreign" foreign key ("opened_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "cloud_credit_entries" add column "day" int not null default 0;`);
    this.addSql(`create index "cloud_credit_entries_account_id_day_index" on "cloud_credit_entries" ("account_id", "day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "cloud_credit_entries_account_id_day_index";`);
    this.addSql(`alter table "cloud_credit_entries" drop column "day";`);
    this.addSql(`drop table if exists "support_requests" cascade;`);
    this.addSql(`drop table if exists "usage_days" cascade;`);
  }
}
