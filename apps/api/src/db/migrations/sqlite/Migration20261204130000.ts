import { Migration } from '@mikro-orm/migrations';

/**
 * Vendor service tokens (a table of their own: they belong to no customer account), idempotency
 * keys of creates and changes (unique per principal and key), and the token name in the vendor
 * audit log.
 */
export class Migration20261204130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_keys\` (\`id\` text not null, \`created_at\` datetime not null, \`principal\` text not null, \`key\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`result\` text null, \`expires_at\` datetime not null, primary key (\`id\`));`);
    this.addSql('create index `idempotency_keys_expires_at_index` on `idempotency_keys` (`expires_at`);');
    this.addSql('create unique index `idempotency_keys_principal_key_unique` on `idempotency_keys` (`principal`, `key`);');
    this.addSql(`create table \`vendor_api_tokens\` (\`id\` text not null, \`created_at\` datetime not null, \`name\` text not null, \`token_hash\` text not null, \`prefix\` text not null, \`scopes\` text not null, \`created_by_id\` text null, \`expires_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`vendor_api_tokens_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql('create unique index `vendor_api_tokens_token_hash_unique` on `vendor_api_tokens` (`token_hash`);');
    this.addSql('create index `vendor_api_tokens_created_by_id_index` on `vendor_api_tokens` (`created_by_id`);');
    this.addSql('create index `vendor_api_tokens_created_at_id_index` on `vendor_api_tokens` (`created_at`, `id`);');
    this.addSql('alter table `vendor_audit_entries` add column `token_name` text null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `idempotency_keys`;');
    this.addSql('drop table if exists `vendor_api_tokens`;');
    this.addSql('alter table `vendor_audit_entries` drop column `token_name`;');
  }
}
