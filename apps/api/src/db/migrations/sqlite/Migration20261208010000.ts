import { Migration } from '@mikro-orm/migrations';

/**
 * The notifications Settings offers (issue 19, item 2): `notifications_sent` holds one row per
 * (kind, subject, person), the claim that sends each one once; an account's cloud-credit alert
 * threshold.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`notifications_sent\` (\`id\` text not null, \`created_at\` datetime not null, \`kind\` text not null, \`subject\` text not null, \`user_id\` text not null, constraint \`notifications_sent_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`notifications_sent_kind_subject_user_id_unique\` on \`notifications_sent\` (\`kind\`, \`subject\`, \`user_id\`);`);
    this.addSql(`alter table \`accounts\` add column \`credit_alert_threshold\` integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `notifications_sent`;');
    this.addSql('alter table `accounts` drop column `credit_alert_threshold`;');
  }
}
