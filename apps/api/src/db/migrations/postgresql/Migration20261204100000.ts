import { Migration } from '@mikro-orm/migrations';

/**
 * The vendor's catalogue (issue 16): licence types, trial offers and revisions of products; the
 * status and publication of versions (existing ones are published: the newest of each product
 * current, the others previous); uploads of files on their way in.
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "file_uploads" ("id" uuid not null, "created_at" timestamptz not null, "version_id" uuid not null, "kind" text check ("kind" in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, "name" varchar(200) not null, "platform" text check ("platform" in ('WINDOWS', 'MACOS', 'LINUX')) not null, "language" varchar(10) not null, "file_name" varchar(200) not null, "size" int not null, "received" int not null default 0, "created_by_id" uuid not null, "updated_at" timestamptz not null, constraint "file_uploads_pkey" primary key ("id"));`);
    this.addSql('create index "file_uploads_updated_at_index" on "file_uploads" ("updated_at");');
    this.addSql('alter table "file_uploads" add constraint "file_uploads_version_id_foreign" foreign key ("version_id") references "product_versions" ("id") on update cascade on delete cascade;');
    this.addSql('alter table "file_uploads" add constraint "file_uploads_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;');
    this.addSql(`alter table "products" add column "licence_types" jsonb not null default '["SINGLE_USER"]', add column "trial_days" int null default 30, add column "revision" int not null default 1;`);
    this.addSql(`update "products" set "licence_types" = '["CLOUD"]', "trial_days" = null where "kind" = 'CLOUD_SERVICE';`);
    this.addSql(`alter table "product_versions" add column "status" text check ("status" in ('DRAFT', 'CURRENT', 'PREVIOUS', 'RETIRED')) not null default 'DRAFT', add column "published_at" timestamptz null, add column "revision" int not null default 1;`);
    this.addSql(`update "product_versions" v set "published_at" = v."created_at", "status" = case when not exists (select 1 from "product_versions" n where n."product_id" = v."product_id" and n."released_at" > v."released_at") then 'CURRENT' else 'PREVIOUS' end;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "file_uploads" cascade;');
    this.addSql('alter table "product_versions" drop column "status", drop column "published_at", drop column "revision";');
    this.addSql('alter table "products" drop column "licence_types", drop column "trial_days", drop column "revision";');
  }
}
