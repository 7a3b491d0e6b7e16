import { Migration } from '@mikro-orm/migrations';

/** Reports: the daily usage roll-up, support requests, and the local day of each cloud-credit entry. */
export class Migration20261125203000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `usage_days` (`id` integer not null primary key autoincrement, `account_id` text not null, `user_id` text not null, `product_id` text not null, `day` integer not null, `sessions` integer not null, `minutes` integer not null, `credits` integer not null, constraint `usage_days_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `usage_days_user_id_foreign` foreign key(`user_id`) references `users`(`id`) on delete cascade on update cascade, constraint `usage_days_product_id_foreign` foreign key(`product_id`) references `products`(`id`) on delete cascade on update cascade);');
    this.addSql('create index `usage_days_account_id_index` on `usage_days` (`account_id`);');
    this.addSql('create index `usage_days_user_id_index` on `usage_days` (`user_id`);');
    this.addSql('create index `usage_days_product_id_index` on `usage_days` (`product_id`);');
    this.addSql('create index `usage_days_account_id_day_index` on `usage_days` (`account_id`, `day`);');
    this.addSql('create unique index `usage_days_account_id_user_id_product_id_day_unique` on `usage_days` (`account_id`, `user_id`, `product_id`, `day`);');

    this.addSql("create table `support_requests` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `subject` text not null, `status` text check (`status` in ('OPEN', 'CLOSED')) not null default 'OPEN', `opened_by_id` text null, constraint `support_requests_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `support_requests_opened_by_id_foreign` foreign key(`opened_by_id`) references `users`(`id`) on delete set null on update cascade, primary key (`id`));");
    this.addSql('create index `support_requests_account_id_index` on `support_requests` (`account_id`);');
    this.addSql('create index `support_requests_opened_by_id_index` on `support_requests` (`opened_by_id`);');
    this.addSql('create index `support_requests_account_id_status_created_at_index` on `support_requests` (`account_id`, `status`, `created_at`);');

    this.addSql('alter table `cloud_credit_entries` add column `day` integer not null default 0;');
    this.addSql('create index `cloud_credit_entries_account_id_day_index` on `cloud_credit_entries` (`account_id`, `day`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `cloud_credit_entries_account_id_day_index`;');
    this.addSql('alter table `cloud_credit_entries` drop column `day`;');
    this.addSql('drop table if exists `support_requests`;');
    this.addSql('drop table if exists `usage_days`;');
  }
}
