import { Migration } from '@mikro-orm/migrations';

/**
 * File sizes in 64 bits: a product file, an upload (declared and received) and a built install
 * package can be over 2 GiB. SQLite's integer already holds 64 bits; its tables are rebuilt so
 * the declared type matches the entities (no other table references them): copied aside and back,
 * not renamed, so each table keeps the statement it was created with.
 */
export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('pragma foreign_keys = off;');
    this.addSql("create table `product_files__temp_alter` (`id` text not null, `created_at` datetime not null, `version_id` text not null, `kind` text check (`kind` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, `name` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `file_name` text not null, `storage_key` text not null, `size` bigint not null, `sha256` text not null, `released_at` date not null, `description` text null, constraint `product_files_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `product_files__temp_alter` select `id`, `created_at`, `version_id`, `kind`, `name`, `platform`, `language`, `file_name`, `storage_key`, `size`, `sha256`, `released_at`, `description` from `product_files`;');
    this.addSql('drop table `product_files`;');
    this.addSql("create table `product_files` (`id` text not null, `created_at` datetime not null, `version_id` text not null, `kind` text check (`kind` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, `name` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `file_name` text not null, `storage_key` text not null, `size` bigint not null, `sha256` text not null, `released_at` date not null, `description` text null, constraint `product_files_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `product_files` select * from `product_files__temp_alter`;');
    this.addSql('drop table `product_files__temp_alter`;');
    this.addSql('create index `product_files_version_id_index` on `product_files` (`version_id`);');
    this.addSql('create index `product_files_version_id_kind_index` on `product_files` (`version_id`, `kind`);');
    this.addSql('create unique index `product_files_version_id_kind_name_platform_language_unique` on `product_files` (`version_id`, `kind`, `name`, `platform`, `language`);');
    this.addSql("create table `install_packages__temp_alter` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `name` text not null, `created_by_id` text not null, `version_id` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `add_on_ids` json not null, `settings` json not null, `job_id` text not null, `storage_key` text null, `size` bigint null, `sha256` text null, constraint `install_packages_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `install_packages_created_by_id_foreign` foreign key(`created_by_id`) references `users`(`id`) on delete cascade on update cascade, constraint `install_packages_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, constraint `install_packages_job_id_foreign` foreign key(`job_id`) references `jobs`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `install_packages__temp_alter` select `id`, `created_at`, `account_id`, `name`, `created_by_id`, `version_id`, `platform`, `language`, `add_on_ids`, `settings`, `job_id`, `storage_key`, `size`, `sha256` from `install_packages`;');
    this.addSql('drop table `install_packages`;');
    this.addSql("create table `install_packages` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `name` text not null, `created_by_id` text not null, `version_id` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `add_on_ids` json not null, `settings` json not null, `job_id` text not null, `storage_key` text null, `size` bigint null, `sha256` text null, constraint `install_packages_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `install_packages_created_by_id_foreign` foreign key(`created_by_id`) references `users`(`id`) on delete cascade on update cascade, constraint `install_packages_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, constraint `install_packages_job_id_foreign` foreign key(`job_id`) references `jobs`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `install_packages` select * from `install_packages__temp_alter`;');
    this.addSql('drop table `install_packages__temp_alter`;');
    this.addSql('create index `install_packages_account_id_index` on `install_packages` (`account_id`);');
    this.addSql('create index `install_packages_created_by_id_index` on `install_packages` (`created_by_id`);');
    this.addSql('create index `install_packages_version_id_index` on `install_packages` (`version_id`);');
    this.addSql('create index `install_packages_job_id_index` on `install_packages` (`job_id`);');
    this.addSql('create index `install_packages_account_id_created_by_id_created_at_index` on `install_packages` (`account_id`, `created_by_id`, `created_at`);');
    this.addSql("create table `file_uploads__temp_alter` (`id` text not null, `created_at` datetime not null, `version_id` text not null, `kind` text check (`kind` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, `name` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `file_name` text not null, `size` bigint not null, `received` bigint not null default 0, `created_by_id` text not null, `updated_at` datetime not null, constraint `file_uploads_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, constraint `file_uploads_created_by_id_foreign` foreign key(`created_by_id`) references `users`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `file_uploads__temp_alter` select `id`, `created_at`, `version_id`, `kind`, `name`, `platform`, `language`, `file_name`, `size`, `received`, `created_by_id`, `updated_at` from `file_uploads`;');
    this.addSql('drop table `file_uploads`;');
    this.addSql("create table `file_uploads` (`id` text not null, `created_at` datetime not null, `version_id` text not null, `kind` text check (`kind` in ('INSTALLER', 'UPDATE', 'ADD_ON')) not null, `name` text not null, `platform` text check (`platform` in ('WINDOWS', 'MACOS', 'LINUX')) not null, `language` text not null, `file_name` text not null, `size` bigint not null, `received` bigint not null default 0, `created_by_id` text not null, `updated_at` datetime not null, constraint `file_uploads_version_id_foreign` foreign key(`version_id`) references `product_versions`(`id`) on delete cascade on update cascade, constraint `file_uploads_created_by_id_foreign` foreign key(`created_by_id`) references `users`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('insert into `file_uploads` select * from `file_uploads__temp_alter`;');
    this.addSql('drop table `file_uploads__temp_alter`;');
    this.addSql('create index `file_uploads_version_id_index` on `file_uploads` (`version_id`);');
    this.addSql('create index `file_uploads_created_by_id_index` on `file_uploads` (`created_by_id`);');
    this.addSql('create index `file_uploads_updated_at_index` on `file_uploads` (`updated_at`);');
    this.addSql('pragma foreign_keys = on;');
  }

  override async down(): Promise<void> {
    // Nothing to undo: SQLite stores every integer in up to 8 bytes whatever the declared type.
  }
}
