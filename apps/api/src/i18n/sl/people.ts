import { plural } from '../plural.js';

/** Users, invitations, import, teams and seats (modules/users, modules/teams, modules/seats). */
export const people: Record<string, string> = {
  // A person's email and names (invitations and the import).
  'Enter an email address.': 'Vnesite e-poštni naslov.',
  '"{email}" is not a valid email address.': '»{email}« ni veljaven e-poštni naslov.',
  'Enter a first name.': 'Vnesite ime.',
  'A first name can be at most 100 characters.': 'Ime je lahko dolgo največ 100 znakov.',
  'Enter a last name.': 'Vnesite priimek.',
  'A last name can be at most 100 characters.': 'Priimek je lahko dolg največ 100 znakov.',

  // Users.
  'Search text can be at most {max} characters.': 'Iskalno besedilo je predolgo. Največje dovoljeno število znakov: {max}.',
  'Filter by at most {max} products at once.': 'Filter ima preveč izdelkov. Največje število izdelkov v filtru: {max}.',
  'Someone else changed this user since you opened it. Reload to see their change, then try again.':
    'Nekdo drug je tega uporabnika spremenil, odkar ste ga odprli. Osvežite stran, da vidite spremembo, in poskusite znova.',
  'Choose 1 to {max} users.': 'Izberite vsaj enega uporabnika. Največje dovoljeno število uporabnikov: {max}.',
  'A version goes with exactly one user.': 'Različico (version) lahko pošljete le, če izberete natanko enega uporabnika.',

  // Admin roles.
  'There is exactly one primary admin: hand the role over with "Make primary admin" instead.':
    'Primarni skrbnik je en sam: vlogo raje predajte z ukazom »Naredi za primarnega skrbnika«.',
  "The primary admin's role changes only when they hand it over to someone else.":
    'Vloga primarnega skrbnika se spremeni le, ko jo ta preda nekomu drugemu.',
  'You are the primary admin already: choose someone else.': 'Primarni skrbnik ste že vi: izberite nekoga drugega.',
  'Only the primary admin can hand the role over.': 'Vlogo lahko preda le primarni skrbnik.',
  'Only the primary admin can connect the directory.': 'Imenik lahko poveže le primarni skrbnik.',
  'Only an active user (one who has accepted the invitation) can become primary admin.':
    'Primarni skrbnik lahko postane le aktiven uporabnik (tisti, ki je sprejel povabilo).',
  'You cannot remove yourself; another admin can.': 'Sebe ne morete odstraniti; to lahko stori drug skrbnik.',
  'The primary admin cannot be removed: they must hand the role over first.':
    'Primarnega skrbnika ni mogoče odstraniti: najprej mora predati svojo vlogo.',

  // Invitations.
  'There is exactly one primary admin: invite as User or Secondary admin, then hand the role over.':
    'Primarni skrbnik je en sam: osebo povabite kot uporabnika ali sekundarnega skrbnika in ji nato predajte vlogo.',
  '{email} is already a user of this account.': '{email} je že uporabnik tega računa.',
  '{email} has already been invited: resend the pending invitation instead.':
    '{email} je že povabljen: raje znova pošljite čakajoče povabilo.',
  'Someone else has just invited this person: see the pending invitations.':
    'To osebo je pravkar povabil nekdo drug: oglejte si čakajoča povabila.',
  'Enter 1 to {max} people.': 'Vnesite vsaj eno osebo. Največje dovoljeno število oseb: {max}.',
  '{email} is already on row {row}.': '{email} je že v vrstici {row}.',
  'This invitation was already accepted.': 'To povabilo je že sprejeto.',
  'This invitation was already revoked.': 'To povabilo je že preklicano.',
  'This invitation was already expired.': 'To povabilo je že poteklo.',
  'This invitation link is not valid. Ask your admin to send a new one.':
    'Ta povezava povabila ni veljavna. Prosite skrbnika, da vam pošlje novo.',
  'This invitation has expired. Ask your admin to resend it.': 'To povabilo je poteklo. Prosite skrbnika, da ga pošlje znova.',
  'The password is not correct. Use the password you already sign in with.':
    'Geslo ni pravilno. Vnesite geslo, s katerim se že prijavljate.',

  // Import from a file.
  'The file could not be read at line {line}: {problem}': 'Datoteke ni bilo mogoče prebrati v vrstici {line}: {problem}',
  'The file could not be read: {problem}': 'Datoteke ni bilo mogoče prebrati: {problem}',
  'The file is empty: it needs a header row and one row per person.':
    'Datoteka je prazna: potrebuje vrstico z glavo in po eno vrstico za vsako osebo.',
  'The file has no "{column}" column. Its header row must name email, first name and last name (see the template).':
    'Datoteka nima stolpca »{column}«. Vrstica z glavo mora imenovati stolpce email, first name in last name (glejte predlogo).',
  'The file has a header row but no people.': 'Datoteka ima vrstico z glavo, nima pa nobene osebe.',
  ...plural('A file can hold at most {max} people; this one has {count}.', {
    one: 'Datoteka ima {count} osebo, kar je preveč. Največje dovoljeno število oseb: {max}.',
    two: 'Datoteka ima {count} osebi, kar je preveč. Največje dovoljeno število oseb: {max}.',
    few: 'Datoteka ima {count} osebe, kar je preveč. Največje dovoljeno število oseb: {max}.',
    other: 'Datoteka ima {count} oseb, kar je preveč. Največje dovoljeno število oseb: {max}.',
  }),
  'Duplicate in file: {email} is already on line {line}.': 'Podvojeno v datoteki: {email} je že v vrstici {line}.',
  'Unknown role "{role}": use User or Secondary admin.': 'Neznana vloga »{role}«: uporabite User ali Secondary admin.',
  'There is exactly one primary admin: the role changes only by handover.': 'Primarni skrbnik je en sam: vloga se spremeni le s predajo.',
  "The primary admin's role changes only when they hand it over.": 'Vloga primarnega skrbnika se spremeni le, ko jo ta preda.',
  'Unknown team "{team}": create it first or correct the name.': 'Neznana ekipa »{team}«: najprej jo ustvarite ali popravite ime.',
  'Unknown product "{product}": use a subscription or product name of this account.':
    'Neznan izdelek »{product}«: uporabite ime naročnine ali izdelka tega računa.',
  'No seat of {subscription} is left.': 'Za {subscription} ni več proste licence.',
  'Changes {columns}.': 'Spremeni: {columns}.',
  // The audit entry of an import, written in English for the log (modules/audit/audit.service.ts).
  'Imported users from a file: {created} created, {updated} updated, {unchanged} unchanged, {refused} refused':
    'Uvoz uporabnikov iz datoteke. Ustvarjeni: {created}, posodobljeni: {updated}, nespremenjeni: {unchanged}, zavrnjeni: {refused}',
  'Some of these people were added by someone else while the file was imported; nothing was written. Preview the file again.':
    'Med uvozom datoteke je nekdo drug dodal nekatere od teh oseb, zato ni bilo nič zapisano. Znova si oglejte predogled datoteke.',

  // Teams.
  'Enter a name for the team.': 'Vnesite ime ekipe.',
  'A team name can be at most 100 characters.': 'Ime ekipe je lahko dolgo največ 100 znakov.',
  'A team named "{name}" already exists.': 'Ekipa z imenom »{name}« že obstaja.',
  'Choose another team to move the members to.': 'Izberite drugo ekipo, v katero naj se premaknejo člani.',
  '{team} still has {members} users and {subscriptions} subscriptions: move them to another team first.':
    'Ekipa {team} še ima uporabnike in naročnine (število uporabnikov: {members}, število naročnin: {subscriptions}): najprej jih premaknite v drugo ekipo.',
  'Choose 1 to {max} subscriptions.': 'Izberite vsaj eno naročnino. Največje dovoljeno število naročnin: {max}.',

  // Seats.
  'No seat of {subscription} is free: unassign one first or buy more.':
    'Naročnina {subscription} nima proste licence: najprej sprostite katero od licenc ali kupite dodatne.',
  ...plural('Only {count} seats of {subscription} are free; {wanted} were asked for.', {
    one: 'Pri naročnini {subscription} je prosta le {count} licenca. Število zahtevanih: {wanted}.',
    two: 'Pri naročnini {subscription} sta prosti le {count} licenci. Število zahtevanih: {wanted}.',
    few: 'Pri naročnini {subscription} so proste le {count} licence. Število zahtevanih: {wanted}.',
    other: 'Pri naročnini {subscription} je prostih le {count} licenc. Število zahtevanih: {wanted}.',
  }),
  // Bulk actions, the seat ledger and undo.
  'This person holds no seat of {product}.': 'Ta oseba nima licence za {product}.',
  'This person has this role already.': 'Ta oseba že ima to vlogo.',
  'This person has no pending invitation: they have accepted it.': 'Ta oseba nima odprtega povabila, ker ga je že sprejela.',
  'Give either actionId or entryId, not both.': 'Navedite bodisi actionId bodisi entryId, ne obeh.',
  'Only an unassignment or a removal made in Seatwise can be undone.': 'Razveljaviti je mogoče le odvzem licence ali odstranitev, opravljeno v Seatwise.',
  'This change was undone already.': 'Ta sprememba je že razveljavljena.',
  'This change is more than {days} days old and can no longer be undone.': 'Sprememba je starejša od {days} dni, zato je ni več mogoče razveljaviti.',
  'This person was removed from the account: undo the removal to give their seats back.':
    'Ta oseba je bila odstranjena iz računa: razveljavite odstranitev, da ji vrnete licence.',
  'The seat of {subscription} was taken meanwhile: no seat of it is free to give back. Unassign one first or buy more.':
    'Licenco naročnine {subscription} je medtem dobil nekdo drug in nobena ni prosta za vrnitev. Najprej odvzemite eno ali kupite dodatne.',
  '{subscription} is expired: its seat cannot be given back.': 'Naročnina {subscription} je potekla, zato licence ni mogoče vrniti.',
  '{subscription} is cancelled: its seat cannot be given back.': 'Naročnina {subscription} je preklicana, zato licence ni mogoče vrniti.',
  '{subscription} no longer exists: its seat cannot be given back.': 'Naročnine {subscription} ni več, zato licence ni mogoče vrniti.',
  'This person already has a seat of {subscription}.': 'Ta oseba že ima licenco naročnine {subscription}.',
  '{subscription} is expired: its seats cannot be assigned.': 'Naročnina {subscription} je potekla, zato njenih licenc ni mogoče dodeliti.',
  '{subscription} is cancelled: its seats cannot be assigned.': 'Naročnina {subscription} je preklicana, zato njenih licenc ni mogoče dodeliti.',
};
