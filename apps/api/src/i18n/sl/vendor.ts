/** The vendor's side: first-run set-up, vendor staff, the Vendor console's customers (modules/vendor, graphql/vendor-access.ts). */
export const vendor: Record<string, string> = {
  // Set-up links and staff
  'This set-up link does not work: it was already used or has expired. Run `npm run seatwise -- operator:create` or restart the server for a new one.':
    'Ta povezava za nastavitev ne deluje: bila je že uporabljena ali pa je potekla. Za novo zaženite `npm run seatwise -- operator:create` ali znova zaženite strežnik.',
  'Enter your name and password first, then scan the code.': 'Najprej vnesite ime in geslo, nato skenirajte kodo.',
  '{email} already signs in to Seatwise. Vendor staff belong to no customer account: use another address.':
    '{email} se že prijavlja v Seatwise. Osebje ponudnika ne pripada nobenemu računu stranke: uporabite drug naslov.',
  'Vendor staff must use 2-step verification, and yours is not set up. Ask an operator for a new set-up link.':
    'Osebje ponudnika mora uporabljati preverjanje v dveh korakih, vaše pa ni nastavljeno. Operaterja prosite za novo povezavo za nastavitev.',

  // Access
  'This is an operation of the Vendor console: people and API tokens of customer accounts cannot use it.':
    'To je dejanje konzole ponudnika: osebe in žetoni API računov strank ga ne morejo uporabiti.',
  'Your vendor role does not allow this: it needs an operator.': 'Vaša vloga pri ponudniku tega ne dovoljuje: potreben je operater.',
  '{operation} is an operation of a customer account; vendor API tokens cannot call it.':
    '{operation} je dejanje računa stranke; žetoni API ponudnika ga ne morejo klicati.',

  // Vendor service tokens
  "This is a vendor API token: it reaches the vendor's operations only, never a customer account's.":
    'To je žeton API ponudnika: doseže samo dejanja ponudnika, nikoli dejanj računa stranke.',
  "The operator who created this vendor API token is no longer on the vendor's staff; create a new token.":
    'Operater, ki je ustvaril ta žeton API ponudnika, ni več med osebjem ponudnika; ustvarite nov žeton.',
  'There can be at most {max} active vendor tokens: revoke one first.': 'Aktivnih žetonov ponudnika je lahko največ {max}: najprej prekličite enega.',

  // Idempotency keys
  'An idempotency key is 1 to {max} characters, without control characters.': 'Ključ idempotentnosti ima od 1 do {max} znakov, brez kontrolnih znakov.',
  'The idempotency key {key} was already used for another request ({operation} with other arguments): send a new key for a new request.':
    'Ključ idempotentnosti {key} je bil že uporabljen za drugo zahtevo ({operation} z drugimi argumenti): za novo zahtevo pošljite nov ključ.',

  // Customers
  'The customer was not found.': 'Stranke ni bilo mogoče najti.',
  'Enter the name of the customer.': 'Vnesite ime stranke.',
  'The name can be at most 200 characters.': 'Ime je lahko dolgo največ 200 znakov.',
  'Choose the country of the customer.': 'Izberite državo stranke.',
  'Choose a time zone from the list, such as Europe/Ljubljana.': 'Izberite časovni pas s seznama, na primer Europe/Ljubljana.',
  'The external id can be at most 100 characters.': 'Zunanji ID je lahko dolg največ 100 znakov.',
  'Another customer already has the external id {externalId}.': 'Druga stranka že ima zunanji ID {externalId}.',
  'Reactivate the customer before inviting its primary admin.': 'Preden povabite glavnega skrbnika, stranko znova aktivirajte.',
  'This customer already has a primary admin ({email}).': 'Ta stranka že ima glavnega skrbnika ({email}).',
  '{email} is on the vendor’s staff, who belong to no customer account.': '{email} je član osebja ponudnika, ki ne pripada nobenemu računu stranke.',
  'Only an active customer can be suspended.': 'Začasno je mogoče onemogočiti samo aktivno stranko.',
  'Only a suspended customer can be reactivated; a closed one stays closed.':
    'Znova je mogoče aktivirati samo začasno onemogočeno stranko; zaprta stranka ostane zaprta.',
  'This customer is already closed.': 'Ta stranka je že zaprta.',
  'This organisation’s Seatwise account is suspended: its data is kept, but nobody can sign in until the vendor reactivates it. Contact your software vendor.':
    'Račun Seatwise te organizacije je začasno onemogočen: podatki so ohranjeni, prijava pa ni mogoča, dokler ga ponudnik znova ne aktivira. Obrnite se na ponudnika programske opreme.',
  'This organisation’s Seatwise account is closed. Contact your software vendor.':
    'Račun Seatwise te organizacije je zaprt. Obrnite se na ponudnika programske opreme.',

  // Support inbox (modules/vendor/support-inbox.service.ts, modules/support)
  'The support request was not found.': 'Zahtevka za podporo ni bilo mogoče najti.',
  'The support request is closed: reopen it before replying.': 'Zahtevek za podporo je zaprt: pred odgovorom ga znova odprite.',
  'Write the reply.': 'Napišite odgovor.',
  'The reply can be at most {max} characters.': 'Odgovor je lahko dolg največ {max} znakov.',
  'Write the message.': 'Napišite sporočilo.',
  'The message can be at most {max} characters.': 'Sporočilo je predolgo. Največje dovoljeno število znakov: {max}.',
  "Only the person who opened this request and the account's admins can write in it.": 'V ta zahtevek lahko pišejo samo oseba, ki ga je odprla, in skrbniki računa.',

  // Brand (modules/brand)
  'Write the colour as # and six hexadecimal digits, such as #1c7ed6.': 'Barvo zapišite kot # in šest šestnajstiških števk, na primer #1c7ed6.',
  'Enter a web address that starts with https:// or http://, at most 500 characters.': 'Vnesite spletni naslov, ki se začne s https:// ali http://, dolg največ 500 znakov.',
  'Enter the name of the brand, at most 100 characters.': 'Vnesite ime blagovne znamke, dolgo največ 100 znakov.',
  'The logo must be a PNG or JPEG image; SVG is not accepted.': 'Logotip mora biti slika PNG ali JPEG; SVG ni sprejet.',
  'The logo is empty or not base64-encoded.': 'Logotip je prazen ali ni kodiran v base64.',
  'The logo can be at most {max} KB.': 'Logotip je lahko velik največ {max} KB.',
  'The file is not the image type it claims to be.': 'Datoteka ni vrste slike, za katero se izdaja.',
};
