import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`webhook_endpoints\` (\`id\` text not null, \`created_at\` datetime not null, \`account_id\` text null, \`url\` text not null, \`description\` text not null default '', \`all_events\` integer not null default true, \`events\` json not null, \`enabled\` integer not null default true, \`secret_sealed\` text not null, \`secret_created_at\` datetime not null, \`created_by_id\` text null, \`disabled_for_failure_at\` datetime null, \`last_success_at\` datetime null, constraint \`webhook_endpoints_account_id_foreign\` foreign key(\`account_id\`) references \`accounts\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_endpoints_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_endpoints_account_id_index\` on \`webhook_endpoints\` (\`account_id\`);`);
    this.addSql(`create index \`webhook_endpoints_created_by_id_index\` on \`webhook_endpoints\` (\`created_by_id\`);`);
    this.addSql(`create index \`webhook_endpoints_account_id_created_at_index\` on \`webhook_endpoints\` (\`account_id\`, \`created_at\`);`);
    this.addSql(`create table \`webhook_deliveries\` (\`id\` text not null, \`created_at\` datetime not null, \`endpoint_id\` text not null, \`event_id\` text not null, \`event_type\` text not null, \`message_id\` text not null, \`body\` text not null, \`status\` text not null default 'PENDING', \`attempts\` integer not null default 0, \`finished_at\` datetime null, constraint \`webhook_deliveries_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoints\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_deliveries_endpoint_id_index\` on \`webhook_deliveries\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_deliveries_status_created_at_index\` on \`webhook_deliveries\` (\`status\`, \`created_at\`);`);
    this.addSql(`create unique index \`webhook_deliveries_endpoint_id_event_id_unique\` on \`webhook_deliveries\` (\`endpoint_id\`, \`event_id\`);`);
    this.addSql(`create table \`webhook_attempts\` (\`id\` text not null, \`created_at\` datetime not null, \`endpoint_id\` text not null, \`delivery_id\` text not null, \`attempt\` integer not null, \`status_code\` integer null, \`succeeded\` integer not null, \`error\` text null, \`response_excerpt\` text not null, \`duration_ms\` integer not null, \`attempted_at\` datetime not null, constraint \`webhook_attempts_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoints\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_attempts_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`webhook_deliveries\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_attempts_endpoint_id_index\` on \`webhook_attempts\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_attempts_delivery_id_index\` on \`webhook_attempts\` (\`delivery_id\`);`);
    this.addSql(`create index \`webhook_attempts_endpoint_id_attempted_at_index\` on \`webhook_attempts\` (\`endpoint_id\`, \`attempted_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`webhook_attempts\`;`);
    this.addSql(`drop table if exists \`webhook_deliveries\`;`);
    this.addSql(`drop table if exists \`webhook_endpoints\`;`);
  }

}
