import { Migration } from '@mikro-orm/migrations';

export class Migration20261209040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sso_providers" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "name" varchar(100) not null, "issuer" varchar(500) not null, "client_id" varchar(200) not null, "client_secret_sealed" text not null, "jit_enabled" boolean not null default false, "jit_claim" varchar(100) null, "groups_claim" varchar(100) not null default 'groups', "updated_at" timestamptz not null, constraint "sso_providers_pkey" primary key ("id"));`);
    this.addSql(`create index "sso_providers_account_id_created_at_id_index" on "sso_providers" ("account_id", "created_at", "id");`);
    this.addSql(`alter table "sso_providers" add constraint "sso_providers_account_id_issuer_client_id_unique" unique ("account_id", "issuer", "client_id");`);

    this.addSql(`create table "sso_domains" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "domain" varchar(253) not null, "provider_id" uuid not null, "token" varchar(64) not null, "verified_at" timestamptz null, "verified_domain" varchar(253) null, constraint "sso_domains_pkey" primary key ("id"));`);
    this.addSql(`create index "sso_domains_account_id_provider_id_index" on "sso_domains" ("account_id", "provider_id");`);
    this.addSql(`alter table "sso_domains" add constraint "sso_domains_verified_domain_unique" unique ("verified_domain");`);
    this.addSql(`create index "sso_domains_account_id_created_at_id_index" on "sso_domains" ("account_id", "created_at", "id");`);
    this.addSql(`alter table "sso_domains" add constraint "sso_domains_account_id_domain_unique" unique ("account_id", "domain");`);

    this.addSql(`create table "sso_sign_ins" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "provider_id" uuid not null, "state_hash" varchar(64) not null, "nonce" varchar(64) not null, "code_verifier" varchar(128) not null, "expires_at" timestamptz not null, constraint "sso_sign_ins_pkey" primary key ("id"));`);
    this.addSql(`create index "sso_sign_ins_account_id_provider_id_index" on "sso_sign_ins" ("account_id", "provider_id");`);
    this.addSql(`alter table "sso_sign_ins" add constraint "sso_sign_ins_state_hash_unique" unique ("state_hash");`);

    this.addSql(`create table "sso_identities" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "provider_id" uuid not null, "user_id" uuid not null, "issuer" varchar(500) not null, "subject" varchar(255) not null, "last_sign_in_at" timestamptz null, constraint "sso_identities_pkey" primary key ("id"));`);
    this.addSql(`create index "sso_identities_account_id_provider_id_index" on "sso_identities" ("account_id", "provider_id");`);
    this.addSql(`create index "sso_identities_account_id_user_id_index" on "sso_identities" ("account_id", "user_id");`);
    this.addSql(`alter table "sso_identities" add constraint "sso_identities_account_id_issuer_subject_unique" unique ("account_id", "issuer", "subject");`);

    this.addSql(`alter table "sso_providers" add constraint "sso_providers_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sso_domains" add constraint "sso_domains_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_domains" add constraint "sso_domains_provider_id_foreign" foreign key ("provider_id") references "sso_providers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sso_sign_ins" add constraint "sso_sign_ins_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_sign_ins" add constraint "sso_sign_ins_provider_id_foreign" foreign key ("provider_id") references "sso_providers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sso_identities" add constraint "sso_identities_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_identities" add constraint "sso_identities_provider_id_foreign" foreign key ("provider_id") references "sso_providers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_identities" add constraint "sso_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "accounts" add column "sso_required" boolean not null default false;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sso_domains" drop constraint "sso_domains_provider_id_foreign";`);

    this.addSql(`alter table "sso_sign_ins" drop constraint "sso_sign_ins_provider_id_foreign";`);

    this.addSql(`alter table "sso_identities" drop constraint "sso_identities_provider_id_foreign";`);

    this.addSql(`drop table if exists "sso_providers" cascade;`);

    this.addSql(`drop table if exists "sso_domains" cascade;`);

    this.addSql(`drop table if exists "sso_sign_ins" cascade;`);

    this.addSql(`drop table if exists "sso_identities" cascade;`);

    this.addSql(`alter table "accounts" drop column "sso_required";`);
  }

}
