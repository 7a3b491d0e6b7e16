import { Migration } from '@mikro-orm/migrations';

const table = (person: string) =>
  `create table \`memberships\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`user_id\` text not null, \`role\` text check (\`role\` in ('USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN')) not null default 'USER', \`status\` text check (\`status\` in ('ACTIVE', 'INVITED', 'INACTIVE')) not null default 'ACTIVE', \`team_id\` text null, \`version\` integer not null default 1, ${person}\`last_sign_in_at\` datetime null, constraint \`memberships_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`memberships_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`memberships_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`;

const indexes = [
  'create index `memberships_account_id_index` on `memberships` (`account_id`);',
  'create index `memberships_user_id_index` on `memberships` (`user_id`);',
  'create index `memberships_team_id_index` on `memberships` (`team_id`);',
  'create index `memberships_account_id_team_id_index` on `memberships` (`account_id`, `team_id`);',
  'create index `memberships_account_id_status_role_index` on `memberships` (`account_id`, `status`, `role`);',
  'create unique index `memberships_account_id_user_id_unique` on `memberships` (`account_id`, `user_id`);',
  'create index `memberships_account_id_created_at_user_id_index` on `memberships` (`account_id`, `created_at`, `user_id`);',
];

const kept = '`id`, `created_at`, `account_id`, `user_id`, `role`, `status`, `team_id`, `version`';

/**
 * What an account sees of a person lives on the membership, always filled: while the person has
 * not accepted, what the account typed (the `invited_*` columns this replaces); after that, their
 * own profile, kept in step by the app. The table is rebuilt, as SQLite adds no NOT NULL column
 * without a default; lists sort by (account, sort name, user) instead of the users' index.
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    // Renamed first, so the new table is stored as written (SQLite quotes a renamed one its own way).
    this.addSql('alter table `memberships` rename to `memberships__old`;');
    this.addSql(table('`email` text not null, `first_name` text not null, `last_name` text not null, `sort_name` text not null, '));
    this.addSql(`insert into \`memberships\` select ${kept.replace(/`(\w+)`/g, 'm.`$1`')},
      coalesce(m.invited_email, u.email),
      case when m.invited_email is null then u.first_name else m.invited_first_name end,
      case when m.invited_email is null then u.last_name else m.invited_last_name end,
      case when m.invited_email is null then u.sort_name else m.invited_sort_name end,
      m.last_sign_in_at
      from \`memberships__old\` m join \`users\` u on u.id = m.user_id;`);
    this.addSql('drop table `memberships__old`;');
    for (const index of indexes) this.addSql(index);
    this.addSql('create index `memberships_account_id_email_index` on `memberships` (`account_id`, `email`);');
    this.addSql('create index `memberships_account_id_sort_name_user_id_index` on `memberships` (`account_id`, `sort_name`, `user_id`);');
    this.addSql('drop index if exists `users_sort_name_id_index`;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `memberships` rename to `memberships__old`;');
    this.addSql(table('`invited_email` text null, `invited_first_name` text null, `invited_last_name` text null, `invited_sort_name` text null, '));
    this.addSql(`insert into \`memberships\` select ${kept},
      case when status = 'INVITED' then email end, case when status = 'INVITED' then first_name end,
      case when status = 'INVITED' then last_name end, case when status = 'INVITED' then sort_name end,
      last_sign_in_at from \`memberships__old\`;`);
    this.addSql('drop table `memberships__old`;');
    for (const index of indexes) this.addSql(index);
    this.addSql('create index `users_sort_name_id_index` on `users` (`sort_name`, `id`);');
  }
}
