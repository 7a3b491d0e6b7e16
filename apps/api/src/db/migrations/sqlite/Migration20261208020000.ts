import { Migration } from '@mikro-orm/migrations';

/** Network leases served by Seatwise (issue 17, item 3): a network subscription's seats held by running products. */
export class Migration20261208020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`network_leases\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text not null, \`subscription_id\` text not null, \`product_id\` text not null, \`user_id\` text not null, \`fingerprint\` text not null, \`machine_name\` text not null, \`platform\` text not null, \`version\` text not null, \`last_heartbeat_at\` datetime not null, \`expires_at\` datetime not null, \`ended_at\` datetime null, \`end_reason\` text check (\`end_reason\` in ('CHECKIN', 'EXPIRED', 'RELEASED_BY_ADMIN')) null, \`ended_by_id\` text null, constraint \`network_leases_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`network_leases_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`subscriptions\`(\`id\`) on delete cascade on update cascade, constraint \`network_leases_product_id_foreign\` foreign key(\`product_id\`) references \`products\`(\`id\`) on delete cascade on update cascade, constraint \`network_leases_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`network_leases_ended_by_id_foreign\` foreign key(\`ended_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`network_leases_account_id_index\` on \`network_leases\` (\`account_id\`);`);
    this.addSql(`create index \`network_leases_account_id_user_id_product_id_fingerprint_index\` on \`network_leases\` (\`account_id\`, \`user_id\`, \`product_id\`, \`fingerprint\`);`);
    this.addSql(`create index \`network_leases_account_id_subscription_id_ended_at_index\` on \`network_leases\` (\`account_id\`, \`subscription_id\`, \`ended_at\`);`);

  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `network_leases`;');
  }

}
