import { ImportRowStatus, Language, type UserImportInput, type UserImportReport } from '@seatwise/schema';
import { csvText } from '../../../common/csv.js';
import { inAccount, sql } from '../../../common/sql.js';
import { execute, inTransaction, isUniqueViolation, run } from '../../../common/transaction.js';
import { AppError, msg } from '../../../errors.js';
import { currentLanguage, render, say } from '../../../i18n/messages.js';
import type { AccountContext } from '../../../context.js';
import { recordAudit } from '../../audit/audit.service.js';
import { publishInvitations } from '../invitation.events.js';
import { readPeopleCsv } from './csv-file.js';
import { planImport, type PlannedRow } from './import-plan.js';
import { loadImportWorld } from './import-world.js';
import { writeImport } from './import-writes.js';

const normalised = (email: string) => email.trim().toLowerCase();

async function plan(ctx: AccountContext, csv: string): Promise<PlannedRow[]> {
  const people = readPeopleCsv(csv);
  const world = await loadImportWorld(ctx, [...new Set(people.map((person) => normalised(person.email)).filter(Boolean))]);
  return planImport(people, world);
}

/** The import report's CSV columns, in the language of the request. */
const reportHeadings = [msg('line'), msg('email'), msg('outcome'), msg('field'), msg('reason')];

function report(rows: PlannedRow[], committed: boolean): UserImportReport {
  const language = currentLanguage();
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  const reported = rows.map(({ line, email, status, field, message, reason, detail }) => ({ line, email, status, field, message: message && say(message), reason, detail }));
  return {
    committed,
    created: count(ImportRowStatus.CREATE),
    updated: count(ImportRowStatus.UPDATE),
    unchanged: count(ImportRowStatus.UNCHANGED),
    errors: count(ImportRowStatus.ERROR),
    rows: reported,
    // A getter, so the file is written only for a client that selects it.
    get csv() {
      return csvText(
        reportHeadings.map((heading) => render(heading, language)),
        reported.map((row) => [row.line, row.email, row.status, row.field, row.message]),
      );
    },
  };
}

/** F-43 preview: what each row would do; nothing is written. */
export async function previewUserImport(ctx: AccountContext, input: UserImportInput): Promise<UserImportReport> {
  return report(await plan(ctx, input.csv), false);
}

/**
 * F-43 commit: plans again inside one transaction that holds every subscription of the account
 * (so the seats counted are the seats written), writes all valid rows or, on any failure, none;
 * refused rows are reported and skipped. Invitation mails go out after the commit.
 */
export async function importUsers(ctx: AccountContext, input: UserImportInput): Promise<UserImportReport> {
  const [inviter] = await execute<{ language: Language }>(ctx, 'select language from users where id = ?', [ctx.viewer.userId]);
  const language = inviter?.language ?? Language.EN;
  const { rows } = await inTransaction(ctx, async (tx) => {
    await run(tx, sql`update subscriptions set seats = seats where ${inAccount(tx)}`);
    const rows = await plan(tx, input.csv);
    const { outgoing, created } = await writeImport(tx, rows, language);
    const summary = report(rows, true);
    recordAudit(tx, {
      action: 'users.import',
      targetType: 'import',
      summary: msg('Imported users from a file: {created} created, {updated} updated, {unchanged} unchanged, {refused} refused', {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        refused: summary.errors,
      }),
      after: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged, errors: summary.errors, rows: rows.length, createdEmails: created },
    });
    await tx.em.flush();
    // Thousands of mails do not hold the answer back: they go out after the commit, each retried on its own.
    if (input.sendInvitations) await publishInvitations(tx, outgoing.map((mail) => ({ ...mail, language })));
    return { rows };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', msg('Some of these people were added by someone else while the file was imported; nothing was written. Preview the file again.'), 'csv');
    }
    throw error;
  });
  return report(rows, true);
}
