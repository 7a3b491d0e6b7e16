import { type Language, MembershipStatus, Role } from '@seatwise/schema';
import type { Config } from '../../config.js';
import { day, msg } from '../../i18n/messages.js';
import type { EventBus } from '../jobs/event-bus.js';
import { defineMail, link } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';
import { Membership } from '../users/membership.entity.js';
import { runForMail } from './export-runs.js';
import { MAIL_LINK_DAYS, runLinkFor } from './report-exports.service.js';

interface ReadyMail {
  firstName: string;
  name: string;
  from: string;
  to: string;
  rows: number;
  link: string;
  expiresOn: string;
}

const readyMail = defineMail<ReadyMail>((d) => ({
  subject: msg('Your scheduled export {name} is ready', { name: d.name }),
  paragraphs: [
    msg('Hello {name},', { name: d.firstName }),
    msg('The scheduled export {name} covering {from} to {to} is ready ({count} rows).', { name: d.name, from: day(d.from), to: day(d.to), count: d.rows }),
    msg('Download it with this link, which works until {date}:', { date: day(d.expiresOn) }),
    link(d.link),
  ],
}));

interface FailedMail {
  firstName: string;
  name: string;
  attempts: number;
  error: string;
  page: string;
}

const failedMail = defineMail<FailedMail>((d) => ({
  subject: msg('Your scheduled export {name} failed', { name: d.name }),
  paragraphs: [
    msg('Hello {name},', { name: d.firstName }),
    msg('The scheduled export {name} failed after {count} attempts, so no file was made this time. The next run follows its schedule.', { name: d.name, count: d.attempts }),
    msg('The reason recorded: {error}', { error: d.error }),
    link(d.page),
  ],
}));

/**
 * The mails of scheduled exports, registered at start-up (`app.ts`): each recipient who is still an
 * active member gets their own signed link (`MAIL_LINK_DAYS`), in their language; a run that failed
 * for good is reported to the admin who saved the export (or, when they are gone, to the admins).
 */
export function subscribeExportMail(events: EventBus, mail: Mailer, config: Config): void {
  events.subscribe('exports.run-ready', 'mail', async ({ runId, accountId }, { em }) => {
    const run = await runForMail(em, runId);
    if (!run?.fileName) return;
    const members = await em.find(
      Membership,
      { account: accountId, user: { $in: run.export.recipientIds }, status: MembershipStatus.ACTIVE },
      { filters: false, populate: ['user'] },
    );
    const expiresAt = new Date(Date.now() + MAIL_LINK_DAYS * 86_400_000);
    for (const member of members) {
      const path = runLinkFor(config, { id: run.id, fileName: run.fileName }, member.user.id, accountId, expiresAt);
      await mail.send(readyMail, {
        to: member.email,
        language: member.user.language as Language,
        data: { firstName: member.firstName, name: run.export.name, from: run.rangeFrom, to: run.rangeTo, rows: run.rowCount ?? 0, link: `${config.publicUrl}${path}`, expiresOn: expiresAt.toISOString().slice(0, 10) },
      });
    }
  });
  events.subscribe('exports.run-failed', 'mail', async ({ runId, accountId }, { em }) => {
    const run = await runForMail(em, runId);
    if (!run) return;
    const admins = await em.find(
      Membership,
      { account: accountId, status: MembershipStatus.ACTIVE, role: { $in: [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN] } },
      { filters: false, populate: ['user'] },
    );
    const creator = admins.filter((member) => member.user.id === run.export.createdBy?.id);
    for (const member of creator.length ? creator : admins) {
      await mail.send(failedMail, {
        to: member.email,
        language: member.user.language as Language,
        data: { firstName: member.firstName, name: run.export.name, attempts: run.attempts, error: run.error ?? '', page: `${config.publicUrl}/reports/scheduled-exports` },
      });
    }
  });
}
