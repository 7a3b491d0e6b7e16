import { Migration } from '@mikro-orm/migrations';

/** API tokens (F-61): personal and service tokens, stored as SHA-256 hashes. */
export class Migration20261125205000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`api_tokens\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`kind\` text check (\`kind\` in ('PERSONAL', 'SERVICE')) not null, \`name\` text not null, \`token_hash\` text not null, \`prefix\` text not null, \`scopes\` text not null, \`owner_id\` text null, \`created_by_id\` text null, \`expires_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_tokens_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`api_tokens_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`api_tokens_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`api_tokens_account_id_index\` on \`api_tokens\` (\`account_id\`);`);
    this.addSql(`create unique index \`api_tokens_token_hash_unique\` on \`api_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`api_tokens_owner_id_index\` on \`api_tokens\` (\`owner_id\`);`);
    this.addSql(`create index \`api_tokens_created_by_id_index\` on \`api_tokens\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_tokens_account_id_owner_id_index\` on \`api_tokens\` (\`account_id\`, \`owner_id\`);`);
    this.addSql(`create index \`api_tokens_account_id_created_at_id_index\` on \`api_tokens\` (\`account_id\`, \`created_at\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `api_tokens`;');
  }
}
