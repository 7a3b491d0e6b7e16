import { Migration } from '@mikro-orm/migrations';

/**
 * Contracts and subscriptions run by the vendor (issue 16, item 5): renewal mode, a seat change
 * scheduled for the renewal date, cancel at term end, the expiry job's claim (`expired_at`),
 * versions for stale changes, and the subscription events the customer's home shows.
 */
export class Migration20261204110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`subscription_events\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`subscription_id\` text not null, \`kind\` text not null, \`amount\` integer null, \`effective_on\` date null, constraint \`subscription_events_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`subscription_events_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`subscription_events_account_id_index\` on \`subscription_events\` (\`account_id\`);`);
    this.addSql(`create index \`subscription_events_subscription_id_index\` on \`subscription_events\` (\`subscription_id\`);`);
    this.addSql(`create index \`subscription_events_account_id_created_at_index\` on \`subscription_events\` (\`account_id\`, \`created_at\`);`);
    this.addSql(`alter table \`contracts\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`subscriptions\` add column \`renewal\` text not null default 'MANUAL';`);
    this.addSql(`alter table \`subscriptions\` add column \`scheduled_seats\` integer null;`);
    this.addSql(`alter table \`subscriptions\` add column \`cancel_at_term_end\` integer not null default false;`);
    this.addSql(`alter table \`subscriptions\` add column \`expired_at\` datetime null;`);
    this.addSql(`alter table \`subscriptions\` add column \`version\` integer not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `subscription_events`;');
    this.addSql('alter table `subscriptions` drop column `renewal`;');
    this.addSql('alter table `subscriptions` drop column `scheduled_seats`;');
    this.addSql('alter table `subscriptions` drop column `cancel_at_term_end`;');
    this.addSql('alter table `subscriptions` drop column `expired_at`;');
    this.addSql('alter table `subscriptions` drop column `version`;');
    this.addSql('alter table `contracts` drop column `version`;');
  }
}
