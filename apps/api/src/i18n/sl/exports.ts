import { plural } from '../plural.js';

/** Export headings: the columns and sheet names of the CSV and XLSX files (http/exports.route.ts, the audit log, the import report). */
export const exports: Record<string, string> = {
  // Columns.
  Subscription: 'Naročnina',
  'Serial number': 'Serijska številka',
  Contract: 'Pogodba',
  Status: 'Stanje',
  'Days to renewal': 'Dni do podaljšanja',
  Term: 'Obdobje',
  'Licence type': 'Vrsta licence',
  Starts: 'Začetek',
  'Renewal date': 'Datum podaljšanja',
  'Seats used': 'Uporabljeni sedeži',
  'Seats total': 'Vsi sedeži',
  Team: 'Ekipa',
  Product: 'Izdelek',
  Code: 'Koda',
  Purchased: 'Kupljeno',
  Assigned: 'Dodeljeno',
  Unassigned: 'Nedodeljeno',
  Name: 'Ime',
  Email: 'E-pošta',
  'Assigned on': 'Datum dodelitve',
  'Last used': 'Zadnja uporaba',
  'Days used': 'Dni uporabe',
  Minutes: 'Minute',
  'Days idle': 'Dni neuporabe',
  'Active users': 'Aktivni uporabniki',
  Consumed: 'Porabljeno',
  Remaining: 'Preostalo',
  'Consumed in period': 'Porabljeno v obdobju',
  Service: 'Storitev',
  Credits: 'Krediti',

  // Enum values in cells, as the SPA words them.
  Active: 'Aktivna',
  Expiring: 'Poteka',
  Expired: 'Potekla',
  Cancelled: 'Preklicana',
  Monthly: 'Mesečno',
  Annual: 'Letno',
  '3 years': '3 leta',
  'Single-user': 'Za enega uporabnika',
  'Multi-user': 'Za več uporabnikov',
  Network: 'Omrežna',
  'Cloud (Flex)': 'Oblak (Flex)',

  // Sheets.
  Subscriptions: 'Naročnine',
  Products: 'Izdelki',
  Insights: 'Vpogledi',
  'Seat usage': 'Uporaba sedežev',
  'Cloud credits': 'Krediti v oblaku',

  // The audit log's CSV (modules/audit/audit-log.service.ts).
  time: 'čas',
  who: 'kdo',
  action: 'dejanje',
  'target type': 'vrsta cilja',
  'target id': 'id cilja',
  what: 'kaj',
  before: 'prej',
  after: 'potem',

  // The import report's CSV (modules/users/import/import.service.ts).
  line: 'vrstica',
  email: 'e-pošta',
  outcome: 'izid',
  field: 'polje',
  reason: 'razlog',

  // Audit entries of exports, written in English for the log (modules/audit/audit.service.ts).
  ...plural('Exported {file} ({count} rows)', {
    one: 'Izvoženo: {file} ({count} vrstica)',
    two: 'Izvoženo: {file} ({count} vrstici)',
    few: 'Izvoženo: {file} ({count} vrstice)',
    other: 'Izvoženo: {file} ({count} vrstic)',
  }),
};
