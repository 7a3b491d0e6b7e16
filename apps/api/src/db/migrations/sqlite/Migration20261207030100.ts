import { Migration } from '@mikro-orm/migrations';

export class Migration20261207030100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`licence_devices\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`user_id\` text not null, \`product_id\` text not null, \`fingerprint\` text not null, \`name\` text not null, \`platform\` text not null, \`last_version\` text not null, \`last_checkout_at\` datetime not null, \`released_at\` datetime null, constraint \`licence_devices_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`licence_devices_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`licence_devices_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`licence_devices_account_id_index\` on \`licence_devices\` (\`account_id\`);`);
    this.addSql(`create index \`licence_devices_user_id_index\` on \`licence_devices\` (\`user_id\`);`);
    this.addSql(`create index \`licence_devices_product_id_index\` on \`licence_devices\` (\`product_id\`);`);
    this.addSql(`create index \`licence_devices_account_id_user_id_released_at_index\` on \`licence_devices\` (\`account_id\`, \`user_id\`, \`released_at\`);`);
    this.addSql(`create unique index \`licence_devices_account_id_user_id_product_id_fingerprint_unique\` on \`licence_devices\` (\`account_id\`, \`user_id\`, \`product_id\`, \`fingerprint\`);`);

  }

}
