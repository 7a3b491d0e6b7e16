import { Migration } from '@mikro-orm/migrations';

/** Products and services: installer files, trials, licence requests, the job queue and custom install packages. */
export class Migration20261125204000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`jobs\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`kind\` text not null, \`payload\` json not null, \`status\` text check (\`status\` in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'QUEUED', \`progress\` integer not null default 0, \`attempts\` integer not null default 0, \`max_attempts\` integer not null default 3, \`locked_by\` text null, \`lease_until\` datetime null, \`error\` text null, \`finished_at\` datetime null, constraint \`jobs_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`jobs_account_id_index\` on \`jobs\` (\`account_id\`);`);
    this.addSql(`create index \`jobs_status_lease_until_index\` on \`jobs\` (\`status\`, \`lease_until\`);`);

    this.addSql(`create table \`product_files\` (\`id\` text not null, \`created_at\` datetime not null, \`version_id\` text not null, \`kind\` text check (\`kind\` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, \`name\` text not null, \`platform\` text check (\`platform\` in ('WINDOWS', 'MACOS', 'LINUX')) not null, \`language\` text not null, \`file_name\` text not null, \`storage_key\` text not null, \`size\` integer not null, \`sha256\` text not null, \`released_at\` date not null, \`description\` text null, constraint \`product_files_version_id_foreign\` foreign key(\`version_id\`) references \`product_versions\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`product_files_version_id_index\` on \`product_files\` (\`version_id\`);`);
    this.addSql(`create index \`product_files_version_id_kind_index\` on \`product_files\` (\`version_id\`, \`kind\`);`);
    this.addSql(`create unique index \`product_files_version_id_kind_name_platform_language_unique\` on \`product_files\` (\`version_id\`, \`kind\`, \`name\`, \`platform\`, \`language\`);`);

    this.addSql(`create table \`trials\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`user_id\` text not null, \`product_id\` text not null, \`ends_at\` datetime not null, constraint \`trials_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`trials_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`trials_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`trials_account_id_index\` on \`trials\` (\`account_id\`);`);
    this.addSql(`create index \`trials_user_id_index\` on \`trials\` (\`user_id\`);`);
    this.addSql(`create index \`trials_product_id_index\` on \`trials\` (\`product_id\`);`);
    this.addSql(`create unique index \`trials_account_id_user_id_product_id_unique\` on \`trials\` (\`account_id\`, \`user_id\`, \`product_id\`);`);

    this.addSql(`create table \`licence_requests\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`kind\` text check (\`kind\` in ('HOME_USE', 'NETWORK')) not null, \`requested_by_id\` text not null, \`subscription_id\` text not null, \`product_id\` text not null, \`version_id\` text not null, \`server_host_name\` text null, \`host_id\` text null, \`seats\` integer null, \`licence_file\` text null, constraint \`licence_requests_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`licence_requests_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`licence_requests_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`licence_requests_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete cascade on update cascade, constraint \`licence_requests_version_id_foreign\` foreign key(\`version_id\`) references \`product_versions\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`licence_requests_account_id_index\` on \`licence_requests\` (\`account_id\`);`);
    this.addSql(`create index \`licence_requests_requested_by_id_index\` on \`licence_requests\` (\`requested_by_id\`);`);
    this.addSql(`create index \`licence_requests_subscription_id_index\` on \`licence_requests\` (\`subscription_id\`);`);
    this.addSql(`create index \`licence_requests_product_id_index\` on \`licence_requests\` (\`product_id\`);`);
    this.addSql(`create index \`licence_requests_version_id_index\` on \`licence_requests\` (\`version_id\`);`);
    this.addSql(`create index \`licence_requests_account_id_created_at_index\` on \`licence_requests\` (\`account_id\`, \`created_at\`);`);

    this.addSql(`create table \`install_packages\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, \`created_by_id\` text not null, \`version_id\` text not null, \`platform\` text check (\`platform\` in ('WINDOWS', 'MACOS', 'LINUX')) not null, \`language\` text not null, \`add_on_ids\` json not null, \`settings\` json not null, \`job_id\` text not null, \`storage_key\` text null, \`size\` integer null, \`sha256\` text null, constraint \`install_packages_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`install_packages_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`install_packages_version_id_foreign\` foreign key(\`version_id\`) references \`product_versions\`(\`id\`) on delete cascade on update cascade, constraint \`install_packages_job_id_foreign\` foreign key(\`job_id\`) references \`jobs\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`install_packages_account_id_index\` on \`install_packages\` (\`account_id\`);`);
    this.addSql(`create index \`install_packages_created_by_id_index\` on \`install_packages\` (\`created_by_id\`);`);
    this.addSql(`create index \`install_packages_version_id_index\` on \`install_packages\` (\`version_id\`);`);
    this.addSql(`create index \`install_packages_job_id_index\` on \`install_packages\` (\`job_id\`);`);
    this.addSql(`create index \`install_packages_account_id_created_by_id_created_at_index\` on \`install_packages\` (\`account_id\`, \`created_by_id\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `install_packages`;');
    this.addSql('drop table if exists `jobs`;');
    this.addSql('drop table if exists `licence_requests`;');
    this.addSql('drop table if exists `trials`;');
    this.addSql('drop table if exists `product_files`;');
  }
}
