import { plural } from '../plural.js';

/** Sign-in, sessions, password, two-step verification, profile, settings, email change, account deletion (modules/identity). */
export const identity: Record<string, string> = {
  // Sign-in and rate limits
  'Enter your email address.': 'Vnesite svoj e-poštni naslov.',
  'Enter your password.': 'Vnesite geslo.',
  'The email address or password is not correct.': 'E-poštni naslov ali geslo ni pravilno.',
  ...plural('Too many failed attempts. Wait {count} minutes and try again, or reset your password.', {
    one: 'Preveč neuspešnih poskusov. Počakajte {count} minuto in poskusite znova ali pa ponastavite geslo.',
    two: 'Preveč neuspešnih poskusov. Počakajte {count} minuti in poskusite znova ali pa ponastavite geslo.',
    few: 'Preveč neuspešnih poskusov. Počakajte {count} minute in poskusite znova ali pa ponastavite geslo.',
    other: 'Preveč neuspešnih poskusov. Počakajte {count} minut in poskusite znova ali pa ponastavite geslo.',
  }),

  // Several accounts (account-switch.service.ts)
  'You cannot work in that account: you are not an active member of it, or it is suspended or closed.':
    'V tem računu ne morete delati: niste njegov dejavni član ali pa je začasno ustavljen ali zaprt.',

  // Password: current password (also used by modules/users/user-admin.service.ts), policy, change, reset
  'Enter your current password.': 'Vnesite trenutno geslo.',
  'The password is not correct.': 'Geslo ni pravilno.',
  'The current password is not correct.': 'Trenutno geslo ni pravilno.',
  'The new password must differ from the current one.': 'Novo geslo se mora razlikovati od trenutnega.',
  'The new password is too short: use at least {min} characters.': 'Novo geslo je prekratko. Najmanjše dovoljeno število znakov: {min}.',
  'The new password is too long: use at most {max} characters.': 'Novo geslo je predolgo. Največje dovoljeno število znakov: {max}.',
  'This password is too easy to guess. Choose a less common one.': 'To geslo je preveč lahko uganiti. Izberite manj običajno geslo.',
  'The new password must not contain your email address or name.': 'Novo geslo ne sme vsebovati vašega e-poštnega naslova ali imena.',
  'Enter an email address such as name@example.com.': 'Vnesite e-poštni naslov, na primer ime@primer.si.',
  'This link does not work: it was already used, has expired, or a newer one was sent. Ask for a new link.':
    'Ta povezava ne deluje: bila je že uporabljena, je potekla ali pa je bila poslana novejša. Zahtevajte novo povezavo.',

  // Profile and settings
  'Enter your first name.': 'Vnesite ime.',
  'Enter your last name.': 'Vnesite priimek.',
  'The first name can be at most 100 characters.': 'Ime je lahko dolgo največ 100 znakov.',
  'The last name can be at most 100 characters.': 'Priimek je lahko dolg največ 100 znakov.',
  'The first name contains characters that are not allowed.': 'Ime vsebuje nedovoljene znake.',
  'The last name contains characters that are not allowed.': 'Priimek vsebuje nedovoljene znake.',
  'The company name can be at most 200 characters.': 'Ime podjetja je lahko dolgo največ 200 znakov.',
  'The company name contains characters that are not allowed.': 'Ime podjetja vsebuje nedovoljene znake.',
  'Choose a country from the list (a two-letter ISO code such as SI).': 'Izberite državo s seznama (dvočrkovna koda ISO, na primer SI).',
  'Enter a valid phone number with its country code, for example +386 40 123 456.':
    'Vnesite veljavno telefonsko številko s kodo države, na primer +386 40 123 456.',
  '{category} is listed more than once.': 'Vrsta obvestil {category} je navedena večkrat.',

  // Email change
  'Enter the new email address.': 'Vnesite nov e-poštni naslov.',
  'Enter a valid email address, like name@example.com.': 'Vnesite veljaven e-poštni naslov, na primer ime@primer.si.',
  'This is already your email address.': 'To je že vaš e-poštni naslov.',
  'The link has no token. Open the link from the message again.': 'V povezavi manjka žeton. Znova odprite povezavo iz sporočila.',
  'This link is not valid or was already used. Ask for a new one in your security settings.':
    'Ta povezava ni veljavna ali je bila že uporabljena. Novo zahtevajte v varnostnih nastavitvah.',
  'This link has expired. Ask for a new one in your security settings.': 'Ta povezava je potekla. Novo zahtevajte v varnostnih nastavitvah.',
  'This address now signs in to another Seatwise account, so it cannot be used.':
    'S tem naslovom se zdaj prijavlja drug račun Seatwise, zato ga ni mogoče uporabiti.',

  // Account deletion
  'You are the primary admin of {account}: hand the role over to another admin before deleting your account.':
    'Ste primarni skrbnik računa {account}: preden izbrišete svoj račun, predajte to vlogo drugemu skrbniku.',

  // 2-step verification
  '2-step verification is already on. Turn it off first to change the method.':
    'Dvostopenjsko preverjanje je že vklopljeno. Če želite zamenjati način, ga najprej izklopite.',
  '2-step verification is already off.': 'Dvostopenjsko preverjanje je že izklopljeno.',
  '2-step verification is off: there are no recovery codes.': 'Dvostopenjsko preverjanje je izklopljeno, zato obnovitvenih kod ni.',
  'Enter a mobile number in international format, e.g. +386 40 123 456.':
    'Vnesite številko mobilnega telefona v mednarodni obliki, npr. +386 40 123 456.',
  'There is no 2-step set-up to confirm. Start again.': 'Ni nastavitve preverjanja v dveh korakih, ki bi jo lahko potrdili. Začnite znova.',
  'Enter your current password or a code to turn 2-step verification off.':
    'Za izklop preverjanja v dveh korakih vnesite trenutno geslo ali kodo.',
  'Your 2-step verification does not use text messages.': 'Vaše preverjanje v dveh korakih ne uporablja SMS-sporočil.',
  'Your 2-step verification uses an authenticator app, not text messages.':
    'Vaše preverjanje v dveh korakih uporablja aplikacijo za preverjanje pristnosti, ne SMS-sporočil.',
  'Your 2-step verification uses text messages: enter the code sent to your phone.':
    'Vaše preverjanje v dveh korakih uporablja SMS-sporočila: vnesite kodo, ki smo jo poslali na vaš telefon.',
  'Your 2-step verification uses an authenticator app: enter the code it shows.':
    'Vaše preverjanje v dveh korakih uporablja aplikacijo za preverjanje pristnosti: vnesite kodo, ki jo prikazuje.',
  ...plural('A code was just sent. Wait {count} seconds before asking for another.', {
    one: 'Koda je bila pravkar poslana. Pred zahtevo za novo kodo počakajte še {count} sekundo.',
    two: 'Koda je bila pravkar poslana. Pred zahtevo za novo kodo počakajte še {count} sekundi.',
    few: 'Koda je bila pravkar poslana. Pred zahtevo za novo kodo počakajte še {count} sekunde.',
    other: 'Koda je bila pravkar poslana. Pred zahtevo za novo kodo počakajte še {count} sekund.',
  }),
  'A recovery code has 8 letters and digits, like ABCD-EFGH.': 'Obnovitvena koda ima 8 črk in števk, na primer ABCD-EFGH.',
  'Enter the 6-digit code.': 'Vnesite 6-mestno kodo.',
  'That recovery code is not valid or was already used.': 'Obnovitvena koda ni veljavna ali je bila že uporabljena.',
  'That code is not correct or has expired.': 'Koda ni pravilna ali je potekla.',
  'That code is not correct. Enter the code the app shows now.': 'Koda ni pravilna. Vnesite kodo, ki jo aplikacija prikazuje zdaj.',
  ...plural('Too many wrong codes. Try again in {count} minutes.', {
    one: 'Preveč napačnih kod. Znova lahko poskusite čez {count} minuto.',
    two: 'Preveč napačnih kod. Znova lahko poskusite čez {count} minuti.',
    few: 'Preveč napačnih kod. Znova lahko poskusite čez {count} minute.',
    other: 'Preveč napačnih kod. Znova lahko poskusite čez {count} minut.',
  }),
  'This sign-in has expired. Sign in with your email and password again.':
    'Ta prijava je potekla. Znova se prijavite z e-poštnim naslovom in geslom.',
};
