import { Migration } from '@mikro-orm/migrations';

/**
 * Support requests (issue 22, item 11) get a category and a third state, ANSWERED: support replied
 * and the customer's turn has come. An open request whose latest message is support's is answered.
 */
export class Migration20261208050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "support_requests" drop constraint if exists "support_requests_status_check";`);
    this.addSql(
      `alter table "support_requests" add column "category" text check ("category" in ('LICENSING', 'DOWNLOADS', 'ACCOUNT', 'BILLING', 'TECHNICAL', 'OTHER')) not null default 'OTHER';`,
    );
    this.addSql(`alter table "support_requests" add constraint "support_requests_status_check" check("status" in ('OPEN', 'ANSWERED', 'CLOSED'));`);
    this.addSql(`update support_requests set status = 'ANSWERED' where status = 'OPEN' and (
      select m.author from support_messages m where m.account_id = support_requests.account_id and m.request_id = support_requests.id
      order by m.created_at desc, m.id desc limit 1) = 'VENDOR'`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "support_requests" set "status" = 'OPEN' where "status" = 'ANSWERED';`);
    this.addSql(`alter table "support_requests" drop constraint if exists "support_requests_status_check";`);
    this.addSql(`alter table "support_requests" drop column "category";`);
    this.addSql(`alter table "support_requests" add constraint "support_requests_status_check" check("status" in ('OPEN', 'CLOSED'));`);
  }
}
