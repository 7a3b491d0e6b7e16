import { Migration } from '@mikro-orm/migrations';

export class Migration20261209040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`sso_providers\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, \`issuer\` text not null, \`client_id\` text not null, \`client_secret_sealed\` text not null, \`jit_enabled\` integer not null default false, \`jit_claim\` text null, \`groups_claim\` text not null default 'groups', \`updated_at\` datetime not null, constraint \`sso_providers_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`sso_providers_account_id_index\` on \`sso_providers\` (\`account_id\`);`);
    this.addSql(`create index \`sso_providers_account_id_created_at_id_index\` on \`sso_providers\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create unique index \`sso_providers_account_id_issuer_client_id_unique\` on \`sso_providers\` (\`account_id\`, \`issuer\`, \`client_id\`);`);

    this.addSql(`create table \`sso_domains\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`domain\` text not null, \`provider_id\` text not null, \`token\` text not null, \`verified_at\` datetime null, \`verified_domain\` text null, constraint \`sso_domains_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`sso_domains_provider_id_foreign\` foreign key(\`provider_id\`) references \`sso_providers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`sso_domains_account_id_index\` on \`sso_domains\` (\`account_id\`);`);
    this.addSql(`create index \`sso_domains_account_id_provider_id_index\` on \`sso_domains\` (\`account_id\`, \`provider_id\`);`);
    this.addSql(`create unique index \`sso_domains_verified_domain_unique\` on \`sso_domains\` (\`verified_domain\`);`);
    this.addSql(`create index \`sso_domains_account_id_created_at_id_index\` on \`sso_domains\` (\`account_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create unique index \`sso_domains_account_id_domain_unique\` on \`sso_domains\` (\`account_id\`, \`domain\`);`);

    this.addSql(`create table \`sso_sign_ins\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`provider_id\` text not null, \`state_hash\` text not null, \`nonce\` text not null, \`code_verifier\` text not null, \`expires_at\` datetime not null, constraint \`sso_sign_ins_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`sso_sign_ins_provider_id_foreign\` foreign key(\`provider_id\`) references \`sso_providers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`sso_sign_ins_account_id_index\` on \`sso_sign_ins\` (\`account_id\`);`);
    this.addSql(`create index \`sso_sign_ins_account_id_provider_id_index\` on \`sso_sign_ins\` (\`account_id\`, \`provider_id\`);`);
    this.addSql(`create unique index \`sso_sign_ins_state_hash_unique\` on \`sso_sign_ins\` (\`state_hash\`);`);

    this.addSql(`create table \`sso_identities\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`provider_id\` text not null, \`user_id\` text not null, \`issuer\` text not null, \`subject\` text not null, \`last_sign_in_at\` datetime null, constraint \`sso_identities_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`sso_identities_provider_id_foreign\` foreign key(\`provider_id\`) references \`sso_providers\`(\`id\`) on delete cascade on update cascade, constraint \`sso_identities_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`sso_identities_account_id_index\` on \`sso_identities\` (\`account_id\`);`);
    this.addSql(`create index \`sso_identities_account_id_provider_id_index\` on \`sso_identities\` (\`account_id\`, \`provider_id\`);`);
    this.addSql(`create index \`sso_identities_account_id_user_id_index\` on \`sso_identities\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`sso_identities_account_id_issuer_subject_unique\` on \`sso_identities\` (\`account_id\`, \`issuer\`, \`subject\`);`);

    this.addSql(`alter table \`accounts\` add column \`sso_required\` integer not null default false;`);
  }

}
