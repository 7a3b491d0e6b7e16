/** The vendor's catalogue: products, versions, files and their uploads, trial offers, release mails (modules/vendor/catalogue*). */
export const catalogue: Record<string, string> = {
  // Products and trial offers
  'The code is 2 to 20 capital letters, digits or hyphens, such as DRF or PLANT-3D.': 'Oznaka ima od 2 do 20 velikih črk, števk ali vezajev, na primer DRF ali PLANT-3D.',
  'Enter the name of the product.': 'Vnesite ime izdelka.',
  'The description can be at most 2,000 characters.': 'Opis je lahko dolg največ 2.000 znakov.',
  'The version can be at most 40 characters.': 'Različica je lahko dolga največ 40 znakov.',
  'Another product already has the code {code}.': 'Oznako {code} že ima drug izdelek.',
  'Choose at least one licence type the product is offered with.': 'Izberite vsaj eno vrsto licence, s katero je izdelek na voljo.',
  'Cloud licences are for cloud services, the other licence types for software.': 'Licence v oblaku so za storitve v oblaku, druge vrste licenc pa za programsko opremo.',
  'There is no product with this id in the catalogue.': 'V katalogu ni izdelka s tem ID-jem.',
  'Someone changed this product since you opened it. Reload it and make your change again.':
    'Nekdo je ta izdelek spremenil, odkar ste ga odprli. Znova ga naložite in spremembo naredite še enkrat.',
  'A trial lasts 1 to 365 days.': 'Preizkus traja od 1 do 365 dni.',
  '{product} is not offered as a trial.': 'Izdelka {product} ni mogoče preizkusiti.',

  // Versions
  'Enter the version, such as 2027.': 'Vnesite različico, na primer 2027.',
  'Enter the release date as YYYY-MM-DD.': 'Datum izida vnesite v obliki LLLL-MM-DD.',
  '{product} is a cloud service: it has no versions to download.': '{product} je storitev v oblaku, zato nima različic za prenos.',
  '{product} already has a version {version}.': 'Izdelek {product} že ima različico {version}.',
  'There is no product version with this id in the catalogue.': 'V katalogu ni različice izdelka s tem ID-jem.',
  'Someone changed this version since you opened it. Reload it and make your change again.':
    'Nekdo je to različico spremenil, odkar ste jo odprli. Znova jo naložite in spremembo naredite še enkrat.',
  'A published version cannot become a draft again: retire it instead.': 'Objavljena različica ne more znova postati osnutek: namesto tega jo umaknite.',
  'Publish the version first: it is still a draft.': 'Različico najprej objavite: še je osnutek.',
  'This version is already published.': 'Ta različica je že objavljena.',
  'Add at least one file to the version before publishing it.': 'Preden različico objavite, ji dodajte vsaj eno datoteko.',

  // Files and uploads
  'Enter a name of up to 200 characters for the file.': 'Vnesite ime datoteke, dolgo največ 200 znakov.',
  'Enter the file name without folders, such as drafter-2027-setup.exe.': 'Vnesite ime datoteke brez map, na primer drafter-2027-setup.exe.',
  'Enter the language as a tag such as en-US or sl-SI.': 'Jezik vnesite kot oznako, na primer en-US ali sl-SI.',
  'The file must have at least one byte.': 'Datoteka mora imeti vsaj en bajt.',
  'The file is larger than this server accepts ({max} bytes at most).': 'Datoteka je večja, kot jo sprejme ta strežnik (največ {max} bajtov).',
  'This version already has a file of this kind with this name, platform and language.':
    'Ta različica že ima datoteko te vrste s tem imenom, platformo in jezikom.',
  'There is no upload with this id: it was finished, cancelled or discarded.': 'Nalaganja s tem ID-jem ni: bilo je končano, preklicano ali zavrženo.',
  'Bytes of this upload are arriving right now: stop sending them first.': 'Bajti tega nalaganja prav zdaj prihajajo: najprej jih nehajte pošiljati.',
  'The upload continues at byte {offset}: send from there.': 'Nalaganje se nadaljuje pri bajtu {offset}: pošiljajte od tam.',
  'Send the bytes with Content-Type: application/offset+octet-stream.': 'Bajte pošljite z glavo Content-Type: application/offset+octet-stream.',
  'Product files take a vendor service token (sw_vnd_…) with the scope {scope}: API tokens of customer accounts cannot upload them.':
    'Datoteke izdelkov sprejmejo žeton storitve ponudnika (sw_vnd_…) z obsegom {scope}: žetoni API računov strank jih ne morejo naložiti.',
  'This token lacks the scope {scope}, which uploading product files needs.': 'Ta žeton nima obsega {scope}, ki ga nalaganje datotek izdelkov potrebuje.',
  'Say where the bytes start with the Upload-Offset header.': 'Z glavo Upload-Offset povejte, kje se bajti začnejo.',

  // The release mail
  '{product} {version} is available': '{product} {version} je na voljo',
  '{product} {version}, released on {date}, is now available to download.': '{product} {version}, izdan {date}, je zdaj na voljo za prenos.',
  'You get this message because product updates are on in your settings.': 'To sporočilo prejemate, ker imate v nastavitvah vklopljena obvestila o posodobitvah izdelkov.',
};
