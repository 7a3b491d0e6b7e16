import { plural } from '../plural.js';

/** Renewal notices, usage alerts and the one-click unsubscribe (modules/notifications, http/unsubscribe.route.ts). */
export const notifications: Record<string, string> = {
  'You get this message because subscription renewals are on in your settings.': 'To sporočilo prejemate, ker imate v nastavitvah vklopljena obvestila o podaljšanjih naročnin.',
  'You get this message because usage alerts are on in your settings.': 'To sporočilo prejemate, ker imate v nastavitvah vklopljena opozorila o uporabi.',
  'To stop these messages, open this link (one click, no sign-in):': 'Če teh sporočil ne želite več prejemati, odprite to povezavo (en klik, brez prijave):',
  ...plural('{subscription}: renewal due in {count} days', {
    one: '{subscription}: podaljšanje čez {count} dan',
    two: '{subscription}: podaljšanje čez {count} dneva',
    few: '{subscription}: podaljšanje čez {count} dni',
    other: '{subscription}: podaljšanje čez {count} dni',
  }),
  ...plural('The subscription {subscription} of {account} ends on {date}, in {count} days.', {
    one: 'Naročnina {subscription} računa {account} se izteče {date}, čez {count} dan.',
    two: 'Naročnina {subscription} računa {account} se izteče {date}, čez {count} dneva.',
    few: 'Naročnina {subscription} računa {account} se izteče {date}, čez {count} dni.',
    other: 'Naročnina {subscription} računa {account} se izteče {date}, čez {count} dni.',
  }),
  'It renews automatically for another term unless it is cancelled before then.': 'Samodejno se bo podaljšala za novo obdobje, razen če jo prej prekličete.',
  'To keep using it, renew it before that day.': 'Če jo želite uporabljati še naprej, jo podaljšajte pred tem dnem.',
  '{subscription} has expired': 'Naročnina {subscription} je potekla',
  'The subscription {subscription} of {account} ended on {date}. Its seats can no longer be used.':
    'Naročnina {subscription} računa {account} se je iztekla {date}. Njenih licenc ni več mogoče uporabljati.',
  ...plural('{subscription}: {count} cloud credits left', {
    one: '{subscription}: ostal je še {count} kredit v oblaku',
    two: '{subscription}: ostala sta še {count} kredita v oblaku',
    few: '{subscription}: ostali so še {count} krediti v oblaku',
    other: '{subscription}: ostalo je še {count} kreditov v oblaku',
  }),
  ...plural('The subscription {subscription} of {account} has {count} cloud credits left, below the alert threshold of {threshold} set for the account.', {
    one: 'Naročnina {subscription} računa {account} ima še {count} kredit v oblaku, manj od meje za opozorilo ({threshold}), nastavljene za račun.',
    two: 'Naročnina {subscription} računa {account} ima še {count} kredita v oblaku, manj od meje za opozorilo ({threshold}), nastavljene za račun.',
    few: 'Naročnina {subscription} računa {account} ima še {count} kredite v oblaku, manj od meje za opozorilo ({threshold}), nastavljene za račun.',
    other: 'Naročnina {subscription} računa {account} ima še {count} kreditov v oblaku, manj od meje za opozorilo ({threshold}), nastavljene za račun.',
  }),
  'Buy more credits before they run out, or the cloud services stop.': 'Kupite nove kredite, preden zmanjka obstoječih, sicer se storitve v oblaku ustavijo.',
  '{subscription}: every seat is assigned': '{subscription}: vse licence so dodeljene',
  'All seats of the subscription {subscription} of {account} are assigned ({seats} of {seats}). To give someone else a seat, unassign one or add seats.':
    'Vse licence naročnine {subscription} računa {account} so dodeljene ({seats} od {seats}). Če želite licenco dati še komu, eno odvzemite ali dodajte nove.',
  'Product updates': 'Posodobitve produktov',
  'Subscription renewals': 'Podaljšanja naročnin',
  'Usage alerts': 'Opozorila o uporabi',
  Unsubscribe: 'Odjava od sporočil',
  Unsubscribed: 'Odjava je uspela',
  'This unsubscribe link is not valid.': 'Ta povezava za odjavo ni veljavna.',
  'Stop emails about “{category}” to {email}?': 'Ne želite več prejemati sporočil »{category}« na naslov {email}?',
  'Emails about “{category}” are now off for {email}. You can turn them on again in your settings.':
    'Sporočila »{category}« za naslov {email} so izklopljena. V nastavitvah jih lahko znova vklopite.',
  'The alert threshold must be a whole number of credits from 0 to {max}.': 'Meja za opozorilo mora biti celo število kreditov od 0 do {max}.',
};
