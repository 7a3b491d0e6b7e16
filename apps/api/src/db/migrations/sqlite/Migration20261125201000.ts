import { Migration } from '@mikro-orm/migrations';

/**
 * Security tab: 2-step verification (factors, recovery codes as hashes, pending sign-ins), email
 * changes awaiting their link, and users.deleted_at for accounts deleted by their owner.
 */
export class Migration20261125201000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`two_step_factors\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`method\` text check (\`method\` in ('AUTHENTICATOR_APP', 'SMS')) not null, \`secret_sealed\` text null, \`phone\` text null, \`last_used_step\` integer null, \`sms_code_hash\` text null, \`sms_code_expires_at\` datetime null, \`sms_sent_at\` datetime null, \`failed_attempts\` integer not null default 0, \`locked_until\` datetime null, \`enabled_at\` datetime null, constraint \`two_step_factors_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`two_step_factors_user_id_index\` on \`two_step_factors\` (\`user_id\`);`);
    this.addSql(`create unique index \`two_step_factors_user_id_unique\` on \`two_step_factors\` (\`user_id\`);`);
    this.addSql(`create table \`sign_in_challenges\` (\`id\` text not null, \`created_at\` datetime not null, \`token_hash\` text not null, \`user_id\` text not null, \`expires_at\` datetime not null, constraint \`sign_in_challenges_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`sign_in_challenges_token_hash_unique\` on \`sign_in_challenges\` (\`token_hash\`);`);
    this.addSql(`create index \`sign_in_challenges_user_id_index\` on \`sign_in_challenges\` (\`user_id\`);`);
    this.addSql(`create table \`two_step_recovery_codes\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`code_hash\` text not null, \`used_at\` datetime null, constraint \`two_step_recovery_codes_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`two_step_recovery_codes_user_id_index\` on \`two_step_recovery_codes\` (\`user_id\`);`);
    this.addSql(`create index \`two_step_recovery_codes_user_id_code_hash_index\` on \`two_step_recovery_codes\` (\`user_id\`, \`code_hash\`);`);
    this.addSql(`create table \`email_changes\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`new_email\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`confirmed_at\` datetime null, constraint \`email_changes_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`email_changes_user_id_index\` on \`email_changes\` (\`user_id\`);`);
    this.addSql(`create unique index \`email_changes_token_hash_unique\` on \`email_changes\` (\`token_hash\`);`);
    this.addSql(`create index \`email_changes_user_id_expires_at_index\` on \`email_changes\` (\`user_id\`, \`expires_at\`);`);
    this.addSql('alter table `users` add column `deleted_at` datetime null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `email_changes`;');
    this.addSql('drop table if exists `two_step_recovery_codes`;');
    this.addSql('drop table if exists `sign_in_challenges`;');
    this.addSql('drop table if exists `two_step_factors`;');
    this.addSql('alter table `users` drop column `deleted_at`;');
  }
}
