import { Migration } from '@mikro-orm/migrations';

/**
 * The vendor's side (issue 16): its staff (a role per person, no membership in any customer
 * account), their sessions, set-up links and audit log; customers' country, language, billing id
 * and status on `accounts` (added columns, so nothing is rebuilt).
 */
export class Migration20261203150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`vendor_setup_links\` (\`id\` text not null, \`created_at\` datetime not null, \`token_hash\` text not null, \`email\` text null, \`role\` text check (\`role\` in ('OPERATOR', 'SUPPORT')) not null default 'OPERATOR', \`first_run\` integer not null default false, \`expires_at\` datetime not null, \`used_at\` datetime null, \`pending_email\` text null, \`pending_first_name\` text null, \`pending_last_name\` text null, \`pending_language\` text check (\`pending_language\` in ('EN', 'SL')) null, \`pending_password_hash\` text null, \`pending_secret_sealed\` text null, \`failed_attempts\` integer not null default 0, primary key (\`id\`));`);
    this.addSql(`create unique index \`vendor_setup_links_token_hash_unique\` on \`vendor_setup_links\` (\`token_hash\`);`);

    this.addSql(`create table \`vendor_sessions\` (\`id\` text not null, \`created_at\` datetime not null, \`token_hash\` text not null, \`user_id\` text not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, \`ip\` text null, \`user_agent\` text null, constraint \`vendor_sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`vendor_sessions_token_hash_unique\` on \`vendor_sessions\` (\`token_hash\`);`);
    this.addSql(`create index \`vendor_sessions_user_id_index\` on \`vendor_sessions\` (\`user_id\`);`);
    this.addSql(`create index \`vendor_sessions_user_id_expires_at_index\` on \`vendor_sessions\` (\`user_id\`, \`expires_at\`);`);

    this.addSql(`create table \`vendor_audit_entries\` (\`id\` text not null, \`created_at\` datetime not null, \`actor_id\` text null, \`action\` text not null, \`customer_id\` text null, \`customer_name\` text null, \`summary\` text not null, \`details\` json null, constraint \`vendor_audit_entries_actor_id_foreign\` foreign key(\`actor_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`vendor_audit_entries_actor_id_index\` on \`vendor_audit_entries\` (\`actor_id\`);`);
    this.addSql(`create index \`vendor_audit_entries_customer_id_created_at_index\` on \`vendor_audit_entries\` (\`customer_id\`, \`created_at\`);`);
    this.addSql(`create index \`vendor_audit_entries_created_at_id_index\` on \`vendor_audit_entries\` (\`created_at\`, \`id\`);`);

    this.addSql(`create table \`vendor_staff\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`role\` text check (\`role\` in ('OPERATOR', 'SUPPORT')) not null default 'OPERATOR', constraint \`vendor_staff_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`vendor_staff_user_id_unique\` on \`vendor_staff\` (\`user_id\`);`);

    this.addSql(`alter table \`accounts\` add column \`country\` text null;`);
    this.addSql(`alter table \`accounts\` add column \`language\` text check (\`language\` in ('EN', 'SL')) not null default 'EN';`);
    this.addSql(`alter table \`accounts\` add column \`external_id\` text null;`);
    this.addSql(`alter table \`accounts\` add column \`status\` text check (\`status\` in ('ACTIVE', 'SUSPENDED', 'CLOSED')) not null default 'ACTIVE';`);
    this.addSql(`alter table \`accounts\` add column \`status_changed_at\` datetime null;`);
    this.addSql(`create unique index \`accounts_external_id_unique\` on \`accounts\` (\`external_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `accounts_external_id_unique`;');
    for (const column of ['status_changed_at', 'status', 'external_id', 'language', 'country']) this.addSql(`alter table \`accounts\` drop column \`${column}\`;`);
    for (const table of ['vendor_staff', 'vendor_audit_entries', 'vendor_sessions', 'vendor_setup_links']) this.addSql(`drop table if exists \`${table}\`;`);
  }
}
