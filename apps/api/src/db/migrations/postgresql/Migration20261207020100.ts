import { Migration } from '@mikro-orm/migrations';

/** Which request receives an upload's bytes, on any instance, and until when (`vendor/catalogue-uploads.service.ts`). */
export class Migration20261207020100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "file_uploads" add column "receiving_by" varchar(80) null, add column "receiving_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "file_uploads" drop column "receiving_by", drop column "receiving_until";`);
  }
}
