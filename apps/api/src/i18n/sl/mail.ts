import { plural } from '../plural.js';

/** Mails and text messages: modules/mail, the *.mail.ts and *.mails.ts templates, security alerts, 2-step codes by SMS. */
export const mail: Record<string, string> = {
  // Shared by the mails.
  'Hello {name},': 'Pozdravljeni, {name},',
  Seatwise: 'Seatwise',

  // The invitation (modules/mail/invitation.mail.ts).
  '{inviter} invited you to {account} on Seatwise': '{inviter} vas vabi v {account} na Seatwise',
  '{inviter} invited you to join {account} on Seatwise, where your software and licences are managed.':
    '{inviter} vas vabi, da se pridružite računu {account} na Seatwise, kjer se upravljajo vaša programska oprema in licence.',
  'Accept the invitation: {link}': 'Sprejmite povabilo: {link}',
  'The link works until {day}. If you did not expect this message, you can ignore it.':
    'Povezava deluje do {day}. Če tega sporočila niste pričakovali, ga lahko prezrete.',

  // Setting or resetting a password (modules/identity/password-reset.mail.ts).
  'Set your Seatwise password': 'Nastavite geslo za Seatwise',
  'Reset your Seatwise password': 'Ponastavitev gesla za Seatwise',
  'To start using Seatwise, choose your password with this link:': 'Za začetek uporabe Seatwise si izberite geslo na tej povezavi:',
  'Someone (we hope you) asked to reset the password of your Seatwise account. Choose a new password with this link:':
    'Nekdo (upamo, da vi) je zahteval ponastavitev gesla za vaš račun Seatwise. Novo geslo izberite na tej povezavi:',
  ...plural('The link works once and for {count} minutes. Setting a new password signs you out on every other device.', {
    one: 'Povezava deluje enkrat in {count} minuto. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    two: 'Povezava deluje enkrat in {count} minuti. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    few: 'Povezava deluje enkrat in {count} minute. Z novim geslom boste odjavljeni na vseh drugih napravah.',
    other: 'Povezava deluje enkrat in {count} minut. Z novim geslom boste odjavljeni na vseh drugih napravah.',
  }),
  'If you did not ask for this, ignore this message: your password stays as it is.':
    'Če tega niste zahtevali, sporočilo prezrite: geslo ostane nespremenjeno.',

  // Changing the sign-in email, deleting the account (modules/identity/account-security/account-security.mails.ts).
  'Confirm your new Seatwise email address': 'Potrdite svoj novi e-poštni naslov za Seatwise',
  ...plural('To sign in to Seatwise with {email} from now on, open this link within {count} hours:', {
    one: 'Če se želite odslej v Seatwise prijavljati z naslovom {email}, v {count} uri odprite to povezavo:',
    two: 'Če se želite odslej v Seatwise prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
    few: 'Če se želite odslej v Seatwise prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
    other: 'Če se želite odslej v Seatwise prijavljati z naslovom {email}, v {count} urah odprite to povezavo:',
  }),
  'Until then, your current address stays in use. If you did not ask for this, ignore this message.':
    'Do takrat ostane v uporabi vaš sedanji naslov. Če tega niste zahtevali vi, sporočilo prezrite.',
  'Your address was offered as a new Seatwise sign-in email': 'Vaš naslov je bil predlagan kot nov e-poštni naslov za Seatwise',
  'Someone asked to make this address the sign-in email of another Seatwise account. It already signs in to its own account, so nothing was changed.':
    'Nekdo je želel ta naslov nastaviti kot e-poštni naslov za prijavo v drug račun Seatwise. S tem naslovom se že prijavljate v svoj račun, zato se ni nič spremenilo.',
  'If you want to manage your own account, sign in: {link}': 'Če želite urejati svoj račun, se prijavite: {link}',
  'A change of your Seatwise email address was requested': 'Zahtevana je bila sprememba vašega e-poštnega naslova za Seatwise',
  'Someone signed in to your account asked to change its sign-in email to {email}. The change happens only when the link sent to that address is opened.':
    'Nekdo, ki je prijavljen v vaš račun, je zahteval spremembo e-poštnega naslova za prijavo v {email}. Sprememba bo izvedena šele, ko bo odprta povezava, poslana na ta naslov.',
  'If this was not you, change your password and cancel the change in your security settings: {link}':
    'Če to niste bili vi, spremenite geslo in prekličite spremembo v varnostnih nastavitvah: {link}',
  'Your Seatwise email address was changed': 'Vaš e-poštni naslov za Seatwise je bil spremenjen',
  'Your Seatwise account now signs in with {email}; this address is no longer used for it.':
    'V vaš račun Seatwise se odslej prijavljate z naslovom {email}; ta naslov zanj ni več v uporabi.',
  'If you did not do this, contact an admin of your account at once.': 'Če tega niste storili vi, se takoj obrnite na skrbnika svojega računa.',
  'Your Seatwise account was deleted': 'Vaš račun Seatwise je izbrisan',
  'Your Seatwise sign-in was deleted as you asked. Your personal data was removed and your seats were released. This is the last message Seatwise sends to this address.':
    'Vaša prijava v Seatwise je izbrisana, kot ste zahtevali. Vaši osebni podatki so odstranjeni, vaši sedeži pa sproščeni. To je zadnje sporočilo, ki ga Seatwise pošlje na ta naslov.',

  // Security alerts (modules/identity/security-alerts.ts, device.ts).
  'New sign-in to your Seatwise account': 'Nova prijava v vaš račun Seatwise',
  'Your Seatwise account was just signed in to from a browser or device not signed in before.':
    'V vaš račun Seatwise se je pravkar nekdo prijavil iz brskalnika ali naprave, ki prej ni bila prijavljena.',
  'Your Seatwise password was changed': 'Geslo za Seatwise je bilo spremenjeno',
  'The password of your Seatwise account was changed, and every other session was signed out.':
    'Geslo vašega računa Seatwise je bilo spremenjeno, vse druge seje pa so bile odjavljene.',
  '2-step verification was turned off': 'Preverjanje v dveh korakih je bilo izklopljeno',
  '2-step verification was turned off for your Seatwise account. Signing in now needs only your password.':
    'Za vaš račun Seatwise je bilo izklopljeno preverjanje v dveh korakih. Za prijavo zdaj zadošča geslo.',
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
  ...plural('{code} is your Seatwise code. It expires in {count} minutes. Do not share it.', {
    one: '{code} je vaša koda Seatwise. Velja {count} minuto. Nikomur je ne povejte.',
    two: '{code} je vaša koda Seatwise. Velja {count} minuti. Nikomur je ne povejte.',
    few: '{code} je vaša koda Seatwise. Velja {count} minute. Nikomur je ne povejte.',
    other: '{code} je vaša koda Seatwise. Velja {count} minut. Nikomur je ne povejte.',
  }),
};
