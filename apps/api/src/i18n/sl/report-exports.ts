import { plural } from '../plural.js';

/** Scheduled report exports: their checks, links and mails (modules/exports, http/report-exports.route.ts). */
export const reportExports: Record<string, string> = {
  'Audit log': 'Revizijska sled',
  'A rolling range covers 1 to 366 days.': 'Drseče obdobje zajame od 1 do 366 dni.',
  'Choose 1 to {max} recipients.': 'Izberite od 1 do {max} prejemnikov.',
  'Choose a day of the month from 1 to 28, which every month has.': 'Izberite dan v mesecu od 1 do 28, ki ga ima vsak mesec.',
  'Choose an hour from 0 to 23.': 'Izberite uro od 0 do 23.',
  'Choose the weekday, 1 (Monday) to 7 (Sunday).': 'Izberite dan v tednu, od 1 (ponedeljek) do 7 (nedelja).',
  'Download it with this link, which works until {date}:': 'Prenesete ga s to povezavo, ki deluje do {date}:',
  'Every recipient must be an active member of this account.': 'Vsak prejemnik mora biti aktiven član tega računa.',
  'Give a number of days from 1 to 731.': 'Vnesite število dni od 1 do 731.',
  'Give the export a name of 1 to 100 characters.': 'Izvozu dajte ime dolžine od 1 do 100 znakov.',
  'Keep runs for 1 to {max} days, or for good.': 'Zagone hranite od 1 do {max} dni ali za vedno.',
  'That run of a scheduled export was not found.': 'Tega zagona načrtovanega izvoza ni bilo mogoče najti.',
  'That scheduled export was not found.': 'Tega načrtovanega izvoza ni bilo mogoče najti.',
  'The account has no active admin to run the export as.': 'Račun nima aktivnega skrbnika, v imenu katerega bi se izvoz izvedel.',
  'The reason recorded: {error}': 'Zabeleženi razlog: {error}',
  'This export is no longer kept.': 'Ta izvoz se ne hrani več.',
  'This export link has expired. Open the run in Scheduled exports for a new one.': 'Ta povezava do izvoza je potekla. Za novo odprite zagon v Načrtovanih izvozih.',
  'This export link is not valid.': 'Ta povezava do izvoza ni veljavna.',
  'This run has no file: it has not finished, or it failed.': 'Ta zagon nima datoteke: še ni končan ali pa ni uspel.',
  'You are no longer a member of the account this export belongs to.': 'Niste več član računa, ki mu ta izvoz pripada.',
  'Your scheduled export {name} failed': 'Vaš načrtovani izvoz {name} ni uspel',
  'Your scheduled export {name} is ready': 'Vaš načrtovani izvoz {name} je pripravljen',
  ...plural('The scheduled export {name} covering {from} to {to} is ready ({count} rows).', {
    one: 'Načrtovani izvoz {name} za obdobje od {from} do {to} je pripravljen ({count} vrstica).',
    two: 'Načrtovani izvoz {name} za obdobje od {from} do {to} je pripravljen ({count} vrstici).',
    few: 'Načrtovani izvoz {name} za obdobje od {from} do {to} je pripravljen ({count} vrstice).',
    other: 'Načrtovani izvoz {name} za obdobje od {from} do {to} je pripravljen ({count} vrstic).',
  }),
  ...plural('The scheduled export {name} failed after {count} attempts, so no file was made this time. The next run follows its schedule.', {
    one: 'Načrtovani izvoz {name} ni uspel po {count} poskusu, zato tokrat ni datoteke. Naslednji zagon sledi urniku.',
    two: 'Načrtovani izvoz {name} ni uspel po {count} poskusih, zato tokrat ni datoteke. Naslednji zagon sledi urniku.',
    few: 'Načrtovani izvoz {name} ni uspel po {count} poskusih, zato tokrat ni datoteke. Naslednji zagon sledi urniku.',
    other: 'Načrtovani izvoz {name} ni uspel po {count} poskusih, zato tokrat ni datoteke. Naslednji zagon sledi urniku.',
  }),
};
