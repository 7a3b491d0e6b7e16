/** Audit log lines of the account's and the vendor's logs, rendered in the reader's language when read (modules/audit). */
export const audit: Record<string, string> = {
  'Break-glass sign-in: the primary admin {email} signed in with password and 2-step although single sign-on is required':
    'Prijava v sili: primarni skrbnik {email} se je prijavil z geslom in preverjanjem v dveh korakih, čeprav je enotna prijava obvezna',
  'Added the single sign-on provider {name} ({issuer})':
    'Dodan ponudnik enotne prijave {name} ({issuer})',
  'Removed the single sign-on provider {name}':
    'Odstranjen ponudnik enotne prijave {name}',
  'Claimed the domain {domain} for {provider}':
    'Prijavljena domena {domain} za ponudnika {provider}',
  'Verified the domain {domain} by its DNS TXT record':
    'Domena {domain} preverjena z zapisom DNS TXT',
  'Removed the domain {domain}':
    'Odstranjena domena {domain}',
  'Single sign-on moved {email} into the team {team} (group {group})':
    'Enotna prijava je osebo {email} premaknila v ekipo {team} (skupina {group})',
  'Single sign-on linked {email} to {provider}':
    'Enotna prijava je osebo {email} povezala s ponudnikom {provider}',
  'Single sign-on made {email} a member just in time ({provider})':
    'Enotna prijava je osebo {email} sproti dodala med člane ({provider})',
  'Scheduled the export {name}':
    'Nov redni izvoz {name}',
  'Changed the scheduled export {name}':
    'Sprememba rednega izvoza {name}',
  'Deleted the scheduled export {name}':
    'Izbrisan redni izvoz {name}',
  'Ran the scheduled export {name} now':
    'Takojšnji zagon rednega izvoza {name}',
  'Changed how long scheduled exports are kept':
    'Sprememba hrambe rednih izvozov',
  'Created the reclaim policy {name}': 'Novo pravilo za vračanje licenc {name}',
  'Changed the reclaim policy {name}': 'Sprememba pravila za vračanje licenc {name}',
  'Switched the reclaim policy {name} on': 'Vklop pravila za vračanje licenc {name}',
  'Switched the reclaim policy {name} off': 'Izklop pravila za vračanje licenc {name}',
  'Device {device} ({platform}) of {person} revoked for {product}':
    'Preklic naprave {device} ({platform}) osebe {person} za {product}',
  '{email} accepted the invitation and set a password':
    'Oseba {email} je sprejela povabilo in nastavila geslo',
  '{email} accepted the invitation':
    'Oseba {email} je sprejela povabilo',
  'A person deleted their own sign-in: personal data removed, seats released.':
    'Oseba je izbrisala svojo prijavo: osebni podatki so odstranjeni, licence sproščene.',
  '{email} set a first password through a reset link and joined the account':
    'Oseba {email} je prek povezave za ponastavitev nastavila prvo geslo in se pridružila računu',
  'Turned the cloud-credit alert off':
    'Izklop opozorila o kreditih v oblaku',
  'Set the cloud-credit alert to fewer than {threshold} credits left':
    'Opozorilo o kreditih v oblaku, ko jih ostane manj kot {threshold}',
  'Started a {days}-day trial of {product}':
    'Začetek preizkusa izdelka {product}, dni preizkusa: {days}',
  'Custom install package "{name}": {product} {version}, {platform}, {language}':
    'Namestitveni paket po meri »{name}«: {product} {version}, {platform}, {language}',
  'Home-use activation requested for {product} {version}':
    'Zahteva za aktivacijo za uporabo doma: {product} {version}',
  'Network licence for {product} {version}: {seats} seats on {server} ({hostId})':
    'Mrežna licenca za {product} {version} na strežniku {server} ({hostId}), število licenc: {seats}',
  'Network licence file for {server} ({hostId}) revoked: replaced by {replacement}':
    'Preklic datoteke mrežne licence za {server} ({hostId}): nadomešča jo {replacement}',
  'Network seat of {subscription} released from {machine} ({person})':
    'Sprostitev mrežne licence naročnine {subscription} z računalnika {machine} ({person})',
  'Created service token "{name}" with scopes {scopes}.':
    'Ustvarjen servisni žeton »{name}« z obsegi {scopes}.',
  'Created personal token "{name}" with scopes {scopes}.':
    'Ustvarjen osebni žeton »{name}« z obsegi {scopes}.',
  'Revoked service token "{name}".':
    'Preklican servisni žeton »{name}«.',
  'Revoked personal token "{name}".':
    'Preklican osebni žeton »{name}«.',
  'Created team {name}':
    'Nova ekipa {name}',
  'Renamed team {before} to {name}':
    'Preimenovanje ekipe {before} v {name}',
  'Deleted team {name}':
    'Izbris ekipe {name}',
  'Deleted team {name}, moving {members} users and {subscriptions} subscriptions to {target}':
    'Izbris ekipe {name}; v ekipo {target} premaknjeni uporabniki: {members}, naročnine: {subscriptions}',
  'Deleted team {name}, moving {members} users and {subscriptions} subscriptions to no team':
    'Izbris ekipe {name}; brez ekipe ostanejo uporabniki: {members}, naročnine: {subscriptions}',
  'Moved subscription {subscription} to team {team}':
    'Premik naročnine {subscription} v ekipo {team}',
  'Moved subscription {subscription} to no team':
    'Naročnina {subscription} odslej brez ekipe',
  'Changed the role of {email} from {before} to {after}':
    'Sprememba vloge osebe {email}: {before} → {after}',
  '{from} handed the primary admin role to {to}':
    'Oseba {from} je vlogo primarnega skrbnika predala osebi {to}',
  'Removed {email} from the account ({seats} seats released, {revoked} invitations revoked)':
    'Odstranitev osebe {email} iz računa (sproščene licence: {seats}, preklicana povabila: {revoked})',
  'Moved {email} to team {team}':
    'Premik osebe {email} v ekipo {team}',
  'Moved {email} to no team':
    'Oseba {email} odslej brez ekipe',
  'Invited {email} as {role} to team {team}':
    'Povabilo osebe {email} z vlogo {role} v ekipo {team}',
  'Invited {email} as {role}':
    'Povabilo osebe {email} z vlogo {role}',
  'Resent the invitation to {email}':
    'Ponovno poslano povabilo osebi {email}',
  'Revoked the invitation to {email}':
    'Preklic povabila osebi {email}',
  'Undid the removal of {email}':
    'Razveljavitev odstranitve osebe {email}',
  'The directory deactivated {email} ({seats} seats released, {sessions} sessions ended, {tokens} tokens and {devices} home-use activations revoked)':
    'Imenik je deaktiviral osebo {email} (sproščene licence: {seats}, končane seje: {sessions}, preklicani žetoni: {tokens}, preklicane aktivacije za uporabo doma: {devices})',
  'The directory reactivated {email} ({restored} seats restored, {missing} not: no free seat)':
    'Imenik je znova aktiviral osebo {email} (vrnjene licence: {restored}, nevrnjene zaradi pomanjkanja prostih: {missing})',
  'The directory changed {email}':
    'Imenik je spremenil osebo {email}',
  'The directory provisioned {email}':
    'Imenik je dodal osebo {email}',
  'Mapped the directory group {group} to the team {team} ({moved} members moved)':
    'Skupina imenika {group} povezana z ekipo {team} (premaknjeni člani: {moved})',
  'Mapped the directory group {group} to no team ({moved} members moved)':
    'Skupina imenika {group} brez ekipe (premaknjeni člani: {moved})',
  'The directory changed the group {group} ({added} members added, {removed} removed, renamed from {before})':
    'Imenik je spremenil skupino {group} (dodani člani: {added}, odstranjeni: {removed}, prej {before})',
  'The directory changed the group {group} ({added} members added, {removed} removed)':
    'Imenik je spremenil skupino {group} (dodani člani: {added}, odstranjeni: {removed})',
  'The directory created the group {group} and its team ({members} members)':
    'Imenik je ustvaril skupino {group} in njeno ekipo (člani: {members})',
  'The directory created the group {group}, mapped to the team of that name ({members} members)':
    'Imenik je ustvaril skupino {group}, povezano z istoimensko ekipo (člani: {members})',
  'The directory created the group {group} ({members} members)':
    'Imenik je ustvaril skupino {group} (člani: {members})',
  'The directory deleted the group {group} ({members} members left its team; the team stays)':
    'Imenik je izbrisal skupino {group} (ekipo so zapustili člani: {members}; ekipa ostane)',
  'Made a new SCIM token; the older one stopped working':
    'Nov žeton SCIM; starejši ne deluje več',
  'Made the SCIM token: the directory can provision people':
    'Nov žeton SCIM: imenik lahko dodaja osebe',
  'Revoked the SCIM token':
    'Preklic žetona SCIM',
  'Opened the support request "{subject}"':
    'Odprt zahtevek za podporo »{subject}«',
  'Wrote in and reopened the support request "{subject}"':
    'Novo sporočilo in ponovno odprt zahtevek za podporo »{subject}«',
  'Wrote in the support request "{subject}"':
    'Novo sporočilo v zahtevku za podporo »{subject}«',
  'Assigned a seat of {subscription} to {email}':
    'Dodeljena licenca naročnine {subscription} osebi {email}',
  'Reclaimed a seat of {subscription} from {email}':
    'Vrnitev licence naročnine {subscription} osebe {email} po pravilu za neuporabljene licence',
  'Unassigned a seat of {subscription} from {email}':
    'Odvzeta licenca naročnine {subscription} osebi {email}',
  'Restored the seat of {subscription} to {email}':
    'Vrnjena licenca naročnine {subscription} osebi {email}',
  'The vendor added {subscription} ({seats} seats, {from} to {to}) under contract {contract}':
    'Ponudnik je dodal naročnino {subscription} (licence: {seats}, od {from} do {to}) k pogodbi {contract}',
  'The vendor created contract {contract} ({from} to {to}) with {subscriptions} subscriptions':
    'Ponudnik je ustvaril pogodbo {contract} (od {from} do {to}, naročnine: {subscriptions})',
  'The vendor scheduled {subscription} to go from {before} to {seats} seats at its renewal on {on}':
    'Ponudnik je za podaljšanje {on} napovedal spremembo števila licenc naročnine {subscription}: {before} → {seats}',
  'The vendor changed {subscription} from {before} to {seats} seats':
    'Ponudnik je spremenil število licenc naročnine {subscription}: {before} → {seats}',
  'The vendor renewed {subscription} from {from} to {to}':
    'Ponudnik je podaljšal naročnino {subscription} od {from} do {to}',
  'The vendor cancelled {subscription} at the end of its term on {on}':
    'Ponudnik je preklical naročnino {subscription} ob koncu obdobja {on}',
  'The vendor cancelled {subscription}':
    'Ponudnik je preklical naročnino {subscription}',
  'The vendor added {credits} cloud credits to {subscription}':
    'Ponudnik je naročnini {subscription} dodal kredite v oblaku: {credits}',
  'Added the webhook endpoint {url}':
    'Dodana končna točka webhookov {url}',
  'Changed the webhook endpoint {url} ({changes})':
    'Spremenjena končna točka webhookov {url} ({changes})',
  'Changed the webhook endpoint {url}':
    'Spremenjena končna točka webhookov {url}',
  'Rotated the secret of the webhook endpoint {url}':
    'Nova skrivnost končne točke webhookov {url}',
  'Deleted the webhook endpoint {url}':
    'Izbrisana končna točka webhookov {url}',
  'Updated {email} from an import':
    'Posodobitev osebe {email} iz uvoza',
  'a deleted person':
    'izbrisana oseba',
};
