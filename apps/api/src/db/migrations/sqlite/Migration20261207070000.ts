import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes of tenant-owned tables lead with the account (test/tenant-keys.test.ts): the per-foreign-key
 * indexes SQLite had (user_id, subscription_id, team_id, ...) are dropped, the few that served a
 * query come back as (account_id, x) composites, and a person's memberships across accounts keep
 * their index on user_id (read at sign-in), now on PostgreSQL too.
 */
export class Migration20261207070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists `api_tokens_created_by_id_index`;');
    this.addSql('drop index if exists `api_tokens_owner_id_index`;');
    this.addSql('drop index if exists `audit_entries_actor_id_index`;');
    this.addSql('drop index if exists `cloud_credit_entries_user_id_index`;');
    this.addSql('drop index if exists `cloud_credit_entries_subscription_id_index`;');
    this.addSql('drop index if exists `contracts_team_id_index`;');
    this.addSql('drop index if exists `install_packages_job_id_index`;');
    this.addSql('drop index if exists `install_packages_version_id_index`;');
    this.addSql('drop index if exists `install_packages_created_by_id_index`;');
    this.addSql('drop index if exists `invitations_invited_by_id_index`;');
    this.addSql('drop index if exists `invitations_team_id_index`;');
    this.addSql('drop index if exists `licence_requests_version_id_index`;');
    this.addSql('drop index if exists `licence_requests_product_id_index`;');
    this.addSql('drop index if exists `licence_requests_subscription_id_index`;');
    this.addSql('drop index if exists `licence_requests_requested_by_id_index`;');
    this.addSql('drop index if exists `memberships_team_id_index`;');
    this.addSql('drop index if exists `seat_assignments_assigned_by_id_index`;');
    this.addSql('drop index if exists `seat_assignments_user_id_index`;');
    this.addSql('drop index if exists `seat_assignments_subscription_id_index`;');
    this.addSql('drop index if exists `sessions_user_id_index`;');
    this.addSql('drop index if exists `subscription_events_subscription_id_index`;');
    this.addSql('drop index if exists `subscription_products_product_id_index`;');
    this.addSql('drop index if exists `subscription_products_subscription_id_index`;');
    this.addSql('drop index if exists `subscriptions_team_id_index`;');
    this.addSql('drop index if exists `subscriptions_contract_id_index`;');
    this.addSql('drop index if exists `support_messages_written_by_id_index`;');
    this.addSql('drop index if exists `support_messages_request_id_index`;');
    this.addSql('drop index if exists `support_requests_opened_by_id_index`;');
    this.addSql('drop index if exists `trials_product_id_index`;');
    this.addSql('drop index if exists `trials_user_id_index`;');
    this.addSql('drop index if exists `usage_days_product_id_index`;');
    this.addSql('drop index if exists `usage_days_user_id_index`;');
    this.addSql('drop index if exists `usage_events_subscription_id_index`;');
    this.addSql('drop index if exists `usage_events_user_id_index`;');
    this.addSql('drop index if exists `usage_events_product_id_index`;');
    this.addSql('create index `contracts_account_id_team_id_index` on `contracts` (`account_id`, `team_id`);');
    this.addSql('create index `subscriptions_account_id_contract_id_index` on `subscriptions` (`account_id`, `contract_id`);');
    this.addSql('create index `subscription_products_account_id_product_id_index` on `subscription_products` (`account_id`, `product_id`);');
    this.addSql('create index `subscription_events_account_id_subscription_id_index` on `subscription_events` (`account_id`, `subscription_id`);');
    this.addSql('create index `licence_requests_account_id_requested_by_id_index` on `licence_requests` (`account_id`, `requested_by_id`);');
    this.addSql('create index `invitations_account_id_team_id_index` on `invitations` (`account_id`, `team_id`);');
    this.addSql('create index `audit_entries_account_id_actor_id_index` on `audit_entries` (`account_id`, `actor_id`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `contracts_account_id_team_id_index`;');
    this.addSql('drop index if exists `subscriptions_account_id_contract_id_index`;');
    this.addSql('drop index if exists `subscription_products_account_id_product_id_index`;');
    this.addSql('drop index if exists `subscription_events_account_id_subscription_id_index`;');
    this.addSql('drop index if exists `licence_requests_account_id_requested_by_id_index`;');
    this.addSql('drop index if exists `invitations_account_id_team_id_index`;');
    this.addSql('drop index if exists `audit_entries_account_id_actor_id_index`;');
    this.addSql('create index `api_tokens_created_by_id_index` on `api_tokens` (`created_by_id`);');
    this.addSql('create index `api_tokens_owner_id_index` on `api_tokens` (`owner_id`);');
    this.addSql('create index `audit_entries_actor_id_index` on `audit_entries` (`actor_id`);');
    this.addSql('create index `cloud_credit_entries_user_id_index` on `cloud_credit_entries` (`user_id`);');
    this.addSql('create index `cloud_credit_entries_subscription_id_index` on `cloud_credit_entries` (`subscription_id`);');
    this.addSql('create index `contracts_team_id_index` on `contracts` (`team_id`);');
    this.addSql('create index `install_packages_job_id_index` on `install_packages` (`job_id`);');
    this.addSql('create index `install_packages_version_id_index` on `install_packages` (`version_id`);');
    this.addSql('create index `install_packages_created_by_id_index` on `install_packages` (`created_by_id`);');
    this.addSql('create index `invitations_invited_by_id_index` on `invitations` (`invited_by_id`);');
    this.addSql('create index `invitations_team_id_index` on `invitations` (`team_id`);');
    this.addSql('create index `licence_requests_version_id_index` on `licence_requests` (`version_id`);');
    this.addSql('create index `licence_requests_product_id_index` on `licence_requests` (`product_id`);');
    this.addSql('create index `licence_requests_subscription_id_index` on `licence_requests` (`subscription_id`);');
    this.addSql('create index `licence_requests_requested_by_id_index` on `licence_requests` (`requested_by_id`);');
    this.addSql('create index `memberships_team_id_index` on `memberships` (`team_id`);');
    this.addSql('create index `seat_assignments_assigned_by_id_index` on `seat_assignments` (`assigned_by_id`);');
    this.addSql('create index `seat_assignments_user_id_index` on `seat_assignments` (`user_id`);');
    this.addSql('create index `seat_assignments_subscription_id_index` on `seat_assignments` (`subscription_id`);');
    this.addSql('create index `sessions_user_id_index` on `sessions` (`user_id`);');
    this.addSql('create index `subscription_events_subscription_id_index` on `subscription_events` (`subscription_id`);');
    this.addSql('create index `subscription_products_product_id_index` on `subscription_products` (`product_id`);');
    this.addSql('create index `subscription_products_subscription_id_index` on `subscription_products` (`subscription_id`);');
    this.addSql('create index `subscriptions_team_id_index` on `subscriptions` (`team_id`);');
    this.addSql('create index `subscriptions_contract_id_index` on `subscriptions` (`contract_id`);');
    this.addSql('create index `support_messages_written_by_id_index` on `support_messages` (`written_by_id`);');
    this.addSql('create index `support_messages_request_id_index` on `support_messages` (`request_id`);');
    this.addSql('create index `support_requests_opened_by_id_index` on `support_requests` (`opened_by_id`);');
    this.addSql('create index `trials_product_id_index` on `trials` (`product_id`);');
    this.addSql('create index `trials_user_id_index` on `trials` (`user_id`);');
    this.addSql('create index `usage_days_product_id_index` on `usage_days` (`product_id`);');
    this.addSql('create index `usage_days_user_id_index` on `usage_days` (`user_id`);');
    this.addSql('create index `usage_events_subscription_id_index` on `usage_events` (`subscription_id`);');
    this.addSql('create index `usage_events_user_id_index` on `usage_events` (`user_id`);');
    this.addSql('create index `usage_events_product_id_index` on `usage_events` (`product_id`);');
  }
}
