import { Migration } from '@mikro-orm/migrations';

/**
 * The seat ledger (issue 19, item 1; issue 22, item 6): every seat assigned, unassigned and
 * restored and every removal of a person, with who or what did it, for the ledger query and undo.
 */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`seat_ledger\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`action_id\` text not null, \`event\` text check (\`event\` in ('ASSIGN', 'UNASSIGN', 'RESTORE', 'MEMBER_REMOVE', 'MEMBER_RESTORE')) not null, \`reason\` text check (\`reason\` in ('ASSIGN', 'INVITE', 'IMPORT', 'UNASSIGN', 'REMOVE', 'INVITATION_REVOKE', 'DIRECTORY', 'ACCOUNT_DELETION', 'UNDO')) not null, \`user_id\` text null, \`subscription_id\` text null, \`subscription_name\` text null, \`seat_id\` text null, \`membership\` json null, \`actor_kind\` text check (\`actor_kind\` in ('PERSON', 'TOKEN', 'DIRECTORY', 'SYSTEM')) not null, \`actor_id\` text null, \`token_id\` text null, \`undone_at\` datetime null, \`restores_id\` text null, constraint \`seat_ledger_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`seat_ledger_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`seat_ledger_actor_id_foreign\` foreign key(\`actor_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`seat_ledger_account_id_index\` on \`seat_ledger\` (\`account_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_user_id_index\` on \`seat_ledger\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_action_id_index\` on \`seat_ledger\` (\`account_id\`, \`action_id\`);`);
    this.addSql(`create index \`seat_ledger_account_id_created_at_id_index\` on \`seat_ledger\` (\`account_id\`, \`created_at\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`seat_ledger\`;`);
  }
}
