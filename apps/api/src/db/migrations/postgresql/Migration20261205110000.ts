import { Migration } from '@mikro-orm/migrations';

/**
 * File sizes in 64 bits: a product file, an upload (declared and received) and a built install
 * package can be over 2 GiB.
 */
export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "product_files" alter column "size" type bigint using ("size"::bigint);');
    this.addSql('alter table "install_packages" alter column "size" type bigint using ("size"::bigint);');
    this.addSql('alter table "file_uploads" alter column "size" type bigint using ("size"::bigint);');
    this.addSql('alter table "file_uploads" alter column "received" type bigint using ("received"::bigint);');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "product_files" alter column "size" type int using ("size"::int);');
    this.addSql('alter table "install_packages" alter column "size" type int using ("size"::int);');
    this.addSql('alter table "file_uploads" alter column "size" type int using ("size"::int);');
    this.addSql('alter table "file_uploads" alter column "received" type int using ("received"::int);');
  }
}
