import type { Language } from '@seatwise/schema';
import type { Config } from '../../config.js';
import { day, type Message, msg } from '../../i18n/messages.js';
import { User } from '../identity/user.entity.js';
import type { EventBus } from '../jobs/event-bus.js';
import { defineMail, link, type Link, type MailTemplate } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';
import { signLinkToken } from '../notifications/unsubscribe-link.js';

/** What each reclaim mail says; stored in its outbox row, so JSON only. */
export type ReclaimMailData =
  | { kind: 'notice'; noticeId: string; subscription: string; account: string; idleDays: number; reclaimOn: string }
  | { kind: 'reclaimed'; subscription: string; account: string }
  | { kind: 'reclaimed-admin'; subscription: string; account: string; policy: string; person: string; undoUntil: string };

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** One reclaim mail to one person: a notice, or a seat taken back (to its holder and the admins). */
    'reclaim.mail': { userId: string; accountId: string; mail: ReclaimMailData };
  }
}

/** The purpose of "Keep my seat" tokens (`signLinkToken`): a token of another kind of link is not one. */
export const KEEP_SEAT_LINK = 'keep-seat';

/** The "Keep my seat" link of a notice: signed, no sign-in; the notice's state makes it work once. */
export const keepSeatLink = (config: Config, noticeId: string) => `${config.publicUrl}/api/keep-seat/${signLinkToken(config, KEEP_SEAT_LINK, [noticeId])}`;

interface Envelope {
  firstName: string;
  mail: ReclaimMailData;
  link: string;
}

const body = (d: Envelope): { subject: Message; paragraphs: (Message | Link)[] } => {
  const m = d.mail;
  switch (m.kind) {
    case 'notice':
      return {
        subject: msg('Your seat of {subscription} will be reclaimed on {date}', { subscription: m.subscription, date: day(m.reclaimOn) }),
        paragraphs: [
          msg('Your seat of {subscription} in {account} has not been used for {count} days.', { subscription: m.subscription, account: m.account, count: m.idleDays }),
          msg('If nothing changes, it will be unassigned on {date} so someone else can use it. Using the product before then keeps it.', { date: day(m.reclaimOn) }),
          msg('To keep your seat, open this link and tell us why (one click, no sign-in):'),
          link(d.link),
        ],
      };
    case 'reclaimed':
      return {
        subject: msg('Your seat of {subscription} was unassigned', { subscription: m.subscription }),
        paragraphs: [
          msg('Your seat of {subscription} in {account} was unassigned because it was not used. If you need it again, ask an administrator of the account.', {
            subscription: m.subscription,
            account: m.account,
          }),
        ],
      };
    case 'reclaimed-admin':
      return {
        subject: msg('A seat of {subscription} was reclaimed from {person}', { subscription: m.subscription, person: m.person }),
        paragraphs: [
          msg('The reclaim policy {policy} unassigned the seat of {subscription} held by {person} in {account}.', {
            policy: m.policy,
            subscription: m.subscription,
            person: m.person,
            account: m.account,
          }),
          msg('You can undo it until {date} in the seat ledger of the reclaim policies page:', { date: day(m.undoUntil) }),
          link(d.link),
        ],
      };
  }
};

const reclaimMail: MailTemplate<Envelope> = defineMail<Envelope>((d) => {
  const { subject, paragraphs } = body(d);
  return { subject, paragraphs: [msg('Hello {name},', { name: d.firstName }), ...paragraphs] };
});

/** The reclaim mails, registered at start-up (`app.ts`), written in the recipient's language. */
export function subscribeReclaimMail(events: EventBus, mail: Mailer, config: Config): void {
  events.subscribe('reclaim.mail', 'mail', async ({ userId, mail: data }, { em }) => {
    const person = await em.findOne(User, { id: userId });
    if (!person) return;
    const target = data.kind === 'notice' ? keepSeatLink(config, data.noticeId) : `${config.publicUrl}/users/reclaim-policies`;
    await mail.send(reclaimMail, { to: person.email, language: person.language as Language, data: { firstName: person.firstName, mail: data, link: target } });
  });
}
