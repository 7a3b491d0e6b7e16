import { Migration } from '@mikro-orm/migrations';

export class Migration20261207030000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`oauth_clients\` (\`id\` text not null, \`created_at\` datetime not null, \`client_id\` text not null, \`name\` text not null, \`redirect_uris\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`oauth_clients_client_id_unique\` on \`oauth_clients\` (\`client_id\`);`);

    this.addSql(`create table \`oidc_models\` (\`key\` text not null, \`model\` text not null, \`payload\` text not null, \`grant_id\` text null, \`user_code\` text null, \`uid\` text null, \`subject\` text null, \`client_id\` text null, \`created_at\` datetime not null, \`expires_at\` datetime null, \`consumed_at\` datetime null, primary key (\`key\`));`);
    this.addSql(`create index \`oidc_models_expires_at_index\` on \`oidc_models\` (\`expires_at\`);`);
    this.addSql(`create index \`oidc_models_model_subject_created_at_index\` on \`oidc_models\` (\`model\`, \`subject\`, \`created_at\`);`);
    this.addSql(`create index \`oidc_models_uid_index\` on \`oidc_models\` (\`uid\`);`);
    this.addSql(`create index \`oidc_models_user_code_index\` on \`oidc_models\` (\`user_code\`);`);
    this.addSql(`create index \`oidc_models_grant_id_index\` on \`oidc_models\` (\`grant_id\`);`);

    this.addSql(`create table \`signing_keys\` (\`id\` text not null, \`created_at\` datetime not null, \`purpose\` text not null, \`sealed\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`signing_keys_purpose_unique\` on \`signing_keys\` (\`purpose\`);`);

  }

}
