import { Migration } from '@mikro-orm/migrations';

/** The roll-ups of the usage already stored, as `rebuildStatements` in modules/usage/rollups.ts wrote them. */
const backfill = [
  `insert into usage_months (account_id, user_id, product_id, month, days, day_count, sessions, minutes, credits) select d.account_id, d.user_id, d.product_id, ((extract(year from (date '1970-01-01' + d.day))::int - 1970) * 12 + extract(month from (date '1970-01-01' + d.day))::int - 1), sum((1 << (extract(day from (date '1970-01-01' + d.day))::int - 1))), count(*), sum(d.sessions), sum(d.minutes), sum(d.credits) from usage_days d where d.account_id is not null group by d.account_id, d.user_id, d.product_id, ((extract(year from (date '1970-01-01' + d.day))::int - 1970) * 12 + extract(month from (date '1970-01-01' + d.day))::int - 1)`,
  `insert into seat_months (account_id, subscription_id, user_id, month, days, day_count, minutes) select d.account_id, sp.subscription_id, d.user_id, ((extract(year from (date '1970-01-01' + d.day))::int - 1970) * 12 + extract(month from (date '1970-01-01' + d.day))::int - 1), sum(distinct (1 << (extract(day from (date '1970-01-01' + d.day))::int - 1))), count(distinct d.day), sum(d.minutes) from usage_days d join subscription_products sp on sp.account_id = d.account_id and sp.product_id = d.product_id where d.account_id is not null group by d.account_id, sp.subscription_id, d.user_id, ((extract(year from (date '1970-01-01' + d.day))::int - 1970) * 12 + extract(month from (date '1970-01-01' + d.day))::int - 1)`,
  `insert into usage_last (account_id, user_id, product_id, last_day) select account_id, user_id, product_id, max(day) from usage_days where account_id is not null group by account_id, user_id, product_id`,
  `insert into product_days (account_id, product_id, day, users, sessions, minutes, credits) select account_id, product_id, day, count(*), sum(sessions), sum(minutes), sum(credits) from usage_days where account_id is not null group by account_id, product_id, day`,
];

/**
 * Roll-ups of usage for fast reports: monthly day masks per person and product and per person and
 * subscription, each person's last day per product, and each product's day over the account; filled
 * from the daily roll-up that is already there.
 */
export class Migration20261125210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "product_days" ("id" bigserial primary key, "account_id" uuid not null, "product_id" uuid not null, "day" int not null, "users" int not null, "sessions" int not null, "minutes" int not null, "credits" int not null);`);
    this.addSql(`alter table "product_days" add constraint "product_days_account_id_product_id_day_unique" unique ("account_id", "product_id", "day");`);

    this.addSql(`create table "usage_months" ("id" bigserial primary key, "account_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "month" int not null, "days" int not null, "day_count" int not null, "sessions" int not null, "minutes" int not null, "credits" int not null);`);
    this.addSql(`create index "usage_months_account_id_month_product_id_days_user_id_index" on "usage_months" ("account_id", "month", "product_id", "days", "user_id");`);
    this.addSql(`alter table "usage_months" add constraint "usage_months_account_id_user_id_product_id_month_unique" unique ("account_id", "user_id", "product_id", "month");`);

    this.addSql(`create table "usage_last" ("id" bigserial primary key, "account_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "last_day" int not null);`);
    this.addSql(`alter table "usage_last" add constraint "usage_last_account_id_user_id_product_id_unique" unique ("account_id", "user_id", "product_id");`);

    this.addSql(`create table "seat_months" ("id" bigserial primary key, "account_id" uuid not null, "subscription_id" uuid not null, "user_id" uuid not null, "month" int not null, "days" int not null, "day_count" int not null, "minutes" int not null);`);
    this.addSql(`create index "seat_months_account_id_subscription_id_user_id_mon_5c7d3_index" on "seat_months" ("account_id", "subscription_id", "user_id", "month", "days", "day_count");`);
    this.addSql(`alter table "seat_months" add constraint "seat_months_account_id_subscription_id_user_id_month_unique" unique ("account_id", "subscription_id", "user_id", "month");`);

    this.addSql(`alter table "product_days" add constraint "product_days_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_days" add constraint "product_days_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "usage_months" add constraint "usage_months_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_months" add constraint "usage_months_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_months" add constraint "usage_months_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "usage_last" add constraint "usage_last_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_last" add constraint "usage_last_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_last" add constraint "usage_last_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "seat_months" add constraint "seat_months_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "seat_months" add constraint "seat_months_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "seat_months" add constraint "seat_months_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    // Reports no longer read raw events: only ingestion writes them, so fewer indexes to keep.
    this.addSql(`drop index if exists "usage_events_account_id_occurred_at_index";`);
    this.addSql(`drop index if exists "usage_events_account_id_user_id_occurred_at_index";`);
    for (const statement of backfill) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql('create index "usage_events_account_id_occurred_at_index" on "usage_events" ("account_id", "occurred_at");');
    this.addSql('create index "usage_events_account_id_user_id_occurred_at_index" on "usage_events" ("account_id", "user_id", "occurred_at");');
    this.addSql('drop table if exists "seat_months";');
    this.addSql('drop table if exists "usage_last";');
    this.addSql('drop table if exists "usage_months";');
    this.addSql('drop table if exists "product_days";');
  }
}
