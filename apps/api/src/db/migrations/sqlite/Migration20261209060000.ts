import { Migration } from '@mikro-orm/migrations';

/**
 * An audit entry (the account's and the vendor's) keeps the message and values of its summary, so the log renders the sentence in the
 * reader's language when read (issue 22, item 9); old entries keep their English line.
 */
export class Migration20261209060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `audit_entries` add column `summary_message` json null;');
    this.addSql('alter table `vendor_audit_entries` add column `summary_message` json null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `audit_entries` drop column `summary_message`;');
    this.addSql('alter table `vendor_audit_entries` drop column `summary_message`;');
  }
}
