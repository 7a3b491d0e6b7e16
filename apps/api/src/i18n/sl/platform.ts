import { plural } from '../plural.js';

/** Everything else: tokens, products, downloads, licensing, trials, subscriptions, reports, usage, audit, support, mail, jobs, and the GraphQL and HTTP layers. */
export const platform: Record<string, string> = {
  // Paging (every connection).
  'first must be a whole number from 1 to {max}.': 'first mora biti celo število od 1 do {max}.',
  'after is not a cursor of this list: pass an endCursor you received.': 'after ni kazalec tega seznama: podajte endCursor, ki ste ga prejeli.',

  // GraphQL: what an API token may call.
  '{operation} cannot be called with an API token.': 'Operacije {operation} ni mogoče klicati z žetonom API.',
  '{operation} is for people signed in to Seatwise; API tokens cannot call it.':
    'Operacija {operation} je namenjena osebam, prijavljenim v Seatwise; žetoni API je ne morejo klicati.',
  'This token lacks the scope {scope}, which {operation} needs.': 'Ta žeton nima obsega {scope}, ki ga operacija {operation} potrebuje.',

  // GraphQL: limits of a request.
  'Query depth limit of {limit} exceeded, found {found}.': 'Poizvedba je pregloboka: njena globina je {found}. Največja dovoljena globina: {limit}.',
  'Aliases limit of {limit} exceeded, found {found}.': 'Poizvedba ima preveč vzdevkov (aliases): {found}. Največje dovoljeno število: {limit}.',
  'Directives limit of {limit} exceeded, found {found}.': 'Poizvedba ima preveč direktiv: {found}. Največje dovoljeno število: {limit}.',
  'Query cost {cost} exceeds the limit of {limit}: ask for fewer rows or fields.':
    'Zahtevnost poizvedbe ({cost}) presega omejitev ({limit}): zahtevajte manj vrstic ali polj.',
  'The request body is larger than the limit of {limit} bytes.': 'Telo zahteve je preveliko. Največja dovoljena velikost v bajtih: {limit}.',
  ...plural('A batch can hold at most {limit} operations; this one has {count}.', {
    one: 'Skupinska zahteva ima {count} operacijo, kar je preveč. Največje dovoljeno število: {limit}.',
    two: 'Skupinska zahteva ima {count} operaciji, kar je preveč. Največje dovoljeno število: {limit}.',
    few: 'Skupinska zahteva ima {count} operacije, kar je preveč. Največje dovoljeno število: {limit}.',
    other: 'Skupinska zahteva ima {count} operacij, kar je preveč. Največje dovoljeno število: {limit}.',
  }),

  // API tokens.
  'This endpoint needs an API token: send Authorization: Bearer <token>.': 'Ta končna točka zahteva žeton API: pošljite Authorization: Bearer <žeton>.',
  'The Authorization header must be "Bearer <token>".': 'Glava Authorization mora biti oblike "Bearer <žeton>".',
  'This API token is not valid.': 'Ta žeton API ni veljaven.',
  'This API token was revoked.': 'Ta žeton API je bil preklican.',
  'This API token has expired.': 'Ta žeton API je potekel.',
  'The owner of this API token is no longer an active member of the account.': 'Lastnik tega žetona API ni več aktiven član računa.',
  'The person who created this API token was deleted; create a new token.': 'Oseba, ki je ustvarila ta žeton API, je bila izbrisana; ustvarite nov žeton.',
  'This token lacks the scope {scope}, which this endpoint needs.': 'Ta žeton nima obsega {scope}, ki ga ta končna točka potrebuje.',
  '{scope} is about one person: only personal tokens can have it.': 'Obseg {scope} se nanaša na eno osebo: imajo ga lahko le osebni žetoni.',
  'Your role cannot use {scope}; you can choose {allowed}.': 'Vaša vloga ne more uporabljati obsega {scope}; izberete lahko: {allowed}.',
  'Give the token a name, so you can recognise it later.': 'Poimenujte žeton, da ga boste pozneje prepoznali.',
  'The name can be at most {max} characters.': 'Ime je predolgo. Največje dovoljeno število znakov: {max}.',
  'Only admins can create service tokens.': 'Storitvene žetone lahko ustvarijo le skrbniki.',
  'Choose at least one scope.': 'Izberite vsaj en obseg.',
  'expiresInDays must be a whole number from 1 to {max}.': 'expiresInDays mora biti celo število od 1 do {max}.',
  'An active token is already called "{name}": choose another name.': 'Aktiven žeton z imenom »{name}« že obstaja: izberite drugo ime.',
  'There can be at most {max} active tokens of this kind: revoke one first.':
    'Dosegli ste največje dovoljeno število aktivnih žetonov te vrste ({max}): najprej prekličite enega.',
  'after is not a cursor of this list.': 'after ni kazalec tega seznama.',

  // Products, downloads and install packages.
  'You are not entitled to this product version, or it does not exist.': 'Do te različice izdelka niste upravičeni ali pa ne obstaja.',
  'No installer of this version for {platform}.': 'Ta različica nima namestitvenega programa za {platform}.',
  'No installer of this version in language "{language}".': 'Ta različica nima namestitvenega programa v jeziku »{language}«.',
  'Choose at least one file.': 'Izberite vsaj eno datoteko.',
  'Choose at most {max} files at a time.': 'Izbrali ste preveč datotek. Največje število datotek naenkrat: {max}.',
  'This file does not exist or you are not entitled to download it.': 'Ta datoteka ne obstaja ali pa je niste upravičeni prenesti.',
  'This download link has expired. Ask for a new one on View downloads.': 'Povezava za prenos je potekla. Novo zahtevajte na strani View downloads.',
  'This download link is not valid.': 'Ta povezava za prenos ni veljavna.',
  'You are no longer entitled to this download.': 'Do tega prenosa niste več upravičeni.',
  'The requested range is past the end of the file.': 'Zahtevani del je za koncem datoteke.',
  'Send 1 to {max} download links.': 'Pošljite od 1 do {max} povezav za prenos.',
  'The file is not available on this server.': 'Datoteka na tem strežniku ni na voljo.',
  'The install folder must be one line of at most 200 characters, without control characters.':
    'Mapa namestitve mora biti ena vrstica z največ 200 znaki, brez kontrolnih znakov.',
  'A Windows install folder cannot contain ", % or !.': 'Mapa namestitve v sistemu Windows ne sme vsebovati znakov ", % ali !.',
  'The package name must be one line, without control characters.': 'Ime paketa mora biti ena vrstica, brez kontrolnih znakov.',
  'Give the package a name of 1 to 100 characters.': 'Paketu dajte ime, dolgo od 1 do 100 znakov.',
  'You are not entitled to this version, or it does not exist.': 'Do te različice niste upravičeni ali pa ne obstaja.',
  'Version {version} is not a version of the chosen product.': 'Različica {version} ni različica izbranega izdelka.',
  '{product} {version} has no installer for {platform}.': '{product} {version} nima namestitvenega programa za {platform}.',
  '{product} {version} has no {platform} installer in "{language}".': '{product} {version} nima namestitvenega programa za {platform} v jeziku »{language}«.',
  'This add-on does not belong to the chosen version.': 'Ta dodatek ne spada k izbrani različici.',
  'The package is not built yet: wait until its status is Ready.': 'Paket še ni izdelan: počakajte, da bo njegovo stanje Pripravljen.',
  'You are no longer entitled to this version.': 'Do te različice niste več upravičeni.',
  'The job stopped before finishing, too many times.': 'Opravilo se je prevečkrat ustavilo, preden je bilo dokončano.',

  // Licensing and trials.
  'This is not a version of the chosen product that you are entitled to.': 'To ni različica izbranega izdelka, do katere ste upravičeni.',
  'Home use needs a seat of an active single-user licence of this product.':
    'Za uporabo doma morate imeti dodeljeno licenco aktivne enouporabniške naročnine tega izdelka.',
  'Only admins can request network licences.': 'Mrežne licence lahko zahtevajo le skrbniki.',
  'This subscription does not exist in your account.': 'Te naročnine v vašem računu ni.',
  '{subscription} is not a network licence subscription.': 'Naročnina {subscription} ni naročnina z mrežno licenco.',
  '{subscription} has ended.': 'Naročnina {subscription} je potekla.',
  'Unknown version for the products of {subscription}.': 'Ta različica ne pripada nobenemu izdelku naročnine {subscription}.',
  'Enter the server host name: letters, digits, hyphens and dots, or an IP address.':
    'Vnesite ime strežnika (host name): črke, števke, vezaje in pike ali naslov IP.',
  'The host ID must be a MAC address: 12 hex digits, e.g. 0050569A1B2C or 00:50:56:9A:1B:2C.':
    'Host ID mora biti naslov MAC: 12 šestnajstiških števk, npr. 0050569A1B2C ali 00:50:56:9A:1B:2C.',
  'Seats must be a whole number, 1 or more.': 'Število licenc mora biti celo število, najmanj 1.',
  'No seat of {subscription} is free for a network licence: all {seats} are in licence files for other servers.':
    'Naročnina {subscription} nima proste licence za ta strežnik: vse licence (skupaj {seats}) so v licenčnih datotekah drugih strežnikov.',
  'No seat of {subscription} is free for a network licence: all {seats} are in licence files for other servers or held by running products.':
    'Naročnina {subscription} nima proste licence za ta strežnik: vse licence (skupaj {seats}) so v licenčnih datotekah drugih strežnikov ali jih zasedajo delujoči izdelki.',
  'Only {free} of the {seats} seats of {subscription} are free for this server; ask for that many or fewer.':
    'Naročnina {subscription} nima dovolj prostih licenc za ta strežnik. Število prostih licenc: {free} od {seats}; zahtevajte največ toliko.',
  'This product does not exist.': 'Ta izdelek ne obstaja.',
  '{product} is a cloud service: there is nothing to try out.': '{product} je storitev v oblaku, zato preizkus ni mogoč.',
  'You already have a licence for {product}: there is no need for a trial.': 'Za {product} že imate licenco: preizkus ni potreben.',
  'You have already used your trial of {product}.': 'Preizkus izdelka {product} ste že izkoristili.',

  // Reports, exports and the audit log.
  'Give the first day as YYYY-MM-DD.': 'Prvi dan vnesite v obliki YYYY-MM-DD.',
  'Give the last day as YYYY-MM-DD.': 'Zadnji dan vnesite v obliki YYYY-MM-DD.',
  'The last day comes before the first day.': 'Zadnji dan je pred prvim dnem.',
  'A report covers at most two years (731 days).': 'Poročilo lahko zajema največ dve leti (731 dni).',
  'Page size must be 1 to {max}.': 'Velikost strani mora biti od 1 do {max}.',
  'Offset must be 0 or more.': 'Odmik (offset) mora biti 0 ali več.',
  'Give a number of days from 1 to 3650.': 'Vnesite število dni od 1 do 3650.',
  'Export as csv or xlsx.': 'Izvozite lahko v obliki csv ali xlsx.',
  'The end of the period is before its start.': 'Konec obdobja je pred njegovim začetkom.',

  // Support and the demo outbox.
  'Describe the request in 3 to 200 characters.': 'Zahtevo opišite s 3 do 200 znaki.',
  'The outbox is only shown in demo mode (SEATWISE_DEMO=1).': 'Odhodna pošta je prikazana le v predstavitvenem načinu (SEATWISE_DEMO=1).',

  // Usage ingestion (POST /api/usage-events): the batch, field by field, and events it rejects.
  'The body must be a JSON object with an "events" list.': 'Telo zahteve mora biti objekt JSON s seznamom "events".',
  '{field} {problem}': 'Polje {field}: {problem}',
  '{field} must be a list of events': 'Polje {field} mora biti seznam dogodkov',
  '{field} must hold at least one event': 'Polje {field} mora vsebovati vsaj en dogodek',
  '{field} can hold at most {max} events per request': 'Polje {field} vsebuje preveč dogodkov. Največje dovoljeno število na zahtevo: {max}',
  "{field} is required: the sender's unique event id": 'Polje {field} je obvezno: enolični ID dogodka, ki ga določi pošiljatelj',
  '{field} must be PRODUCT_SESSION or CLOUD_CREDITS': 'Polje {field} mora biti PRODUCT_SESSION ali CLOUD_CREDITS',
  '{field} must be an ISO 8601 date and time with a zone, e.g. 2026-11-20T09:15:00+01:00':
    'Polje {field} mora biti datum in čas po ISO 8601 s časovnim pasom, npr. 2026-11-20T09:15:00+01:00',
  '{field} is required: the email address of the person': 'Polje {field} je obvezno: e-poštni naslov osebe',
  '{field} must be an email address': 'Polje {field} mora biti e-poštni naslov',
  '{field} is required: the product code, e.g. DRF': 'Polje {field} je obvezno: koda izdelka, npr. DRF',
  '{field} must be a number of minutes': 'Polje {field} mora biti število minut',
  '{field} must be whole minutes': 'Polje {field} mora biti celo število minut',
  '{field} can be at most 1440 (a day)': 'Polje {field} je lahko največ 1440 (en dan)',
  '{field} is required for a PRODUCT_SESSION': 'Polje {field} je obvezno pri dogodku PRODUCT_SESSION',
  '{field} must be a number of credits': 'Polje {field} mora biti število kreditov',
  '{field} must be whole credits': 'Polje {field} mora biti celo število kreditov',
  '{field} must be at least 1': 'Polje {field} mora biti vsaj 1',
  '{field} can be at most {max}': 'Polje {field} je lahko največ {max}',
  '{field} is required for CLOUD_CREDITS': 'Polje {field} je obvezno pri dogodku CLOUD_CREDITS',
  '{field} must be text': 'Polje {field} mora biti besedilo',
  '{field} must be a serial number': 'Polje {field} mora biti serijska številka',
  '{field} must not be empty': 'Polje {field} ne sme biti prazno',
  '{field} must not be negative': 'Polje {field} ne sme biti negativno',
  '{field} can be at most 100 characters': 'Polje {field} je lahko dolgo največ 100 znakov',
  '{field} is too long': 'Polje {field} je predolgo',
  '{field} must not contain a NUL byte': 'Polje {field} ne sme vsebovati bajta NUL',
  'lies in the future.': 'je v prihodnosti.',
  'No user with the email address {email} in this account.': 'V tem računu ni uporabnika z e-poštnim naslovom {email}.',
  'No product with the code {code}.': 'Izdelka s kodo {code} ni.',
  'No subscription with the serial number {serialNumber} in this account.': 'V tem računu ni naročnine s serijsko številko {serialNumber}.',
  'No cloud subscription of this account includes {product}.': 'Nobena naročnina na storitve v oblaku v tem računu ne vključuje izdelka {product}.',
};
