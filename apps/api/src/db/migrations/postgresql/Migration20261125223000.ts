import { Migration } from '@mikro-orm/migrations';

/**
 * Network licence files hold seats until they expire or are revoked: each file's own expiry (the
 * subscription's end when it was issued) and when a newer file for the same host replaced it.
 */
export class Migration20261125223000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "licence_requests" add column "expires_on" date null, add column "revoked_at" timestamptz null;');
    this.addSql('create index "licence_requests_account_id_subscription_id_revoked_at_index" on "licence_requests" ("account_id", "subscription_id", "revoked_at");');
    this.addSql(`update "licence_requests" set "expires_on" = s."ends_on" from "subscriptions" s where s."id" = "licence_requests"."subscription_id" and "licence_requests"."kind" = 'NETWORK';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "licence_requests_account_id_subscription_id_revoked_at_index";');
    this.addSql('alter table "licence_requests" drop column "revoked_at", drop column "expires_on";');
  }
}
