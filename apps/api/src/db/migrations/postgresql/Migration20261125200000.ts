import { Migration } from '@mikro-orm/migrations';

/** Password reset links, notification preferences, and the shared counters of the sign-in rate limits. */
export class Migration20261125200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rate_limits" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limits_pkey" primary key ("key"));`);

    this.addSql(`create table "password_reset_tokens" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "password_reset_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "password_reset_tokens" add constraint "password_reset_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "password_reset_tokens_user_id_expires_at_index" on "password_reset_tokens" ("user_id", "expires_at");`);
    this.addSql(`alter table "password_reset_tokens" add constraint "password_reset_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "notification_preferences" ("id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "category" text check ("category" in ('PRODUCT_UPDATES', 'SUBSCRIPTION_RENEWALS', 'SECURITY_ALERTS', 'USAGE_ALERTS')) not null, "channel" text check ("channel" in ('EMAIL', 'NONE')) not null, "updated_at" timestamptz not null, constraint "notification_preferences_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_category_unique" unique ("user_id", "category");`);
    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preferences" cascade;`);
    this.addSql(`drop table if exists "password_reset_tokens" cascade;`);
    this.addSql(`drop table if exists "rate_limits" cascade;`);
  }
}
