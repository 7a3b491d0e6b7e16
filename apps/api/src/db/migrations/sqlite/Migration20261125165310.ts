import { Migration } from '@mikro-orm/migrations';

export class Migration20261125165310 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`accounts\` (\`id\` text not null, \`name\` text not null, \`time_zone\` text not null default 'Europe/Ljubljana', \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`products\` (\`id\` text not null, \`created_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('SOFTWARE', 'CLOUD_SERVICE')) not null default 'SOFTWARE', \`description\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`products_code_unique\` on \`products\` (\`code\`);`);

    this.addSql(`create table \`product_versions\` (\`id\` text not null, \`created_at\` datetime not null, \`product_id\` text not null, \`version\` text not null, \`released_at\` date not null, constraint \`product_versions_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`product_versions_product_id_index\` on \`product_versions\` (\`product_id\`);`);
    this.addSql(`create unique index \`product_versions_product_id_version_unique\` on \`product_versions\` (\`product_id\`, \`version\`);`);

    this.addSql(`create table \`teams\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, constraint \`teams_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`teams_account_id_index\` on \`teams\` (\`account_id\`);`);
    this.addSql(`create unique index \`teams_account_id_name_unique\` on \`teams\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`contracts\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`number\` text not null, \`starts_on\` date not null, \`ends_on\` date not null, \`team_id\` text null, constraint \`contracts_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`contracts_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`contracts_account_id_index\` on \`contracts\` (\`account_id\`);`);
    this.addSql(`create index \`contracts_team_id_index\` on \`contracts\` (\`team_id\`);`);
    this.addSql(`create unique index \`contracts_account_id_number_unique\` on \`contracts\` (\`account_id\`, \`number\`);`);

    this.addSql(`create table \`subscriptions\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`contract_id\` text not null, \`name\` text not null, \`licence_type\` text check (\`licence_type\` in ('SINGLE_USER', 'MULTI_USER', 'NETWORK', 'CLOUD')) not null, \`term\` text check (\`term\` in ('MONTHLY', 'ANNUAL', 'THREE_YEAR')) not null, \`seats\` integer not null, \`starts_on\` date not null, \`ends_on\` date not null, \`state\` text check (\`state\` in ('ACTIVE', 'CANCELLED')) not null default 'ACTIVE', \`serial_number\` text not null, \`team_id\` text null, constraint \`subscriptions_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`subscriptions_contract_id_foreign\` foreign key(\`contract_id\`) references \`contracts\`(\`id\`) on delete cascade on update cascade, constraint \`subscriptions_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`subscriptions_account_id_index\` on \`subscriptions\` (\`account_id\`);`);
    this.addSql(`create index \`subscriptions_contract_id_index\` on \`subscriptions\` (\`contract_id\`);`);
    this.addSql(`create index \`subscriptions_team_id_index\` on \`subscriptions\` (\`team_id\`);`);
    this.addSql(`create index \`subscriptions_account_id_team_id_index\` on \`subscriptions\` (\`account_id\`, \`team_id\`);`);
    this.addSql(`create index \`subscriptions_account_id_ends_on_index\` on \`subscriptions\` (\`account_id\`, \`ends_on\`);`);
    this.addSql(`create unique index \`subscriptions_account_id_serial_number_unique\` on \`subscriptions\` (\`account_id\`, \`serial_number\`);`);

    this.addSql(`create table \`subscription_products\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`subscription_id\` text not null, \`product_id\` text not null, constraint \`subscription_products_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`subscription_products_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`subscription_products_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`subscription_products_account_id_index\` on \`subscription_products\` (\`account_id\`);`);
    this.addSql(`create index \`subscription_products_subscription_id_index\` on \`subscription_products\` (\`subscription_id\`);`);
    this.addSql(`create index \`subscription_products_product_id_index\` on \`subscription_products\` (\`product_id\`);`);
    this.addSql(`create unique index \`subscription_products_account_id_subscription_id_product_id_unique\` on \`subscription_products\` (\`account_id\`, \`subscription_id\`, \`product_id\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null, \`created_at\` datetime not null, \`email\` text not null, \`first_name\` text not null, \`last_name\` text not null, \`sort_name\` text not null, \`password_hash\` text null, \`phone\` text null, \`company\` text null, \`country\` text null, \`language\` text check (\`language\` in ('EN', 'SL')) not null default 'EN', \`last_sign_in_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);
    this.addSql(`create index \`users_sort_name_index\` on \`users\` (\`sort_name\`);`);

    this.addSql(`create table \`usage_events\` (\`id\` integer not null primary key autoincrement, \`account_id\` text not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('PRODUCT_SESSION', 'CLOUD_CREDITS')) not null, \`product_id\` text null, \`user_id\` text null, \`subscription_id\` text null, \`service\` text null, \`occurred_at\` datetime not null, \`minutes\` integer null, \`credits\` integer null, \`received_at\` datetime not null, constraint \`usage_events_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`usage_events_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete set null on update cascade, constraint \`usage_events_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`usage_events_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`usage_events_account_id_index\` on \`usage_events\` (\`account_id\`);`);
    this.addSql(`create index \`usage_events_product_id_index\` on \`usage_events\` (\`product_id\`);`);
    this.addSql(`create index \`usage_events_user_id_index\` on \`usage_events\` (\`user_id\`);`);
    this.addSql(`create index \`usage_events_subscription_id_index\` on \`usage_events\` (\`subscription_id\`);`);
    this.addSql(`create index \`usage_events_account_id_user_id_occurred_at_index\` on \`usage_events\` (\`account_id\`, \`user_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`usage_events_account_id_occurred_at_index\` on \`usage_events\` (\`account_id\`, \`occurred_at\`);`);
    this.addSql(`create unique index \`usage_events_account_id_event_id_unique\` on \`usage_events\` (\`account_id\`, \`event_id\`);`);

    this.addSql(`create table \`sessions\` (\`id\` text not null, \`created_at\` datetime not null, \`token_hash\` text not null, \`user_id\` text not null, \`account_id\` text not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, \`ip\` text null, \`user_agent\` text null, constraint \`sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`sessions_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`sessions_token_hash_unique\` on \`sessions\` (\`token_hash\`);`);
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);
    this.addSql(`create index \`sessions_account_id_index\` on \`sessions\` (\`account_id\`);`);
    this.addSql(`create index \`sessions_user_id_expires_at_index\` on \`sessions\` (\`user_id\`, \`expires_at\`);`);

    this.addSql(`create table \`seat_assignments\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`subscription_id\` text not null, \`user_id\` text not null, \`assigned_by_id\` text null, constraint \`seat_assignments_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`seat_assignments_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`seat_assignments_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`seat_assignments_assigned_by_id_foreign\` foreign key(\`assigned_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`seat_assignments_account_id_index\` on \`seat_assignments\` (\`account_id\`);`);
    this.addSql(`create index \`seat_assignments_subscription_id_index\` on \`seat_assignments\` (\`subscription_id\`);`);
    this.addSql(`create index \`seat_assignments_user_id_index\` on \`seat_assignments\` (\`user_id\`);`);
    this.addSql(`create index \`seat_assignments_assigned_by_id_index\` on \`seat_assignments\` (\`assigned_by_id\`);`);
    this.addSql(`create index \`seat_assignments_account_id_user_id_index\` on \`seat_assignments\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`seat_assignments_account_id_subscription_id_user_id_unique\` on \`seat_assignments\` (\`account_id\`, \`subscription_id\`, \`user_id\`);`);

    this.addSql(`create table \`memberships\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`user_id\` text not null, \`role\` text check (\`role\` in ('USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN')) not null default 'USER', \`status\` text check (\`status\` in ('ACTIVE', 'INVITED', 'INACTIVE')) not null default 'ACTIVE', \`team_id\` text null, constraint \`memberships_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`memberships_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`memberships_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`memberships_account_id_index\` on \`memberships\` (\`account_id\`);`);
    this.addSql(`create index \`memberships_user_id_index\` on \`memberships\` (\`user_id\`);`);
    this.addSql(`create index \`memberships_team_id_index\` on \`memberships\` (\`team_id\`);`);
    this.addSql(`create index \`memberships_account_id_team_id_index\` on \`memberships\` (\`account_id\`, \`team_id\`);`);
    this.addSql(`create index \`memberships_account_id_status_role_index\` on \`memberships\` (\`account_id\`, \`status\`, \`role\`);`);
    this.addSql(`create unique index \`memberships_account_id_user_id_unique\` on \`memberships\` (\`account_id\`, \`user_id\`);`);

    this.addSql(`create table \`invitations\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`email\` text not null, \`first_name\` text not null, \`last_name\` text not null, \`role\` text check (\`role\` in ('USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN')) not null default 'USER', \`team_id\` text null, \`token_hash\` text not null, \`status\` text check (\`status\` in ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED')) not null default 'PENDING', \`expires_at\` datetime not null, \`invited_by_id\` text null, \`accepted_at\` datetime null, constraint \`invitations_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`invitations_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, constraint \`invitations_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invitations_account_id_index\` on \`invitations\` (\`account_id\`);`);
    this.addSql(`create index \`invitations_team_id_index\` on \`invitations\` (\`team_id\`);`);
    this.addSql(`create unique index \`invitations_token_hash_unique\` on \`invitations\` (\`token_hash\`);`);
    this.addSql(`create index \`invitations_invited_by_id_index\` on \`invitations\` (\`invited_by_id\`);`);
    this.addSql(`create index \`invitations_account_id_status_email_index\` on \`invitations\` (\`account_id\`, \`status\`, \`email\`);`);

    this.addSql(`create table \`cloud_credit_entries\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`subscription_id\` text not null, \`kind\` text check (\`kind\` in ('PURCHASE', 'CONSUMPTION', 'ADJUSTMENT')) not null, \`amount\` integer not null, \`service\` text null, \`user_id\` text null, \`occurred_at\` datetime not null, constraint \`cloud_credit_entries_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`cloud_credit_entries_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`cloud_credit_entries_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`cloud_credit_entries_account_id_index\` on \`cloud_credit_entries\` (\`account_id\`);`);
    this.addSql(`create index \`cloud_credit_entries_subscription_id_index\` on \`cloud_credit_entries\` (\`subscription_id\`);`);
    this.addSql(`create index \`cloud_credit_entries_user_id_index\` on \`cloud_credit_entries\` (\`user_id\`);`);
    this.addSql(`create index \`cloud_credit_entries_account_id_subscription_id_occurred_at_index\` on \`cloud_credit_entries\` (\`account_id\`, \`subscription_id\`, \`occurred_at\`);`);

    this.addSql(`create table \`audit_entries\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`actor_id\` text null, \`action\` text not null, \`target_type\` text not null, \`target_id\` text null, \`summary\` text not null, \`before\` json null, \`after\` json null, constraint \`audit_entries_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`audit_entries_actor_id_foreign\` foreign key(\`actor_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entries_account_id_index\` on \`audit_entries\` (\`account_id\`);`);
    this.addSql(`create index \`audit_entries_actor_id_index\` on \`audit_entries\` (\`actor_id\`);`);
    this.addSql(`create index \`audit_entries_account_id_action_index\` on \`audit_entries\` (\`account_id\`, \`action\`);`);
    this.addSql(`create index \`audit_entries_account_id_created_at_index\` on \`audit_entries\` (\`account_id\`, \`created_at\`);`);
  }

}
