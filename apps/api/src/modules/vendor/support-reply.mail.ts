import { msg } from '../../i18n/messages.js';
import type { EventBus } from '../jobs/event-bus.js';
import { defineMail, link, verbatim } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';

export interface SupportReplyMailData {
  firstName: string;
  subject: string;
  reply: string;
  closed: boolean;
  link: string;
}

/** V-06: support answered a request; the reply itself and a link to the thread. */
export const supportReplyMail = defineMail<SupportReplyMailData>(({ firstName, subject, reply, closed, link: url }) => ({
  subject: msg('{brand} support replied: {subject}', { subject }),
  paragraphs: [
    msg('Hello {name},', { name: firstName }),
    msg('Support replied to your request "{subject}":', { subject }),
    verbatim(reply),
    closed ? msg('The request is now closed. If you need more help, open a new one from the home page.') : msg('The whole conversation is on the home page:'),
    link(url),
  ],
}));

/** Mails each reply to the admin who opened the request, once per reply (registered in `app.ts`). */
export function subscribeSupportReplyMail(events: EventBus, mail: Mailer): void {
  events.subscribe('support.replied', 'mail', ({ to, language, ...data }) => mail.send(supportReplyMail, { to, language, data }));
}
