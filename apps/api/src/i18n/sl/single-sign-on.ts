/** Single sign-on with OpenID Connect (modules/directory/sso-*.ts, identity/sso-required.ts). */
export const singleSignOn: Record<string, string> = {
  'The OpenID provider at {issuer} did not answer with its discovery document.': 'Ponudnik OpenID na naslovu {issuer} ni vrnil dokumenta za odkrivanje.',
  'The domain {domain} is not verified for single sign-on in this account.': 'Domena {domain} v tem računu ni preverjena za enotno prijavo.',
  'Enter a name of 1 to 100 characters.': 'Vnesite ime, dolgo od 1 do 100 znakov.',
  'Enter the issuer address of the provider.': 'Vnesite naslov izdajatelja (issuer) ponudnika.',
  'Enter the client id of Seatwise at the provider.': 'Vnesite ID odjemalca, ki ga ima Seatwise pri ponudniku.',
  'Enter the client secret.': 'Vnesite skrivnost odjemalca.',
  'A claim name is 1 to 100 letters, digits and _ : . - /.': 'Ime zahtevka ima od 1 do 100 črk, števk in znakov _ : . - /.',
  'This account already has a provider with this issuer and client id.': 'Ta račun že ima ponudnika s tem izdajateljem in ID-jem odjemalca.',
  'Single sign-on is required: turn that off before removing its last provider.': 'Enotna prijava je obvezna: preden odstranite zadnjega ponudnika, to izklopite.',
  'Single sign-on is required: turn that off before removing its last verified domain.': 'Enotna prijava je obvezna: preden odstranite zadnjo preverjeno domeno, to izklopite.',
  '"{domain}" is not a domain name.': '»{domain}« ni ime domene.',
  'This account has claimed {domain} already.': 'Ta račun je domeno {domain} že prijavil.',
  'Another account routes sign-ins of {domain} already.': 'Prijave z domeno {domain} že usmerja drug račun.',
  'Verify an email domain before requiring single sign-on.': 'Preden zahtevate enotno prijavo, preverite e-poštno domeno.',
  'Turn on 2-step verification for your own sign-in first: you keep signing in with password and 2-step when single sign-on is required.':
    'Najprej vklopite preverjanje v dveh korakih za svojo prijavo: ko je enotna prijava obvezna, se še naprej prijavljate z geslom in preverjanjem v dveh korakih.',
  '{account} signs in with single sign-on: choose Use single sign-on and use your work account.':
    '{account} uporablja enotno prijavo: izberite Uporabi enotno prijavo in uporabite službeni račun.',
  '{account} requires single sign-on: the primary admin may sign in with a password only with 2-step verification on.':
    '{account} zahteva enotno prijavo: primarni skrbnik se lahko z geslom prijavi le z vklopljenim preverjanjem v dveh korakih.',
  'The single sign-on provider was not found.': 'Ponudnika enotne prijave ni bilo mogoče najti.',
  'The email domain was not found.': 'E-poštne domene ni bilo mogoče najti.',
};
