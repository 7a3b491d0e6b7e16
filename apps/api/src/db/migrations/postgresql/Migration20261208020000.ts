import { Migration } from '@mikro-orm/migrations';

/** Network leases served by Seatwise (issue 17, item 3): a network subscription's seats held by running products. */
export class Migration20261208020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "network_leases" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "subscription_id" uuid not null, "product_id" uuid not null, "user_id" uuid not null, "fingerprint" varchar(128) not null, "machine_name" varchar(100) not null, "platform" varchar(40) not null, "version" varchar(40) not null, "last_heartbeat_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "end_reason" text check ("end_reason" in ('CHECKIN', 'EXPIRED', 'RELEASED_BY_ADMIN')) null, "ended_by_id" uuid null, constraint "network_leases_pkey" primary key ("id"));`);
    this.addSql(`create index "network_leases_account_id_user_id_product_id_fingerprint_index" on "network_leases" ("account_id", "user_id", "product_id", "fingerprint");`);
    this.addSql(`create index "network_leases_account_id_subscription_id_ended_at_index" on "network_leases" ("account_id", "subscription_id", "ended_at");`);

    this.addSql(`alter table "network_leases" add constraint "network_leases_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_leases" add constraint "network_leases_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_leases" add constraint "network_leases_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_leases" add constraint "network_leases_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_leases" add constraint "network_leases_ended_by_id_foreign" foreign key ("ended_by_id") references "users" ("id") on update cascade on delete set null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network_leases" cascade;`);

  }

}
