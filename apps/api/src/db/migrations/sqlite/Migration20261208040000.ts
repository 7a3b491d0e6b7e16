import { Migration } from '@mikro-orm/migrations';

/**
 * The users page on SQLite at 50,000 people (issue 21, item 5), without changing what it answers:
 *
 * - `membership_status_counts`: the memberships of each account by status, kept by triggers, so
 *   the page's total without a narrowing filter is a sum of at most a few rows instead of a count
 *   over every membership.
 * - `membership_search`: an FTS5 index with the trigram tokenizer over each membership's
 *   `sort_name` and `email`, kept by triggers. A search word of three or more characters first
 *   takes the memberships whose name or email holds its trigrams (a superset: the index folds
 *   case), and the LIKE of every word still decides, so the rows are exactly those of before.
 *   FTS5 rows are keyed by an integer; `membership_search_keys` gives each membership a stable
 *   one (a rowid of `memberships` itself could change in a VACUUM).
 *
 * PostgreSQL keeps its own path: the trigram GIN indexes of migration 20261203090000.
 */
export class Migration20261208040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `membership_status_counts` (`account_id` text not null, `status` text not null, `n` integer not null, primary key (`account_id`, `status`)) without rowid;');
    this.addSql('insert into `membership_status_counts` (`account_id`, `status`, `n`) select `account_id`, `status`, count(*) from `memberships` group by `account_id`, `status`;');
    this.addSql(`create trigger \`membership_status_counts_insert\` after insert on \`memberships\` begin
      insert into \`membership_status_counts\` (\`account_id\`, \`status\`, \`n\`) values (new.\`account_id\`, new.\`status\`, 1)
        on conflict (\`account_id\`, \`status\`) do update set \`n\` = \`n\` + 1;
    end;`);
    this.addSql(`create trigger \`membership_status_counts_delete\` after delete on \`memberships\` begin
      update \`membership_status_counts\` set \`n\` = \`n\` - 1 where \`account_id\` = old.\`account_id\` and \`status\` = old.\`status\`;
    end;`);
    this.addSql(`create trigger \`membership_status_counts_update\` after update of \`account_id\`, \`status\` on \`memberships\` begin
      update \`membership_status_counts\` set \`n\` = \`n\` - 1 where \`account_id\` = old.\`account_id\` and \`status\` = old.\`status\`;
      insert into \`membership_status_counts\` (\`account_id\`, \`status\`, \`n\`) values (new.\`account_id\`, new.\`status\`, 1)
        on conflict (\`account_id\`, \`status\`) do update set \`n\` = \`n\` + 1;
    end;`);

    this.addSql('create table `membership_search_keys` (`key` integer primary key, `membership_id` text not null unique);');
    this.addSql("create virtual table `membership_search` using fts5(`sort_name`, `email`, tokenize = 'trigram');");
    this.addSql('insert into `membership_search_keys` (`membership_id`) select `id` from `memberships`;');
    this.addSql('insert into `membership_search` (`rowid`, `sort_name`, `email`) select k.`key`, m.`sort_name`, m.`email` from `memberships` m join `membership_search_keys` k on k.`membership_id` = m.`id`;');
    this.addSql(`create trigger \`membership_search_insert\` after insert on \`memberships\` begin
      insert into \`membership_search_keys\` (\`membership_id\`) values (new.\`id\`);
      insert into \`membership_search\` (\`rowid\`, \`sort_name\`, \`email\`)
        values ((select \`key\` from \`membership_search_keys\` where \`membership_id\` = new.\`id\`), new.\`sort_name\`, new.\`email\`);
    end;`);
    this.addSql(`create trigger \`membership_search_delete\` after delete on \`memberships\` begin
      delete from \`membership_search\` where \`rowid\` = (select \`key\` from \`membership_search_keys\` where \`membership_id\` = old.\`id\`);
      delete from \`membership_search_keys\` where \`membership_id\` = old.\`id\`;
    end;`);
    this.addSql(`create trigger \`membership_search_update\` after update of \`sort_name\`, \`email\` on \`memberships\` begin
      update \`membership_search\` set \`sort_name\` = new.\`sort_name\`, \`email\` = new.\`email\`
        where \`rowid\` = (select \`key\` from \`membership_search_keys\` where \`membership_id\` = new.\`id\`);
    end;`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['membership_search_update', 'membership_search_delete', 'membership_search_insert', 'membership_status_counts_update', 'membership_status_counts_delete', 'membership_status_counts_insert']) {
      this.addSql(`drop trigger if exists \`${trigger}\`;`);
    }
    this.addSql('drop table if exists `membership_search`;');
    this.addSql('drop table if exists `membership_search_keys`;');
    this.addSql('drop table if exists `membership_status_counts`;');
  }
}
