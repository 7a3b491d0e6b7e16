import { Migration } from '@mikro-orm/migrations';

/**
 * Security tab: 2-step verification (factors, recovery codes as hashes, pending sign-ins), email
 * changes awaiting their link, and users.deleted_at for accounts deleted by their owner.
 */
export class Migration20261125201000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "two_step_factors" ("id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "method" text check ("method" in ('AUTHENTICATOR_APP', 'SMS')) not null, "secret_sealed" varchar(200) null, "phone" varchar(20) null, "last_used_step" int null, "sms_code_hash" varchar(64) null, "sms_code_expires_at" timestamptz null, "sms_sent_at" timestamptz null, "failed_attempts" int not null default 0, "locked_until" timestamptz null, "enabled_at" timestamptz null, constraint "two_step_factors_pkey" primary key ("id"));`);
    this.addSql(`alter table "two_step_factors" add constraint "two_step_factors_user_id_unique" unique ("user_id");`);
    this.addSql(`create table "sign_in_challenges" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, constraint "sign_in_challenges_pkey" primary key ("id"));`);
    this.addSql(`alter table "sign_in_challenges" add constraint "sign_in_challenges_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create table "two_step_recovery_codes" ("id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, constraint "two_step_recovery_codes_pkey" primary key ("id"));`);
    this.addSql(`create index "two_step_recovery_codes_user_id_code_hash_index" on "two_step_recovery_codes" ("user_id", "code_hash");`);
    this.addSql(`create table "email_changes" ("id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "new_email" varchar(254) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "confirmed_at" timestamptz null, constraint "email_changes_pkey" primary key ("id"));`);
    this.addSql(`alter table "email_changes" add constraint "email_changes_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "email_changes_user_id_expires_at_index" on "email_changes" ("user_id", "expires_at");`);
    this.addSql(`alter table "two_step_factors" add constraint "two_step_factors_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sign_in_challenges" add constraint "sign_in_challenges_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "two_step_recovery_codes" add constraint "two_step_recovery_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "email_changes" add constraint "email_changes_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "users" add column "deleted_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "two_step_factors" cascade;`);
    this.addSql(`drop table if exists "sign_in_challenges" cascade;`);
    this.addSql(`drop table if exists "two_step_recovery_codes" cascade;`);
    this.addSql(`drop table if exists "email_changes" cascade;`);
    this.addSql(`alter table "users" drop column "deleted_at";`);
  }
}
