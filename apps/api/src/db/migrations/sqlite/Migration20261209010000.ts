import { Migration } from '@mikro-orm/migrations';

/**
 * Reclaim policies (issue 19, item 1): the policies, their notices (one per policy, seat and idle
 * spell: the claim that makes a notice go out once), and the seat ledger's new reason RECLAIM and
 * actor POLICY with the policy's id. SQLite keeps a column's check in the table, so the ledger is
 * rebuilt.
 */
export class Migration20261209010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`reclaim_policies\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, \`subscription_id\` text null, \`signal\` text check (\`signal\` in ('LAST_USE', 'NEVER_USED')) not null, \`threshold_days\` integer not null, \`grace_days\` integer not null, \`action\` text check (\`action\` in ('UNASSIGN')) not null default 'UNASSIGN', \`excluded_user_ids\` json not null, \`excluded_team_ids\` json not null, \`excluded_roles\` json not null, \`enabled\` integer not null default false, \`enabled_at\` datetime null, \`enabled_by_id\` text null, \`version\` integer not null default 1, constraint \`reclaim_policies_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`reclaim_policies_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`reclaim_policies_enabled_by_id_foreign\` foreign key(\`enabled_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`reclaim_policies_account_id_index\` on \`reclaim_policies\` (\`account_id\`);`);
    this.addSql(`create index \`reclaim_policies_account_id_created_at_id_index\` on \`reclaim_policies\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create table \`reclaim_notices\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`policy_id\` text not null, \`seat_id\` text not null, \`user_id\` text not null, \`subscription_id\` text not null, \`idle_since\` integer not null, \`state\` text check (\`state\` in ('PENDING', 'KEPT', 'USED', 'RECLAIMED', 'CLOSED')) not null default 'PENDING', \`reclaim_at\` datetime not null, \`resolved_at\` datetime null, \`kept_at\` datetime null, \`kept_day\` integer null, \`keep_reason\` text null, \`ledger_entry_id\` text null, constraint \`reclaim_notices_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`reclaim_notices_policy_id_foreign\` foreign key(\`policy_id\`) references \`reclaim_policies\`(\`id\`) on delete cascade on update cascade, constraint \`reclaim_notices_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`reclaim_notices_account_id_index\` on \`reclaim_notices\` (\`account_id\`);`);
    this.addSql(`create index \`reclaim_notices_account_id_seat_id_index\` on \`reclaim_notices\` (\`account_id\`, \`seat_id\`);`);
    this.addSql(`create index \`reclaim_notices_account_id_state_reclaim_at_index\` on \`reclaim_notices\` (\`account_id\`, \`state\`, \`reclaim_at\`);`);
    this.addSql(`create unique index \`reclaim_notices_account_id_policy_id_seat_id_idle_since_unique\` on \`reclaim_notices\` (\`account_id\`, \`policy_id\`, \`seat_id\`, \`idle_since\`);`);
    this.addSql('pragma foreign_keys = off;');
    this.addSql(`create table \`seat_ledger__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`action_id\` text not null, \`event\` text check (\`event\` in ('ASSIGN', 'UNASSIGN', 'RESTORE', 'MEMBER_REMOVE', 'MEMBER_RESTORE')) not null, \`reason\` text check (\`reason\` in ('ASSIGN', 'INVITE', 'IMPORT', 'UNASSIGN', 'REMOVE', 'INVITATION_REVOKE', 'DIRECTORY', 'ACCOUNT_DELETION', 'UNDO', 'RECLAIM')) not null, \`user_id\` text null, \`subscription_id\` text null, \`subscription_name\` text null, \`seat_id\` text null, \`membership\` json null, \`actor_kind\` text check (\`actor_kind\` in ('PERSON', 'TOKEN', 'DIRECTORY', 'SYSTEM', 'POLICY')) not null, \`actor_id\` text null, \`token_id\` text null, \`policy_id\` text null, \`undone_at\` datetime null, \`restores_id\` text null, constraint \`seat_ledger_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`seat_ledger_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_actor_id_foreign\` foreign key(\`actor_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`seat_ledger__temp_alter\` (\`id\`, \`created_at\`, \`account_id\`, \`action_id\`, \`event\`, \`reason\`, \`user_id\`, \`subscription_id\`, \`subscription_name\`, \`seat_id\`, \`membership\`, \`actor_kind\`, \`actor_id\`, \`token_id\`, \`undone_at\`, \`restores_id\`) select \`id\`, \`created_at\`, \`account_id\`, \`action_id\`, \`event\`, \`reason\`, \`user_id\`, \`subscription_id\`, \`subscription_name\`, \`seat_id\`, \`membership\`, \`actor_kind\`, \`actor_id\`, \`token_id\`, \`undone_at\`, \`restores_id\` from \`seat_ledger\`;`);
    this.addSql(`drop table \`seat_ledger\`;`);
    this.addSql(`alter table \`seat_ledger__temp_alter\` rename to \`seat_ledger\`;`);
    this.addSql(`create index \`seat_ledger_account_id_index\` on \`seat_ledger\` (\`account_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_user_id_index\` on \`seat_ledger\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_action_id_index\` on \`seat_ledger\` (\`account_id\`, \`action_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_created_at_id_index\` on \`seat_ledger\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql('pragma foreign_keys = on;');
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`reclaim_notices\`;`);
    this.addSql(`drop table if exists \`reclaim_policies\`;`);
    this.addSql(`delete from \`seat_ledger\` where \`reason\` = 'RECLAIM' or \`actor_kind\` = 'POLICY';`);
    this.addSql('pragma foreign_keys = off;');
    this.addSql(`create table \`seat_ledger__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`action_id\` text not null, \`event\` text check (\`event\` in ('ASSIGN', 'UNASSIGN', 'RESTORE', 'MEMBER_REMOVE', 'MEMBER_RESTORE')) not null, \`reason\` text check (\`reason\` in ('ASSIGN', 'INVITE', 'IMPORT', 'UNASSIGN', 'REMOVE', 'INVITATION_REVOKE', 'DIRECTORY', 'ACCOUNT_DELETION', 'UNDO')) not null, \`user_id\` text null, \`subscription_id\` text null, \`subscription_name\` text null, \`seat_id\` text null, \`membership\` json null, \`actor_kind\` text check (\`actor_kind\` in ('PERSON', 'TOKEN', 'DIRECTORY', 'SYSTEM')) not null, \`actor_id\` text null, \`token_id\` text null, \`undone_at\` datetime null, \`restores_id\` text null, constraint \`seat_ledger_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`seat_ledger_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_actor_id_foreign\` foreign key(\`actor_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`seat_ledger__temp_alter\` select \`id\`, \`created_at\`, \`account_id\`, \`action_id\`, \`event\`, \`reason\`, \`user_id\`, \`subscription_id\`, \`subscription_name\`, \`seat_id\`, \`membership\`, \`actor_kind\`, \`actor_id\`, \`token_id\`, \`undone_at\`, \`restores_id\` from \`seat_ledger\`;`);
    this.addSql(`drop table \`seat_ledger\`;`);
    this.addSql(`alter table \`seat_ledger__temp_alter\` rename to \`seat_ledger\`;`);
    this.addSql(`create index \`seat_ledger_account_id_index\` on \`seat_ledger\` (\`account_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_user_id_index\` on \`seat_ledger\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_action_id_index\` on \`seat_ledger\` (\`account_id\`, \`action_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_created_at_id_index\` on \`seat_ledger\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql('pragma foreign_keys = on;');
  }
}
