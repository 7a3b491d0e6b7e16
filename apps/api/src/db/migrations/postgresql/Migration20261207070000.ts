import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes of tenant-owned tables lead with the account (test/tenant-keys.test.ts): the per-foreign-key
 * indexes SQLite had (user_id, subscription_id, team_id, ...) are dropped, the few that served a
 * query come back as (account_id, x) composites, and a person's memberships across accounts keep
 * their index on user_id (read at sign-in), now on PostgreSQL too.
 */
export class Migration20261207070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "contracts_account_id_team_id_index" on "contracts" ("account_id", "team_id");`);
    this.addSql(`create index "subscriptions_account_id_contract_id_index" on "subscriptions" ("account_id", "contract_id");`);
    this.addSql(`create index "subscription_products_account_id_product_id_index" on "subscription_products" ("account_id", "product_id");`);
    this.addSql(`create index "subscription_events_account_id_subscription_id_index" on "subscription_events" ("account_id", "subscription_id");`);
    this.addSql(`create index "licence_requests_account_id_requested_by_id_index" on "licence_requests" ("account_id", "requested_by_id");`);
    this.addSql(`create index "invitations_account_id_team_id_index" on "invitations" ("account_id", "team_id");`);
    this.addSql(`create index "audit_entries_account_id_actor_id_index" on "audit_entries" ("account_id", "actor_id");`);
    this.addSql(`create index "memberships_user_id_index" on "memberships" ("user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contracts_account_id_team_id_index";`);
    this.addSql(`drop index if exists "subscriptions_account_id_contract_id_index";`);
    this.addSql(`drop index if exists "subscription_products_account_id_product_id_index";`);
    this.addSql(`drop index if exists "subscription_events_account_id_subscription_id_index";`);
    this.addSql(`drop index if exists "licence_requests_account_id_requested_by_id_index";`);
    this.addSql(`drop index if exists "invitations_account_id_team_id_index";`);
    this.addSql(`drop index if exists "audit_entries_account_id_actor_id_index";`);
    this.addSql(`drop index if exists "memberships_user_id_index";`);
  }
}
