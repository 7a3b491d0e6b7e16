import type { Language } from '@seatwise/schema';
import type { Config } from '../../config.js';
import type { EventBus } from '../jobs/event-bus.js';
import type { Mailer } from '../mail/mailer.js';
import type { SmsSender } from '../mail/sms.js';
import { smsCodeText } from './two-step/two-step.messages.js';
import {
  accountDeletedMail,
  confirmEmailChangeMail,
  emailAlreadyUsedMail,
  emailChangedMail,
  emailChangeRequestedMail,
} from './account-security/account-security.mails.js';
import { passwordResetMail } from './password-reset.mail.js';
import { subscribeSecurityAlertMail } from './security-alerts.js';

/** Who a mail about a person goes to, as they were when the change committed. */
interface Person {
  email: string;
  language: Language;
  firstName: string;
}

/** The identity module's events (published in the change's transaction, see `jobs/event-bus.ts`). */
declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** A reset (or first-password) link was issued; `link` carries the one-time token until sent. */
    'identity.password-reset-requested': { person: Person; link: string; minutes: number; firstPassword: boolean };
    /** A change of address was asked for; `link` is null when the new address belongs to someone else. */
    'identity.email-change-requested': { person: Person; newEmail: string; link: string | null; hours: number };
    'identity.email-changed': { person: Person; oldEmail: string };
    /** The person deleted their own account; `person` is who they were before. */
    'identity.account-deleted': { person: Person };
    /** A 2-step code to text to `to`; it carries the code until sent (only its hash is kept elsewhere). */
    'identity.sms-code': { to: string; language: Language; code: string; minutes: number };
  }
}

/**
 * The identity module's text messages: 2-step codes, sent after the change that issued them
 * committed, naming the vendor's brand as it stands when the message leaves.
 */
export function subscribeIdentitySms(events: EventBus, sms: SmsSender, brandName: () => Promise<string>): void {
  events.subscribe('identity.sms-code', 'sms', async ({ to, language, code, minutes }) => sms.send(to, language, smsCodeText(code, minutes, await brandName())));
}

/** The identity module's mail, registered at start-up (`app.ts`). */
export function subscribeIdentityMail(events: EventBus, mail: Mailer, config: Config): void {
  subscribeSecurityAlertMail(events, mail, config);
  events.subscribe('identity.password-reset-requested', 'mail', ({ person, link, minutes, firstPassword }) =>
    mail.send(passwordResetMail, { to: person.email, language: person.language, data: { firstName: person.firstName, link, minutes, firstPassword } }),
  );
  // Two subscribers, so a failure to reach one address does not send to the other twice.
  events.subscribe('identity.email-change-requested', 'mail-to-new-address', ({ person, newEmail, link, hours }) =>
    link
      ? mail.send(confirmEmailChangeMail, { to: newEmail, language: person.language, data: { name: person.firstName, newEmail, link, hours } })
      : mail.send(emailAlreadyUsedMail, { to: newEmail, language: person.language, data: { link: `${config.publicUrl}/sign-in` } }),
  );
  events.subscribe('identity.email-change-requested', 'mail-to-old-address', ({ person, newEmail }) =>
    mail.send(emailChangeRequestedMail, {
      to: person.email,
      language: person.language,
      data: { name: person.firstName, newEmail, link: `${config.publicUrl}/profile/security` },
    }),
  );
  events.subscribe('identity.email-changed', 'mail', ({ person, oldEmail }) =>
    mail.send(emailChangedMail, { to: oldEmail, language: person.language, data: { name: person.firstName, newEmail: person.email } }),
  );
  events.subscribe('identity.account-deleted', 'mail', ({ person }) =>
    mail.send(accountDeletedMail, { to: person.email, language: person.language, data: { name: person.firstName } }),
  );
}
