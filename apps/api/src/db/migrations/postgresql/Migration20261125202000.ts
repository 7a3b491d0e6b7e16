import { Migration } from '@mikro-orm/migrations';

/** Users and seats: a version on memberships, so two admins editing one user never overwrite each other. */
export class Migration20261125202000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "memberships" add column "version" int not null default 1;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "memberships" drop column "version";');
  }
}
