/** Products signing in through Seatwise's OpenID provider, connected apps and devices (modules/oidc, http/oidc.route.ts). */
export const productsSignIn: Record<string, string> = {
  'This code does not work: check it on the device, or start again there for a new one.':
    'Ta koda ne deluje: preverite jo na napravi ali tam začnite znova za novo kodo.',
  'Too many codes were tried. Wait a few minutes and try again.': 'Poskusili ste preveč kod. Počakajte nekaj minut in poskusite znova.',
  'This sign-in request has ended. Start again in the product.': 'Ta zahteva za prijavo se je končala. Začnite znova v izdelku.',
  'There is no such connected app.': 'Take povezane aplikacije ni.',
  'There is no OAuth client with this id.': 'Odjemalca OAuth s tem ID-jem ni.',
  'Give the product a name of 1 to 100 characters.': 'Izdelku dajte ime, dolgo od 1 do 100 znakov.',
  '{uri} is not a loopback redirect: use http://127.0.0.1/… or http://[::1]/… (RFC 8252).':
    '{uri} ni preusmeritev na povratni naslov: uporabite http://127.0.0.1/… ali http://[::1]/… (RFC 8252).',
  'At most 10 redirect URIs.': 'Največ 10 naslovov URI za preusmeritev.',
  'Sign in to Seatwise in this browser to connect a product.': 'Za povezavo izdelka se v tem brskalniku prijavite v Seatwise.',
  'Too many requests from this address. Wait a few minutes and try again.': 'Preveč zahtev s tega naslova. Počakajte nekaj minut in poskusite znova.',
  'Send this as JSON.': 'To pošljite kot JSON.',

  // Named-user checkout (modules/oidc/checkout.*, http/checkout.route.ts)
  'There is no product with this code.': 'Izdelka s to kodo ni.',
  'You hold no seat of this product. Ask an admin of your account to assign you one.':
    'Za ta izdelek nimate licence. Skrbnika svojega računa prosite, naj vam jo dodeli.',
  'The subscription of your seat has ended or was cancelled.': 'Naročnina vaše licence je potekla ali je bila preklicana.',
  'Your subscription does not cover this version of the product.': 'Vaša naročnina ne pokriva te različice izdelka.',
  'This product already runs on the most machines your licence allows ({limit}). Release one in your Seatwise profile.':
    'Izdelek že teče na največjem številu računalnikov, ki ga dovoljuje vaša licenca ({limit}). Enega sprostite v svojem profilu Seatwise.',
  'Sign in to Seatwise from the product again: its access token is missing, expired or revoked.':
    'V izdelku se znova prijavite v Seatwise: njegov žeton za dostop manjka, je potekel ali je bil preklican.',
  'Send product, version and machine (fingerprint, name, platform) as JSON.':
    'Pošljite izdelek, različico in računalnik (prstni odtis, ime, platformo) kot JSON.',
  'There is no such device.': 'Take naprave ni.',

  // Network leases (modules/licensing/network-leases.*, http/checkout.route.ts)
  'Your account has no network licence of this product.': 'Vaš račun nima mrežne licence za ta izdelek.',
  'The network licence of this product has ended or was cancelled.': 'Mrežna licenca za ta izdelek je potekla ali je bila preklicana.',
  'Every network seat of this product is in use: {leases} held by running products and {inLicenceFiles} in licence files, of {seats}. Try again when one is checked in.':
    'Vse mrežne licence tega izdelka so zasedene (vseh: {seats}; zasedajo jih delujoči izdelki: {leases}; v licenčnih datotekah: {inLicenceFiles}). Poskusite znova, ko bo katera vrnjena.',
  'There is no such network lease of yours. Check out again.': 'Takega mrežnega zakupa nimate. Licenco prevzemite znova.',
  'This network lease expired: no heartbeat came for two intervals. Check out again.':
    'Ta mrežni zakup je potekel: dva intervala ni bilo signala prisotnosti. Licenco prevzemite znova.',
  'This network lease was checked in or released by an admin. Check out again.':
    'Ta mrežni zakup je bil vrnjen ali pa ga je sprostil skrbnik. Licenco prevzemite znova.',
  'Send the leaseId of your checkout as JSON.': 'Pošljite leaseId svojega prevzema kot JSON.',
  'There is no such network lease in this account, or it has already ended.': 'V tem računu takega mrežnega zakupa ni ali pa se je že končal.',
};
