import { Migration } from '@mikro-orm/migrations';

export class Migration20261207030000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "oauth_clients" ("id" uuid not null, "created_at" timestamptz not null, "client_id" varchar(100) not null, "name" varchar(100) not null, "redirect_uris" jsonb not null, constraint "oauth_clients_pkey" primary key ("id"));`);
    this.addSql(`alter table "oauth_clients" add constraint "oauth_clients_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "oidc_models" ("key" varchar(300) not null, "model" varchar(40) not null, "payload" text not null, "grant_id" varchar(300) null, "user_code" varchar(64) null, "uid" varchar(300) null, "subject" varchar(80) null, "client_id" varchar(100) null, "created_at" timestamptz not null, "expires_at" timestamptz null, "consumed_at" timestamptz null, constraint "oidc_models_pkey" primary key ("key"));`);
    this.addSql(`create index "oidc_models_expires_at_index" on "oidc_models" ("expires_at");`);
    this.addSql(`create index "oidc_models_model_subject_created_at_index" on "oidc_models" ("model", "subject", "created_at");`);
    this.addSql(`create index "oidc_models_uid_index" on "oidc_models" ("uid");`);
    this.addSql(`create index "oidc_models_user_code_index" on "oidc_models" ("user_code");`);
    this.addSql(`create index "oidc_models_grant_id_index" on "oidc_models" ("grant_id");`);

    this.addSql(`create table "signing_keys" ("id" uuid not null, "created_at" timestamptz not null, "purpose" varchar(40) not null, "sealed" text not null, constraint "signing_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "signing_keys" add constraint "signing_keys_purpose_unique" unique ("purpose");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oauth_clients" cascade;`);

    this.addSql(`drop table if exists "oidc_models" cascade;`);

    this.addSql(`drop table if exists "signing_keys" cascade;`);

  }

}
