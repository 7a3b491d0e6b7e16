import { Migration } from '@mikro-orm/migrations';

/**
 * The vendor's catalogue (issue 16): licence types, trial offers and revisions of products; the
 * status and publication of versions (existing ones are published: the newest of each product
 * current, the others previous); uploads of files on their way in.
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`file_uploads\` (\`id\` text not null, \`created_at\` datetime not null, \`version_id\` text not null, \`kind\` text check (\`kind\` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, \`name\` text not null, \`platform\` text check (\`platform\` in ('WINDOWS', 'MACOS', 'LINUX')) not null, \`language\` text not null, \`file_name\` text not null, \`size\` integer not null, \`received\` integer not null default 0, \`created_by_id\` text not null, \`updated_at\` datetime not null, constraint \`file_uploads_version_id_foreign\` foreign key(\`version_id\`) references \`product_versions\`(\`id\`) on delete cascade on update cascade, constraint \`file_uploads_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql('create index `file_uploads_version_id_index` on `file_uploads` (`version_id`);');
    this.addSql('create index `file_uploads_created_by_id_index` on `file_uploads` (`created_by_id`);');
    this.addSql('create index `file_uploads_updated_at_index` on `file_uploads` (`updated_at`);');
    this.addSql(`alter table \`products\` add column \`licence_types\` json not null default '["SINGLE_USER"]';`);
    this.addSql('alter table `products` add column `trial_days` integer null default 30;');
    this.addSql('alter table `products` add column `revision` integer not null default 1;');
    this.addSql(`update \`products\` set \`licence_types\` = '["CLOUD"]', \`trial_days\` = null where \`kind\` = 'CLOUD_SERVICE';`);
    this.addSql(`alter table \`product_versions\` add column \`status\` text check (\`status\` in ('DRAFT', 'CURRENT', 'PREVIOUS', 'RETIRED')) not null default 'DRAFT';`);
    this.addSql('alter table `product_versions` add column `published_at` datetime null;');
    this.addSql('alter table `product_versions` add column `revision` integer not null default 1;');
    this.addSql(`update \`product_versions\` set \`published_at\` = \`created_at\`, \`status\` = case when not exists (select 1 from \`product_versions\` n where n.\`product_id\` = \`product_versions\`.\`product_id\` and n.\`released_at\` > \`product_versions\`.\`released_at\`) then 'CURRENT' else 'PREVIOUS' end;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `file_uploads`;');
    this.addSql('alter table `product_versions` drop column `revision`;');
    this.addSql('alter table `product_versions` drop column `published_at`;');
    this.addSql('alter table `product_versions` drop column `status`;');
    this.addSql('alter table `products` drop column `revision`;');
    this.addSql('alter table `products` drop column `trial_days`;');
    this.addSql('alter table `products` drop column `licence_types`;');
  }
}
