import type { AuditEntry } from '@seatwise/schema';
import { csvText } from '../../common/csv.js';
import { csvDialects } from '../../i18n/formats.js';
import { currentLanguage, type Message, msg, say } from '../../i18n/messages.js';

/** The audit log's columns: headings from the catalogues, in the language of the request (and its spreadsheet's dialect); scheduled exports write them too. */
export const auditColumns: { heading: Message; value: (entry: AuditEntry) => string }[] = [
  { heading: msg('time'), value: (entry) => entry.createdAt.toISOString() },
  { heading: msg('who'), value: (entry) => entry.actorName ?? (entry.byDirectory ? 'SCIM' : entry.bySingleSignOn ? 'SSO' : '') },
  { heading: msg('action'), value: (entry) => entry.action },
  { heading: msg('target type'), value: (entry) => entry.targetType },
  { heading: msg('target id'), value: (entry) => entry.targetId ?? '' },
  { heading: msg('what'), value: (entry) => entry.summary },
  { heading: msg('before'), value: (entry) => (entry.before ? JSON.stringify(entry.before) : '') },
  { heading: msg('after'), value: (entry) => (entry.after ? JSON.stringify(entry.after) : '') },
];

export const auditCsv = (entries: AuditEntry[]): string =>
  csvText(
    auditColumns.map((column) => say(column.heading)),
    entries.map((entry) => auditColumns.map((column) => column.value(entry))),
    csvDialects[currentLanguage()],
  );
