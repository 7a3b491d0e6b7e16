import { day, msg } from '../../i18n/messages.js';
import { defineMail } from './mail-template.js';

export interface InvitationMailData {
  firstName: string;
  inviterName: string;
  accountName: string;
  link: string;
  /** ISO date the link stops working. */
  expiresOn: string;
}

/** F-41: the invitation to join an account; the link sets a password or signs in. */
export const invitationMail = defineMail<InvitationMailData>(({ firstName, inviterName, accountName, link, expiresOn }) => ({
  subject: msg('{inviter} invited you to {account} on {brand}', { inviter: inviterName, account: accountName }),
  paragraphs: [
    msg('Hello {name},', { name: firstName }),
    msg('{inviter} invited you to join {account} on {brand}, where your software and licences are managed.', { inviter: inviterName, account: accountName }),
    msg('Accept the invitation: {link}', { link }),
    msg('The link works until {day}. If you did not expect this message, you can ignore it.', { day: day(expiresOn) }),
  ],
}));
