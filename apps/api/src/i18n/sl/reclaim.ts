import { plural } from '../plural.js';

/** Reclaim policies: their errors, dry run, mails and the "Keep my seat" page (modules/reclaim, http/keep-seat.route.ts). */
export const reclaim: Record<string, string> = {
  'The reclaim policy was not found.': 'Pravila za odvzem ni bilo mogoče najti.',
  'Your seat of {subscription} will be reclaimed on {date}': 'Vaš sedež naročnine {subscription} bo odvzet {date}',
  ...plural('Your seat of {subscription} in {account} has not been used for {count} days.', {
    one: 'Vašega sedeža naročnine {subscription} v računu {account} niste uporabili že {count} dan.',
    two: 'Vašega sedeža naročnine {subscription} v računu {account} niste uporabili že {count} dneva.',
    few: 'Vašega sedeža naročnine {subscription} v računu {account} niste uporabili že {count} dni.',
    other: 'Vašega sedeža naročnine {subscription} v računu {account} niste uporabili že {count} dni.',
  }),
  'If nothing changes, it will be unassigned on {date} so someone else can use it. Using the product before then keeps it.':
    'Če se nič ne spremeni, vam ga bomo {date} odvzeli, da ga bo lahko uporabljal kdo drug. Če izdelek pred tem uporabite, ga obdržite.',
  'To keep your seat, open this link and tell us why (one click, no sign-in):': 'Če želite sedež obdržati, odprite to povezavo in nam povejte, zakaj (en klik, brez prijave):',
  'Your seat of {subscription} was unassigned': 'Vaš sedež naročnine {subscription} je bil odvzet',
  'Your seat of {subscription} in {account} was unassigned because it was not used. If you need it again, ask an administrator of the account.':
    'Vaš sedež naročnine {subscription} v računu {account} je bil odvzet, ker ga niste uporabljali. Če ga spet potrebujete, se obrnite na skrbnika računa.',
  'A seat of {subscription} was reclaimed from {person}': 'Uporabniku {person} je bil odvzet sedež naročnine {subscription}',
  'The reclaim policy {policy} unassigned the seat of {subscription} held by {person} in {account}.':
    'Pravilo za odvzem {policy} je odvzelo sedež naročnine {subscription}, ki ga je imel {person} v računu {account}.',
  'You can undo it until {date} in the seat ledger of the reclaim policies page:': 'Odvzem lahko do {date} razveljavite v dnevniku sedežev na strani s pravili za odvzem:',
  'Give a grace period from 1 to 90 days.': 'Vnesite obdobje odloga od 1 do 90 dni.',
  'Give the policy a name of 1 to 100 characters.': 'Pravilu dajte ime z 1 do 100 znaki.',
  'Exclude at most {max} people.': 'Izključite lahko največ toliko oseb: {max}.',
  'Exclude at most {max} teams.': 'Izključite lahko največ toliko ekip: {max}.',
  'Someone else changed the reclaim policy {name} since you opened it. Reload it and try again.':
    'Nekdo drug je spremenil pravilo za odvzem {name}, odkar ste ga odprli. Znova ga naložite in poskusite še enkrat.',
  ...plural('Not used since it was assigned {count} days ago', {
    one: 'Ni bil uporabljen, odkar je bil dodeljen pred {count} dnem',
    two: 'Ni bil uporabljen, odkar je bil dodeljen pred {count} dnevoma',
    few: 'Ni bil uporabljen, odkar je bil dodeljen pred {count} dnevi',
    other: 'Ni bil uporabljen, odkar je bil dodeljen pred {count} dnevi',
  }),
  ...plural('Not used for {count} days since the holder kept it', {
    one: 'Ni bil uporabljen {count} dan, odkar ga je imetnik obdržal',
    two: 'Ni bil uporabljen {count} dneva, odkar ga je imetnik obdržal',
    few: 'Ni bil uporabljen {count} dni, odkar ga je imetnik obdržal',
    other: 'Ni bil uporabljen {count} dni, odkar ga je imetnik obdržal',
  }),
  ...plural('Not used for {count} days', {
    one: 'Ni bil uporabljen {count} dan',
    two: 'Ni bil uporabljen {count} dneva',
    few: 'Ni bil uporabljen {count} dni',
    other: 'Ni bil uporabljen {count} dni',
  }),
  'Give a number of months from 1 to {max}.': 'Vnesite število mesecev od 1 do {max}.',
  'Keep my seat': 'Obdrži moj sedež',
  'This link to keep a seat is not valid.': 'Ta povezava za ohranitev sedeža ni veljavna.',
  'Why do you still need it?': 'Zakaj ga še potrebujete?',
  'You kept this seat already. Nothing more to do.': 'Ta sedež ste že obdržali. Nič več ni treba storiti.',
  'This notice has ended: the seat was used, reclaimed or the policy was switched off.':
    'To obvestilo ne velja več: sedež je bil uporabljen ali odvzet ali pa je bilo pravilo izklopljeno.',
  'Your seat of {subscription} ({email}) will be unassigned on {date} unless you keep it.': 'Vaš sedež naročnine {subscription} ({email}) bo odvzet {date}, razen če ga obdržite.',
  'Tell us in 1 to {max} characters why you still need the seat.': 'V 1 do {max} znakih nam povejte, zakaj sedež še potrebujete.',
  'Thank you: your seat of {subscription} is kept. If it goes unused again, you will get another notice first.':
    'Hvala: sedež naročnine {subscription} ostaja vaš. Če ga spet ne boste uporabljali, boste najprej dobili novo obvestilo.',
};
