import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16: the threads of support requests (`support_messages`, with when a request was last
 * active and closed) and the vendor's brand (`brand_settings`, one row).
 */
export class Migration20261204120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `brand_settings` (`key` text not null default 'brand', `name` text not null, `primary_color` text null, `accent_color` text null, `support_email` text null, `support_url` text null, `terms_url` text null, `privacy_url` text null, `logo` blob null, `logo_type` text null, `logo_hash` text null, `updated_at` datetime not null, primary key (`key`));");
    this.addSql('alter table `support_requests` add column `closed_at` datetime null;');
    // SQLite cannot add a NOT NULL column without a default: the table is rebuilt with it, filled from created_at.
    this.addSql('pragma foreign_keys = off;');
    this.addSql("create table `support_requests__temp_alter` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `subject` text not null, `status` text check (`status` in ('OPEN', 'CLOSED')) not null default 'OPEN', `opened_by_id` text null, `last_activity_at` datetime not null, `closed_at` datetime null, constraint `support_requests_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `support_requests_opened_by_id_foreign` foreign key(`opened_by_id`) references `users`(`id`) on delete set null on update cascade, primary key (`id`));");
    this.addSql('insert into `support_requests__temp_alter` select `id`, `created_at`, `account_id`, `subject`, `status`, `opened_by_id`, `created_at`, `closed_at` from `support_requests`;');
    this.addSql('drop table `support_requests`;');
    this.addSql('alter table `support_requests__temp_alter` rename to `support_requests`;');
    this.addSql('create index `support_requests_account_id_index` on `support_requests` (`account_id`);');
    this.addSql('create index `support_requests_opened_by_id_index` on `support_requests` (`opened_by_id`);');
    this.addSql('create index `support_requests_account_id_status_created_at_index` on `support_requests` (`account_id`, `status`, `created_at`);');
    this.addSql('create index `support_requests_status_last_activity_at_index` on `support_requests` (`status`, `last_activity_at`);');
    this.addSql('pragma foreign_keys = on;');
    this.addSql("create table `support_messages` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `request_id` text not null, `author` text check (`author` in ('CUSTOMER', 'VENDOR')) not null, `written_by_id` text null, `body` text not null, constraint `support_messages_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `support_messages_request_id_foreign` foreign key(`request_id`) references `support_requests`(`id`) on delete cascade on update cascade, constraint `support_messages_written_by_id_foreign` foreign key(`written_by_id`) references `users`(`id`) on delete set null on update cascade, primary key (`id`));");
    this.addSql('create index `support_messages_account_id_index` on `support_messages` (`account_id`);');
    this.addSql('create index `support_messages_request_id_index` on `support_messages` (`request_id`);');
    this.addSql('create index `support_messages_written_by_id_index` on `support_messages` (`written_by_id`);');
    this.addSql('create index `support_messages_account_id_request_id_created_at_index` on `support_messages` (`account_id`, `request_id`, `created_at`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `support_messages`;');
    this.addSql('drop table if exists `brand_settings`;');
    this.addSql('drop index if exists `support_requests_status_last_activity_at_index`;');
    this.addSql('alter table `support_requests` drop column `last_activity_at`;');
    this.addSql('alter table `support_requests` drop column `closed_at`;');
  }
}
