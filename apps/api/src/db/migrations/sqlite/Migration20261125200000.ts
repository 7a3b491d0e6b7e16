import { Migration } from '@mikro-orm/migrations';

/** Password reset links, notification preferences, and the shared counters of the sign-in rate limits. */
export class Migration20261125200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `rate_limits` (`key` text not null, `points` integer not null default 0, `expire` bigint null, primary key (`key`));');

    this.addSql('create table `password_reset_tokens` (`id` text not null, `created_at` datetime not null, `token_hash` text not null, `user_id` text not null, `expires_at` datetime not null, `used_at` datetime null, constraint `password_reset_tokens_user_id_foreign` foreign key(`user_id`) references `users`(`id`) on delete cascade on update cascade, primary key (`id`));');
    this.addSql('create unique index `password_reset_tokens_token_hash_unique` on `password_reset_tokens` (`token_hash`);');
    this.addSql('create index `password_reset_tokens_user_id_index` on `password_reset_tokens` (`user_id`);');
    this.addSql('create index `password_reset_tokens_user_id_expires_at_index` on `password_reset_tokens` (`user_id`, `expires_at`);');

    this.addSql("create table `notification_preferences` (`id` text not null, `created_at` datetime not null, `user_id` text not null, `category` text check (`category` in ('PRODUCT_UPDATES', 'SUBSCRIPTION_RENEWALS', 'SECURITY_ALERTS', 'USAGE_ALERTS')) not null, `channel` text check (`channel` in ('EMAIL', 'NONE')) not null, `updated_at` datetime not null, constraint `notification_preferences_user_id_foreign` foreign key(`user_id`) references `users`(`id`) on delete cascade on update cascade, primary key (`id`));");
    this.addSql('create index `notification_preferences_user_id_index` on `notification_preferences` (`user_id`);');
    this.addSql('create unique index `notification_preferences_user_id_category_unique` on `notification_preferences` (`user_id`, `category`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `notification_preferences`;');
    this.addSql('drop table if exists `password_reset_tokens`;');
    this.addSql('drop table if exists `rate_limits`;');
  }
}
