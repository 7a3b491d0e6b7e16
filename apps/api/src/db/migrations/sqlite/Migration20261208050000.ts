import { Migration } from '@mikro-orm/migrations';

/**
 * Support requests (issue 22, item 11) get a category and a third state, ANSWERED: support replied
 * and the customer's turn has come. SQLite keeps a column's check in the table, so the table is
 * rebuilt; an open request whose latest message is support's is answered.
 */
export class Migration20261208050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('pragma foreign_keys = off;');
    this.addSql(
      "create table `support_requests__temp_alter` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `subject` text not null, `status` text check (`status` in ('OPEN', 'ANSWERED', 'CLOSED')) not null default 'OPEN', `category` text check (`category` in ('LICENSING', 'DOWNLOADS', 'ACCOUNT', 'BILLING', 'TECHNICAL', 'OTHER')) not null default 'OTHER', `opened_by_id` text null, `last_activity_at` datetime not null, `closed_at` datetime null, constraint `support_requests_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `support_requests_opened_by_id_foreign` foreign key(`opened_by_id`) references `users`(`id`) on delete set null on update cascade, primary key (`id`));",
    );
    this.addSql(
      'insert into `support_requests__temp_alter` (`id`, `created_at`, `account_id`, `subject`, `status`, `opened_by_id`, `last_activity_at`, `closed_at`) select `id`, `created_at`, `account_id`, `subject`, `status`, `opened_by_id`, `last_activity_at`, `closed_at` from `support_requests`;',
    );
    this.addSql('drop table `support_requests`;');
    this.addSql('alter table `support_requests__temp_alter` rename to `support_requests`;');
    this.addSql('create index `support_requests_account_id_index` on `support_requests` (`account_id`);');
    this.addSql('create index `support_requests_account_id_status_created_at_index` on `support_requests` (`account_id`, `status`, `created_at`);');
    this.addSql('create index `support_requests_status_last_activity_at_index` on `support_requests` (`status`, `last_activity_at`);');
    this.addSql('pragma foreign_keys = on;');
    this.addSql(ANSWER_OPEN_REQUESTS);
  }

  override async down(): Promise<void> {
    this.addSql("update `support_requests` set `status` = 'OPEN' where `status` = 'ANSWERED';");
    this.addSql('pragma foreign_keys = off;');
    this.addSql(
      "create table `support_requests__temp_alter` (`id` text not null, `created_at` datetime not null, `account_id` text not null, `subject` text not null, `status` text check (`status` in ('OPEN', 'CLOSED')) not null default 'OPEN', `opened_by_id` text null, `last_activity_at` datetime not null, `closed_at` datetime null, constraint `support_requests_account_id_foreign` foreign key(`account_id`) references `accounts`(`id`) on delete cascade on update cascade, constraint `support_requests_opened_by_id_foreign` foreign key(`opened_by_id`) references `users`(`id`) on delete set null on update cascade, primary key (`id`));",
    );
    this.addSql(
      'insert into `support_requests__temp_alter` select `id`, `created_at`, `account_id`, `subject`, `status`, `opened_by_id`, `last_activity_at`, `closed_at` from `support_requests`;',
    );
    this.addSql('drop table `support_requests`;');
    this.addSql('alter table `support_requests__temp_alter` rename to `support_requests`;');
    this.addSql('create index `support_requests_account_id_index` on `support_requests` (`account_id`);');
    this.addSql('create index `support_requests_account_id_status_created_at_index` on `support_requests` (`account_id`, `status`, `created_at`);');
    this.addSql('create index `support_requests_status_last_activity_at_index` on `support_requests` (`status`, `last_activity_at`);');
    this.addSql('pragma foreign_keys = on;');
  }
}

/** An open request whose latest message is support's waits for the customer. */
const ANSWER_OPEN_REQUESTS = `update support_requests set status = 'ANSWERED' where status = 'OPEN' and (
  select m.author from support_messages m where m.account_id = support_requests.account_id and m.request_id = support_requests.id
  order by m.created_at desc, m.id desc limit 1) = 'VENDOR'`;
