import { plural } from '../plural.js';

/** Mails and text messages: modules/mail, the *.mail.ts and *.mails.ts templates, security alerts, 2-step codes by SMS. */
export const mail: Record<string, string> = {
  // Shared by the mails.
  'Hello {name},': 'Pozdravljeni, {name},',
  '{brand}': '{brand}',

  // The invitation (modules/mail/invitation.mail.ts).
  '{inviter} invited you to {account} on {brand}': '{inviter} vas vabi v {account} na {brand}',
  '{inviter} invited you to join {account} on {brand}, where your software and licences are managed.':
    '{inviter} vas vabi, da se pridružite računu {account} na {brand}, kjer se upravljajo vaša programska oprema in licence.',
  'Accept the invitation: {link}': 'Sprejmite povabilo: {link}',
  'The link works until {day}. If you did not expect this message, you can ignore it.':
    'Povezava deluje do {day}. Če tega sporočila niste pričakovali, ga lahko prezrete.',

  // Setting or resetting a password (modules/identity/password-reset.mail.ts).
  'Set your {brand} password': 'Nastavite geslo za {brand}',
  'Reset your {brand} password': 'Ponastavitev gesla za {brand}',
  'To start using {brand}, choose your password with this link:': 'Za začetek uporabe {brand} si izberite geslo na tej povezavi:',
  'Someone (we hope you) asked to reset the password of your {brand} account. Choose a new password with this link:':
    'Nekdo (upamo, da vi) je zahteval ponastavitev gesla za vaš račun {brand}. Novo geslo izberite na tej povezavi:',
  ...plural('The link works once and for {count} minutes. Setting a new password signs you out on every other device.', {
    one: 'Povezava deluje enkrat in {count} minuto. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    two: 'Povezava deluje enkrat in {count} minuti. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    few: 'Povezava deluje enkrat in {count} minute. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    other: 'Povezava deluje enkrat in {count} minut. Z novim geslom boste odjavljeni na vseh drugih napravah.',
  }),
  'If you did not ask for this, ignore this message: your password stays as it is.':
    'Če tega niste zahtevali, sporočilo prezrite: geslo ostane nespremenjeno.',

  // Changing the sign-in email, deleting the account (modules/identity/account-security/account-security.mails.ts).
  'Confirm your new {brand} email address': 'Potrdite svoj novi e-poštni naslov za {brand}',
  ...plural('To sign in to {brand} with {email} from now on, open this link within {count} hours:', {
    one: 'Če se želite odslej v {brand} prijavljati z naslovom {email}, v {count} uri odprite to povezavo:',
    two: 'Če se želite odslej v {brand} prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
    few: 'Če se želite odslej v {brand} prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
    other: 'Če se želite odslej v {brand} prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
  }),
  'Until then, your current address stays in use. If you did not ask for this, ignore this message.':
    'Do takrat ostane v uporabi vaš sedanji naslov. Če tega niste zahtevali vi, sporočilo prezrite.',
  'Your address was offered as a new {brand} sign-in email': 'Vaš naslov je bil predlagan kot nov e-poštni naslov za {brand}',
  'Someone asked to make this address the sign-in email of another {brand} account. It already signs in to its own account, so nothing was changed.':
    'Nekdo je želel ta naslov nastaviti kot e-poštni naslov za prijavo v drug račun {brand}. S tem naslovom se že prijavljate v svoj račun, zato se ni nič spremenilo.',
  'If you want to manage your own account, sign in: {link}': 'Če želite urejati svoj račun, se prijavite: {link}',
  'A change of your {brand} email address was requested': 'Zahtevana je bila sprememba vašega e-poštnega naslova za {brand}',
  'Someone signed in to your account asked to change its sign-in email to {email}. The change happens only when the link sent to that address is opened.':
    'Nekdo, ki je prijavljen v vaš račun, je zahteval spremembo e-poštnega naslova za prijavo v {email}. Sprememba bo izvedena šele, ko bo odprta povezava, poslana na ta naslov.',
  'If this was not you, change your password and cancel the change in your security settings: {link}':
    'Če to niste bili vi, spremenite geslo in prekličite spremembo v varnostnih nastavitvah: {link}',
  'Your {brand} email address was changed': 'Vaš e-poštni naslov za {brand} je bil spremenjen',
  'Your {brand} account now signs in with {email}; this address is no longer used for it.':
    'V vaš račun {brand} se odslej prijavljate z naslovom {email}; ta naslov zanj ni več v uporabi.',
  'If you did not do this, contact an admin of your account at once.': 'Če tega niste storili vi, se takoj obrnite na skrbnika svojega računa.',
  'Your {brand} account was deleted': 'Vaš račun {brand} je izbrisan',
  'Your {brand} sign-in was deleted as you asked. Your personal data was removed and your seats were released. This is the last message {brand} sends to this address.':
    'Vaša prijava v {brand} je izbrisana, kot ste zahtevali. Vaši osebni podatki so odstranjeni, vaše licence pa sproščene. To je zadnje sporočilo, ki ga {brand} pošlje na ta naslov.',

  // Security alerts (modules/identity/security-alerts.ts, device.ts).
  'New sign-in to your {brand} account': 'Nova prijava v vaš račun {brand}',
  'Your {brand} account was just signed in to from a browser or device not signed in before.':
    'V vaš račun {brand} se je pravkar nekdo prijavil iz brskalnika ali naprave, ki prej ni bila prijavljena.',
  'Your {brand} password was changed': 'Geslo za {brand} je bilo spremenjeno',
  'The password of your {brand} account was changed, and every other session was signed out.':
    'Geslo vašega računa {brand} je bilo spremenjeno, vse druge seje pa so bile odjavljene.',
  '2-step verification was turned off': 'Preverjanje v dveh korakih je bilo izklopljeno',
  '2-step verification was turned off for your {brand} account. Signing in now needs only your password.':
    'Za vaš račun {brand} je bilo izklopljeno preverjanje v dveh korakih. Za prijavo zdaj zadošča geslo.',
  'When: {when}': 'Kdaj: {when}',
  'Device: {device}': 'Naprava: {device}',
  'IP address: {ip}': 'Naslov IP: {ip}',
  'If this was not you, reset your password now and review your security settings: {link}':
    'Če to niste bili vi, takoj ponastavite geslo in preverite varnostne nastavitve: {link}',
  'You get this message because security alerts are on in your settings.':
    'To sporočilo prejemate, ker imate v nastavitvah vklopljena varnostna opozorila.',
  '{browser} on {os}': '{browser} v sistemu {os}',
  'unknown device': 'neznana naprava',
  unknown: 'neznan',

  // 2-step codes by text message (modules/identity/two-step/two-step.messages.ts).
  ...plural('{code} is your {brand} code. It expires in {count} minutes. Do not share it.', {
    one: '{code} je vaša koda za {brand}. Velja {count} minuto. Nikomur je ne povejte.',
    two: '{code} je vaša koda za {brand}. Velja {count} minuti. Nikomur je ne povejte.',
    few: '{code} je vaša koda za {brand}. Velja {count} minute. Nikomur je ne povejte.',
    other: '{code} je vaša koda za {brand}. Velja {count} minut. Nikomur je ne povejte.',
  }),

  // Support replies (modules/vendor/support-reply.mail.ts)
  '{brand} support replied: {subject}': 'Podpora {brand} je odgovorila: {subject}',
  'Support replied to your request "{subject}":': 'Podpora je odgovorila na vaš zahtevek »{subject}«:',
  'The request is now closed. If you need more help, open a new one from the home page.': 'Zahtevek je zdaj zaprt. Če potrebujete še pomoč, na domači strani odprite novega.',
  'The whole conversation is on the home page:': 'Ves pogovor je na domači strani:',

  // The brand's footer of every mail (modules/mail/mail-template.ts)
  'Support: {contact}': 'Podpora: {contact}',
  'Terms of use: {link}': 'Pogoji uporabe: {link}',
  'Privacy policy: {link}': 'Pravilnik o zasebnosti: {link}',
  'Powered by Seatwise': 'Poganja Seatwise',
};
