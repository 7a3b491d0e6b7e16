import { Migration } from '@mikro-orm/migrations';

/**
 * SQLite's maintained membership counts and FTS5 trigram search (issue 21, item 5; see the SQLite
 * migration of the same name). PostgreSQL keeps its own path, the trigram GIN indexes of migration
 * 20261203090000 and its count: nothing changes here, the migration exists so both drivers run the
 * same list.
 */
export class Migration20261208040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1;');
  }

  override async down(): Promise<void> {
    this.addSql('select 1;');
  }
}
