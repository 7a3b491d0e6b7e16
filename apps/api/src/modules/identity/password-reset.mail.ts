import { defineMail } from '../mail/mail-template.js';

export interface PasswordResetMailData {
  firstName: string;
  link: string;
  minutes: number;
  /** An invited person without a password: the same link sets the first one. */
  firstPassword: boolean;
}

export const passwordResetMail = defineMail<PasswordResetMailData>({
  EN: ({ firstName, link, minutes, firstPassword }) => ({
    subject: firstPassword ? 'Set your Seatwise password' : 'Reset your Seatwise password',
    text: [
      `Hello ${firstName},`,
      firstPassword
        ? 'To start using Seatwise, choose your password with this link:'
        : 'Someone (we hope you) asked to reset the password of your Seatwise account. Choose a new password with this link:',
      link,
      `The link works once and for ${minutes} minutes. Setting a new password signs you out on every other device.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
      'Seatwise',
    ].join('\n\n'),
  }),
  SL: ({ firstName, link, minutes, firstPassword }) => ({
    subject: firstPassword ? 'Nastavite geslo za Seatwise' : 'Ponastavitev gesla za Seatwise',
    text: [
      `Pozdravljeni, ${firstName},`,
      firstPassword
        ? 'Za začetek uporabe Seatwise si izberite geslo na tej povezavi:'
        : 'Nekdo (upamo, da vi) je zahteval ponastavitev gesla za vaš račun Seatwise. Novo geslo izberite na tej povezavi:',
      link,
      `Povezava deluje enkrat in ${minutes} minut. Z novim geslom boste odjavljeni na vseh drugih napravah.`,
      'Če tega niste zahtevali, sporočilo prezrite: geslo ostane nespremenjeno.',
      'Seatwise',
    ].join('\n\n'),
  }),
});
