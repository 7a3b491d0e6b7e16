import { type Language, NotificationCategory } from '@seatwise/schema';
import type { Config } from '../../config.js';
import { day, type Message, msg } from '../../i18n/messages.js';
import { User } from '../identity/user.entity.js';
import type { EventBus } from '../jobs/event-bus.js';
import { defineMail, link, type Link, type MailTemplate } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';
import { wantsMail } from './notifications.service.js';
import { unsubscribeOf } from './unsubscribe-link.js';

/** What each notification mail says; stored in its outbox row, so JSON only. */
export type NotificationMailData =
  | { kind: 'renewal'; subscription: string; account: string; endsOn: string; days: number; autoRenews: boolean }
  | { kind: 'expired'; subscription: string; account: string; endsOn: string }
  | { kind: 'credits-low'; subscription: string; account: string; remaining: number; threshold: number }
  | { kind: 'fully-assigned'; subscription: string; account: string; seats: number };

/** The Settings category each kind belongs to: the person's choice there, and what the unsubscribe link turns off. */
export const categoryOf = (mail: NotificationMailData): NotificationCategory =>
  mail.kind === 'renewal' || mail.kind === 'expired' ? NotificationCategory.SUBSCRIPTION_RENEWALS : NotificationCategory.USAGE_ALERTS;

/** The closing paragraphs of every notification: why it came, and the one-click way to stop it. */
export function unsubscribeParagraphs(category: NotificationCategory, unsubscribe: string): (Message | Link)[] {
  const why: Record<string, Message> = {
    [NotificationCategory.PRODUCT_UPDATES]: msg('You get this message because product updates are on in your settings.'),
    [NotificationCategory.SUBSCRIPTION_RENEWALS]: msg('You get this message because subscription renewals are on in your settings.'),
    [NotificationCategory.USAGE_ALERTS]: msg('You get this message because usage alerts are on in your settings.'),
  };
  return [why[category]!, msg('To stop these messages, open this link (one click, no sign-in):'), link(unsubscribe)];
}

interface Envelope {
  firstName: string;
  mail: NotificationMailData;
  link: string;
  unsubscribe: string;
}

const body = (d: Envelope): { subject: Message; paragraphs: (Message | Link)[] } => {
  const m = d.mail;
  switch (m.kind) {
    case 'renewal':
      return {
        subject: msg('{subscription}: renewal due in {count} days', { subscription: m.subscription, count: m.days }),
        paragraphs: [
          msg('The subscription {subscription} of {account} ends on {date}, in {count} days.', { subscription: m.subscription, account: m.account, date: day(m.endsOn), count: m.days }),
          m.autoRenews ? msg('It renews automatically for another term unless it is cancelled before then.') : msg('To keep using it, renew it before that day.'),
        ],
      };
    case 'expired':
      return {
        subject: msg('{subscription} has expired', { subscription: m.subscription }),
        paragraphs: [msg('The subscription {subscription} of {account} ended on {date}. Its seats can no longer be used.', { subscription: m.subscription, account: m.account, date: day(m.endsOn) })],
      };
    case 'credits-low':
      return {
        subject: msg('{subscription}: {count} cloud credits left', { subscription: m.subscription, count: m.remaining }),
        paragraphs: [
          msg('The subscription {subscription} of {account} has {count} cloud credits left, below the alert threshold of {threshold} set for the account.', {
            subscription: m.subscription,
            account: m.account,
            count: m.remaining,
            threshold: m.threshold,
          }),
          msg('Buy more credits before they run out, or the cloud services stop.'),
        ],
      };
    case 'fully-assigned':
      return {
        subject: msg('{subscription}: every seat is assigned', { subscription: m.subscription }),
        paragraphs: [
          msg('All seats of the subscription {subscription} of {account} are assigned ({seats} of {seats}). To give someone else a seat, unassign one or add seats.', {
            subscription: m.subscription,
            account: m.account,
            seats: m.seats,
          }),
        ],
      };
  }
};

const notificationMail: MailTemplate<Envelope> = defineMail<Envelope>((d) => {
  const { subject, paragraphs } = body(d);
  return { subject, paragraphs: [msg('Hello {name},', { name: d.firstName }), ...paragraphs, link(d.link), ...unsubscribeParagraphs(categoryOf(d.mail), d.unsubscribe)] };
});

const pageOf = (mail: NotificationMailData) => (mail.kind === 'credits-low' ? '/reports/cloud-services-usage' : '/subscriptions');

/** The notification mails, registered at start-up (`app.ts`); the person's choice is read again when one is sent. */
export function subscribeNotificationMail(events: EventBus, mail: Mailer, config: Config): void {
  events.subscribe('notifications.mail', 'mail', async ({ userId, mail: data }, { em }) => {
    const category = categoryOf(data);
    const person = await em.findOne(User, { id: userId });
    if (!person || !(await wantsMail(em, userId, category))) return;
    const unsubscribe = unsubscribeOf(config, { userId, category });
    await mail.send(notificationMail, {
      to: person.email,
      language: person.language as Language,
      data: { firstName: person.firstName, mail: data, link: `${config.publicUrl}${pageOf(data)}`, unsubscribe: unsubscribe.link },
      headers: unsubscribe.headers,
    });
  });
}
