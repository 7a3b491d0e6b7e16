import { Migration } from '@mikro-orm/migrations';

/**
 * Reclaim policies (issue 19, item 1): the policies, their notices (one per policy, seat and idle
 * spell: the claim that makes a notice go out once), and the seat ledger's new reason RECLAIM and
 * actor POLICY with the policy's id.
 */
export class Migration20261209010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reclaim_policies" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "name" varchar(100) not null, "subscription_id" uuid null, "signal" text check ("signal" in ('LAST_USE', 'NEVER_USED')) not null, "threshold_days" int not null, "grace_days" int not null, "action" text check ("action" in ('UNASSIGN')) not null default 'UNASSIGN', "excluded_user_ids" jsonb not null, "excluded_team_ids" jsonb not null, "excluded_roles" jsonb not null, "enabled" boolean not null default false, "enabled_at" timestamptz null, "enabled_by_id" uuid null, "version" int not null default 1, constraint "reclaim_policies_pkey" primary key ("id"));`);
    this.addSql(`create index "reclaim_policies_account_id_created_at_id_index" on "reclaim_policies" ("account_id", "created_at", "id");`);

    this.addSql(`create table "reclaim_notices" ("id" uuid not null, "created_at" timestamptz not null, "account_id" uuid not null, "policy_id" uuid not null, "seat_id" uuid not null, "user_id" uuid not null, "subscription_id" uuid not null, "idle_since" int not null, "state" text check ("state" in ('PENDING', 'KEPT', 'USED', 'RECLAIMED', 'CLOSED')) not null default 'PENDING', "reclaim_at" timestamptz not null, "resolved_at" timestamptz null, "kept_at" timestamptz null, "kept_day" int null, "keep_reason" varchar(500) null, "ledger_entry_id" uuid null, constraint "reclaim_notices_pkey" primary key ("id"));`);
    this.addSql(`create index "reclaim_notices_account_id_seat_id_index" on "reclaim_notices" ("account_id", "seat_id");`);
    this.addSql(`create index "reclaim_notices_account_id_state_reclaim_at_index" on "reclaim_notices" ("account_id", "state", "reclaim_at");`);
    this.addSql(`alter table "reclaim_notices" add constraint "reclaim_notices_account_id_policy_id_seat_id_idle_since_unique" unique ("account_id", "policy_id", "seat_id", "idle_since");`);

    this.addSql(`alter table "reclaim_policies" add constraint "reclaim_policies_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reclaim_policies" add constraint "reclaim_policies_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reclaim_policies" add constraint "reclaim_policies_enabled_by_id_foreign" foreign key ("enabled_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "reclaim_notices" add constraint "reclaim_notices_account_id_foreign" foreign key ("account_id") references "accounts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reclaim_notices" add constraint "reclaim_notices_policy_id_foreign" foreign key ("policy_id") references "reclaim_policies" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reclaim_notices" add constraint "reclaim_notices_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "seat_ledger" drop constraint if exists "seat_ledger_reason_check";`);
    this.addSql(`alter table "seat_ledger" drop constraint if exists "seat_ledger_actor_kind_check";`);

    this.addSql(`alter table "seat_ledger" add column "policy_id" uuid null;`);
    this.addSql(`alter table "seat_ledger" add constraint "seat_ledger_reason_check" check("reason" in ('ASSIGN', 'INVITE', 'IMPORT', 'UNASSIGN', 'REMOVE', 'INVITATION_REVOKE', 'DIRECTORY', 'ACCOUNT_DELETION', 'UNDO', 'RECLAIM'));`);
    this.addSql(`alter table "seat_ledger" add constraint "seat_ledger_actor_kind_check" check("actor_kind" in ('PERSON', 'TOKEN', 'DIRECTORY', 'SYSTEM', 'POLICY'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "seat_ledger" where "reason" = 'RECLAIM' or "actor_kind" = 'POLICY';`);
    this.addSql(`alter table "reclaim_notices" drop constraint "reclaim_notices_policy_id_foreign";`);

    this.addSql(`drop table if exists "reclaim_policies" cascade;`);

    this.addSql(`drop table if exists "reclaim_notices" cascade;`);

    this.addSql(`alter table "seat_ledger" drop constraint if exists "seat_ledger_reason_check";`);
    this.addSql(`alter table "seat_ledger" drop constraint if exists "seat_ledger_actor_kind_check";`);

    this.addSql(`alter table "seat_ledger" drop column "policy_id";`);

    this.addSql(`alter table "seat_ledger" add constraint "seat_ledger_reason_check" check("reason" in ('ASSIGN', 'INVITE', 'IMPORT', 'UNASSIGN', 'REMOVE', 'INVITATION_REVOKE', 'DIRECTORY', 'ACCOUNT_DELETION', 'UNDO'));`);
    this.addSql(`alter table "seat_ledger" add constraint "seat_ledger_actor_kind_check" check("actor_kind" in ('PERSON', 'TOKEN', 'DIRECTORY', 'SYSTEM'));`);
  }

}
