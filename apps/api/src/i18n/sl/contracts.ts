import { plural } from '../plural.js';

/** Contracts and subscriptions the vendor runs (modules/subscriptions/subscription-changes.service.ts, modules/vendor/customer-contracts.service.ts). */
export const contracts: Record<string, string> = {
  'Enter a real date as YYYY-MM-DD.': 'Vnesite pravi datum v obliki YYYY-MM-DD (leto-mesec-dan).',
  'The end date cannot be before the start date.': 'Datum konca ne more biti pred datumom začetka.',
  'Seats must be a whole number from 1 to {max}.': 'Število licenc mora biti celo število od 1 do {max}.',
  'Credits must be a whole number from 1 to {max}.': 'Število kreditov mora biti celo število od 1 do {max}.',
  'This customer already has a contract numbered {number}.': 'Ta stranka že ima pogodbo s številko {number}.',
  'Enter the contract number.': 'Vnesite številko pogodbe.',
  'The contract number can be at most 40 characters.': 'Številka pogodbe je lahko dolga največ 40 znakov.',
  'Add at least one subscription to the contract.': 'Pogodbi dodajte vsaj eno naročnino.',
  'A contract can have at most 50 subscriptions.': 'Pogodba ima lahko največ 50 naročnin.',
  'Choose a product or the products of a collection.': 'Izberite izdelek ali izdelke zbirke.',
  'Choose products of the catalogue: one of them is unknown.': 'Izberite izdelke iz kataloga: eden od njih ni znan.',
  'Name the collection: it has several products.': 'Poimenujte zbirko: vsebuje več izdelkov.',
  'Choose a licence type.': 'Izberite vrsto licence.',
  'Choose a term.': 'Izberite obdobje.',
  'Someone else changed the subscription {name} since you opened it. Reload it and try again.':
    'Naročnino {name} je nekdo spremenil, odkar ste jo odprli. Znova jo naložite in poskusite še enkrat.',
  'The subscription {name} has ended or was cancelled: renew it first.': 'Naročnina {name} je potekla ali je bila preklicana: najprej jo podaljšajte.',
  'The subscription {name} was cancelled and cannot be renewed: add a new one.':
    'Naročnina {name} je bila preklicana in je ni mogoče podaljšati: dodajte novo.',
  'The subscription {name} is already cancelled.': 'Naročnina {name} je že preklicana.',
  'The new term must end after {endsOn}.': 'Novo obdobje se mora končati po {endsOn}.',
  ...plural('{count} seats are assigned above the new number: unassign them first, or schedule the decrease for the renewal date.', {
    one: 'Nad novim številom je dodeljena {count} licenca: najprej jo odvzemite ali zmanjšanje načrtujte za datum podaljšanja.',
    two: 'Nad novim številom sta dodeljeni {count} licenci: najprej ju odvzemite ali zmanjšanje načrtujte za datum podaljšanja.',
    few: 'Nad novim številom so dodeljene {count} licence: najprej jih odvzemite ali zmanjšanje načrtujte za datum podaljšanja.',
    other: 'Nad novim številom je dodeljenih {count} licenc: najprej jih odvzemite ali zmanjšanje načrtujte za datum podaljšanja.',
  }),
};
