import { Migration } from '@mikro-orm/migrations';

export class Migration20261207050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`directory_groups\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`display_name\` text not null, \`display_name_key\` text not null, \`external_id\` text null, \`team_id\` text null, \`version\` integer not null default 1, \`updated_at\` datetime not null, constraint \`directory_groups_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`directory_groups_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`directory_groups_account_id_index\` on \`directory_groups\` (\`account_id\`);`);
    this.addSql(`create index \`directory_groups_team_id_index\` on \`directory_groups\` (\`team_id\`);`);
    this.addSql(`create index \`directory_groups_account_id_created_at_id_index\` on \`directory_groups\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`directory_groups_account_id_external_id_index\` on \`directory_groups\` (\`account_id\`, \`external_id\`);`);
    this.addSql(`create unique index \`directory_groups_account_id_display_name_key_unique\` on \`directory_groups\` (\`account_id\`, \`display_name_key\`);`);

    this.addSql(`create table \`directory_tokens\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`token_hash\` text not null, \`prefix\` text not null, \`created_by_id\` text null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`directory_tokens_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`directory_tokens_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`directory_tokens_account_id_index\` on \`directory_tokens\` (\`account_id\`);`);
    this.addSql(`create unique index \`directory_tokens_token_hash_unique\` on \`directory_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`directory_tokens_created_by_id_index\` on \`directory_tokens\` (\`created_by_id\`);`);
    this.addSql(`create index \`directory_tokens_account_id_revoked_at_index\` on \`directory_tokens\` (\`account_id\`, \`revoked_at\`);`);

    this.addSql(`create table \`directory_people\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`user_id\` text not null, \`user_name\` text not null, \`user_name_key\` text not null, \`external_id\` text null, \`active\` integer not null default true, \`resource\` json not null, \`released_seats\` json null, \`version\` integer not null default 1, \`updated_at\` datetime not null, constraint \`directory_people_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`directory_people_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`directory_people_account_id_index\` on \`directory_people\` (\`account_id\`);`);
    this.addSql(`create index \`directory_people_user_id_index\` on \`directory_people\` (\`user_id\`);`);
    this.addSql(`create index \`directory_people_account_id_created_at_id_index\` on \`directory_people\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`directory_people_account_id_external_id_index\` on \`directory_people\` (\`account_id\`, \`external_id\`);`);
    this.addSql(`create unique index \`directory_people_account_id_user_id_unique\` on \`directory_people\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`directory_people_account_id_user_name_key_unique\` on \`directory_people\` (\`account_id\`, \`user_name_key\`);`);

    this.addSql(`create table \`directory_group_members\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`group_id\` text not null, \`user_id\` text not null, constraint \`directory_group_members_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`directory_group_members_group_id_foreign\` foreign key(\`group_id\`) references \`directory_groups\`(\`id\`) on delete cascade on update cascade, constraint \`directory_group_members_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`directory_group_members_account_id_index\` on \`directory_group_members\` (\`account_id\`);`);
    this.addSql(`create index \`directory_group_members_group_id_index\` on \`directory_group_members\` (\`group_id\`);`);
    this.addSql(`create index \`directory_group_members_user_id_index\` on \`directory_group_members\` (\`user_id\`);`);
    this.addSql(`create index \`directory_group_members_account_id_user_id_index\` on \`directory_group_members\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`directory_group_members_group_id_user_id_unique\` on \`directory_group_members\` (\`group_id\`, \`user_id\`);`);

    this.addSql(`alter table \`audit_entries\` add column \`actor_kind\` text null;`);
  }

}
