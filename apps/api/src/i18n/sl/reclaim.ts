import { plural } from '../plural.js';

/** Reclaim policies: their errors, dry run, mails and the "Keep my seat" page (modules/reclaim, http/keep-seat.route.ts). */
export const reclaim: Record<string, string> = {
  'The reclaim policy was not found.': 'Pravila za odvzem ni bilo mogoče najti.',
  'Your seat of {subscription} will be reclaimed on {date}': 'Vaša licenca naročnine {subscription} bo odvzeta {date}',
  ...plural('Your seat of {subscription} in {account} has not been used for {count} days.', {
    one: 'Vaše licence naročnine {subscription} v računu {account} niste uporabili že {count} dan.',
    two: 'Vaše licence naročnine {subscription} v računu {account} niste uporabili že {count} dneva.',
    few: 'Vaše licence naročnine {subscription} v računu {account} niste uporabili že {count} dni.',
    other: 'Vaše licence naročnine {subscription} v računu {account} niste uporabili že {count} dni.',
  }),
  'If nothing changes, it will be unassigned on {date} so someone else can use it. Using the product before then keeps it.':
    'Če se nič ne spremeni, vam jo bomo {date} odvzeli, da jo bo lahko uporabljal kdo drug. Če izdelek pred tem uporabite, jo obdržite.',
  'To keep your seat, open this link and tell us why (one click, no sign-in):': 'Če želite licenco obdržati, odprite to povezavo in nam povejte, zakaj (en klik, brez prijave):',
  'Your seat of {subscription} was unassigned': 'Vaša licenca naročnine {subscription} je bila odvzeta',
  'Your seat of {subscription} in {account} was unassigned because it was not used. If you need it again, ask an administrator of the account.':
    'Vaša licenca naročnine {subscription} v računu {account} je bila odvzeta, ker je niste uporabljali. Če jo spet potrebujete, se obrnite na skrbnika računa.',
  'A seat of {subscription} was reclaimed from {person}': 'Uporabniku {person} je bila odvzeta licenca naročnine {subscription}',
  'The reclaim policy {policy} unassigned the seat of {subscription} held by {person} in {account}.':
    'Pravilo za odvzem {policy} je odvzelo licenco naročnine {subscription}, ki jo je imel {person} v računu {account}.',
  'You can undo it until {date} in the seat ledger of the reclaim policies page:': 'Odvzem lahko do {date} razveljavite v dnevniku licenc na strani s pravili za odvzem:',
  'Give a grace period from 1 to 90 days.': 'Vnesite obdobje odloga od 1 do 90 dni.',
  'Give the policy a name of 1 to 100 characters.': 'Pravilu dajte ime z 1 do 100 znaki.',
  'Exclude at most {max} people.': 'Izključite lahko največ toliko oseb: {max}.',
  'Exclude at most {max} teams.': 'Izključite lahko največ toliko ekip: {max}.',
  'Someone else changed the reclaim policy {name} since you opened it. Reload it and try again.':
    'Nekdo drug je spremenil pravilo za odvzem {name}, odkar ste ga odprli. Znova ga naložite in poskusite še enkrat.',
  ...plural('Not used since it was assigned {count} days ago', {
    one: 'Ni bila uporabljena, odkar je bila dodeljena pred {count} dnem',
    two: 'Ni bila uporabljena, odkar je bila dodeljena pred {count} dnevoma',
    few: 'Ni bila uporabljena, odkar je bila dodeljena pred {count} dnevi',
    other: 'Ni bila uporabljena, odkar je bila dodeljena pred {count} dnevi',
  }),
  ...plural('Not used for {count} days since the holder kept it', {
    one: 'Ni bila uporabljena {count} dan, odkar jo je imetnik obdržal',
    two: 'Ni bila uporabljena {count} dneva, odkar jo je imetnik obdržal',
    few: 'Ni bila uporabljena {count} dni, odkar jo je imetnik obdržal',
    other: 'Ni bila uporabljena {count} dni, odkar jo je imetnik obdržal',
  }),
  ...plural('Not used for {count} days', {
    one: 'Ni bila uporabljena {count} dan',
    two: 'Ni bila uporabljena {count} dneva',
    few: 'Ni bila uporabljena {count} dni',
    other: 'Ni bila uporabljena {count} dni',
  }),
  'Give a number of months from 1 to {max}.': 'Vnesite število mesecev od 1 do {max}.',
  'Keep my seat': 'Obdrži mojo licenco',
  'This link to keep a seat is not valid.': 'Ta povezava za ohranitev licence ni veljavna.',
  'Why do you still need it?': 'Zakaj jo še potrebujete?',
  'You kept this seat already. Nothing more to do.': 'To licenco ste že obdržali. Nič več ni treba storiti.',
  'This notice has ended: the seat was used, reclaimed or the policy was switched off.':
    'To obvestilo ne velja več: licenca je bila uporabljena ali odvzeta ali pa je bilo pravilo izklopljeno.',
  'Your seat of {subscription} ({email}) will be unassigned on {date} unless you keep it.': 'Vaša licenca naročnine {subscription} ({email}) bo odvzeta {date}, razen če jo obdržite.',
  'Tell us in 1 to {max} characters why you still need the seat.': 'V 1 do {max} znakih nam povejte, zakaj licenco še potrebujete.',
  'Thank you: your seat of {subscription} is kept. If it goes unused again, you will get another notice first.':
    'Hvala: licenca naročnine {subscription} ostaja vaša. Če je spet ne boste uporabljali, boste najprej dobili novo obvestilo.',
};
