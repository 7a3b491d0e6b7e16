import { msg } from '../../i18n/messages.js';
import { defineMail, link } from '../mail/mail-template.js';

export interface PasswordResetMailData {
  firstName: string;
  link: string;
  minutes: number;
  /** An invited person without a password: the same link sets the first one. */
  firstPassword: boolean;
}

export const passwordResetMail = defineMail<PasswordResetMailData>(({ firstName, link: url, minutes, firstPassword }) => ({
  subject: firstPassword ? msg('Set your {brand} password') : msg('Reset your {brand} password'),
  paragraphs: [
    msg('Hello {name},', { name: firstName }),
    firstPassword
      ? msg('To start using {brand}, choose your password with this link:')
      : msg('Someone (we hope you) asked to reset the password of your {brand} account. Choose a new password with this link:'),
    link(url),
    msg('The link works once and for {count} minutes. Setting a new password signs you out on every other device.', { count: minutes }),
    msg('If you did not ask for this, ignore this message: your password stays as it is.'),
    msg('{brand}'),
  ],
}));
