import { contracts } from './contracts.js';
import { exports } from './exports.js';
import { identity } from './identity.js';
import { mail } from './mail.js';
import { people } from './people.js';
import { platform } from './platform.js';
import { notifications } from './notifications.js';
import { reclaim } from './reclaim.js';
import { reportExports } from './report-exports.js';

/**
 * English texts the message keys cannot carry themselves: the forms of plural messages, and the
 * few words whose English is shared by two Slovenian ones (a person's "Active" is Aktiven, a
 * subscription's Aktivna: keyed `Person status: Active`), one file per area as in `sl/`. Every other
 * message's English text is its key, the literal of its `msg()` call.
 */
export const areas: Readonly<Record<string, Readonly<Record<string, string>>>> = { identity, people, platform, mail, exports, contracts, notifications, reclaim, reportExports };

export const en: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(areas));
