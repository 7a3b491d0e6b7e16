import { defineMail } from '../../mail/mail-template.js';

export const confirmEmailChangeMail = defineMail<{ name: string; newEmail: string; link: string; hours: number }>({
  EN: ({ name, newEmail, link, hours }) => ({
    subject: 'Confirm your new Seatwise email address',
    text: `Hello ${name},\n\nTo sign in to Seatwise with ${newEmail} from now on, open this link within ${hours} hours:\n\n${link}\n\nUntil then, your current address stays in use. If you did not ask for this, ignore this message.`,
  }),
  SL: ({ name, newEmail, link, hours }) => ({
    subject: 'Potrdite svoj novi e-poštni naslov za Seatwise',
    text: `Pozdravljeni, ${name},\n\nČe se želite odslej v Seatwise prijavljati z naslovom ${newEmail}, v ${hours} urah odprite to povezavo:\n\n${link}\n\nDo takrat ostane v uporabi vaš sedanji naslov. Če tega niste zahtevali vi, sporočilo prezrite.`,
  }),
});

/** Sent to the new address when it already signs in to Seatwise: nothing changes, nothing is revealed to the requester. */
export const emailAlreadyUsedMail = defineMail<{ link: string }>({
  EN: ({ link }) => ({
    subject: 'Your address was offered as a new Seatwise sign-in email',
    text: `Someone asked to make this address the sign-in email of another Seatwise account. It already signs in to its own account, so nothing was changed.\n\nIf you want to manage your own account, sign in: ${link}`,
  }),
  SL: ({ link }) => ({
    subject: 'Vaš naslov je bil predlagan kot nov e-poštni naslov za Seatwise',
    text: `Nekdo je želel ta naslov nastaviti kot e-poštni naslov za prijavo v drug račun Seatwise. S tem naslovom se že prijavljate v svoj račun, zato se ni nič spremenilo.\n\nČe želite urejati svoj račun, se prijavite: ${link}`,
  }),
});

/** Tells the old address, so a hijacked session cannot move the account away unnoticed. */
export const emailChangeRequestedMail = defineMail<{ name: string; newEmail: string; link: string }>({
  EN: ({ name, newEmail, link }) => ({
    subject: 'A change of your Seatwise email address was requested',
    text: `Hello ${name},\n\nSomeone signed in to your account asked to change its sign-in email to ${newEmail}. The change happens only when the link sent to that address is opened.\n\nIf this was not you, change your password and cancel the change in your security settings: ${link}`,
  }),
  SL: ({ name, newEmail, link }) => ({
    subject: 'Zahtevana je bila sprememba vašega e-poštnega naslova za Seatwise',
    text: `Pozdravljeni, ${name},\n\nNekdo, ki je prijavljen v vaš račun, je zahteval spremembo e-poštnega naslova za prijavo v ${newEmail}. Sprememba bo izvedena šele, ko bo odprta povezava, poslana na ta naslov.\n\nČe to niste bili vi, spremenite geslo in prekličite spremembo v varnostnih nastavitvah: ${link}`,
  }),
});

export const emailChangedMail = defineMail<{ name: string; newEmail: string }>({
  EN: ({ name, newEmail }) => ({
    subject: 'Your Seatwise email address was changed',
    text: `Hello ${name},\n\nYour Seatwise account now signs in with ${newEmail}; this address is no longer used for it.\n\nIf you did not do this, contact an admin of your account at once.`,
  }),
  SL: ({ name, newEmail }) => ({
    subject: 'Vaš e-poštni naslov za Seatwise je bil spremenjen',
    text: `Pozdravljeni, ${name},\n\nV vaš račun Seatwise se odslej prijavljate z naslovom ${newEmail}; ta naslov zanj ni več v uporabi.\n\nČe tega niste storili vi, se takoj obrnite na skrbnika svojega računa.`,
  }),
});

export const accountDeletedMail = defineMail<{ name: string }>({
  EN: ({ name }) => ({
    subject: 'Your Seatwise account was deleted',
    text: `Hello ${name},\n\nYour Seatwise sign-in was deleted as you asked. Your personal data was removed and your seats were released. This is the last message Seatwise sends to this address.`,
  }),
  SL: ({ name }) => ({
    subject: 'Vaš račun Seatwise je izbrisan',
    text: `Pozdravljeni, ${name},\n\nVaša prijava v Seatwise je izbrisana, kot ste zahtevali. Vaši osebni podatki so odstranjeni, vaša mesta pa sproščena. To je zadnje sporočilo, ki ga Seatwise pošlje na ta naslov.`,
  }),
});
