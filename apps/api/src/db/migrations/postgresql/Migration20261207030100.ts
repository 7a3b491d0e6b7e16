import { Migration } from '@mikro-orm/migrations';

export class Migration20261207030100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "licence_devices" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "fingerprint" varchar(128) not null, "name" varchar(100) not null, "platform" varchar(40) not null, "last_version" varchar(40) not null, "last_checkout_at" timestamptz not null, "released_at" timestamptz null, constraint "licence_devices_pkey" primary key ("id"));`);
    this.addSql(`create index "licence_devices_account_id_user_id_released_at_index" on "licence_devices" ("account_id", "user_id", "released_at");`);
    this.addSql(`alter table "licence_devices" add constraint "licence_devices_account_id_user_id_product_id_fin_a802e_unique" unique ("account_id", "user_id", "product_id", "fingerprint");`);

    this.addSql(`alter table "licence_devices" add constraint "licence_devices_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_devices" add constraint "licence_devices_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence_devices" add constraint "licence_devices_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "licence_devices" cascade;`);

  }

}
