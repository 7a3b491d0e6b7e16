import { audit } from './audit.js';
import { common } from './common.js';
import { contracts } from './contracts.js';
import { exports } from './exports.js';
import { identity } from './identity.js';
import { mail } from './mail.js';
import { people } from './people.js';
import { platform } from './platform.js';
import { notifications } from './notifications.js';
import { reclaim } from './reclaim.js';
import { reportExports } from './report-exports.js';
import { vendor } from './vendor.js';
import { catalogue } from './catalogue.js';
import { webhooks } from './webhooks.js';
import { productsSignIn } from './products-sign-in.js';
import { singleSignOn } from './single-sign-on.js';

/**
 * Slovenian texts of the API's messages, keyed by their English text, one file per area. A message
 * with `{count}` has all four Slovenian forms (`plural()`: 1 licenca, 2 licenci, 3 licence, 5 licenc);
 * other numbers stand where no noun agrees with them: "Največje število: {max}.".
 */
export const areas: Readonly<Record<string, Readonly<Record<string, string>>>> = { common, audit, identity, people, platform, mail, exports, vendor, catalogue, contracts, webhooks, productsSignIn, notifications, reclaim, reportExports, singleSignOn };

export const sl: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(areas));
