import { msg } from '../../../i18n/messages.js';
import { defineMail, link } from '../../mail/mail-template.js';

export const confirmEmailChangeMail = defineMail<{ name: string; newEmail: string; link: string; hours: number }>(({ name, newEmail, link: url, hours }) => ({
  subject: msg('Confirm your new {brand} email address'),
  paragraphs: [
    msg('Hello {name},', { name }),
    msg('To sign in to {brand} with {email} from now on, open this link within {count} hours:', { email: newEmail, count: hours }),
    link(url),
    msg('Until then, your current address stays in use. If you did not ask for this, ignore this message.'),
  ],
}));

/** Sent to the new address when it already signs in to Seatwise: nothing changes, nothing is revealed to the requester. */
export const emailAlreadyUsedMail = defineMail<{ link: string }>(({ link: url }) => ({
  subject: msg('Your address was offered as a new {brand} sign-in email'),
  paragraphs: [
    msg('Someone asked to make this address the sign-in email of another {brand} account. It already signs in to its own account, so nothing was changed.'),
    msg('If you want to manage your own account, sign in: {link}', { link: url }),
  ],
}));

/** Tells the old address, so a hijacked session cannot move the account away unnoticed. */
export const emailChangeRequestedMail = defineMail<{ name: string; newEmail: string; link: string }>(({ name, newEmail, link: url }) => ({
  subject: msg('A change of your {brand} email address was requested'),
  paragraphs: [
    msg('Hello {name},', { name }),
    msg('Someone signed in to your account asked to change its sign-in email to {email}. The change happens only when the link sent to that address is opened.', { email: newEmail }),
    msg('If this was not you, change your password and cancel the change in your security settings: {link}', { link: url }),
  ],
}));

export const emailChangedMail = defineMail<{ name: string; newEmail: string }>(({ name, newEmail }) => ({
  subject: msg('Your {brand} email address was changed'),
  paragraphs: [
    msg('Hello {name},', { name }),
    msg('Your {brand} account now signs in with {email}; this address is no longer used for it.', { email: newEmail }),
    msg('If you did not do this, contact an admin of your account at once.'),
  ],
}));

export const accountDeletedMail = defineMail<{ name: string }>(({ name }) => ({
  subject: msg('Your {brand} account was deleted'),
  paragraphs: [
    msg('Hello {name},', { name }),
    msg('Your {brand} sign-in was deleted as you asked. Your personal data was removed and your seats were released. This is the last message {brand} sends to this address.'),
  ],
}));
