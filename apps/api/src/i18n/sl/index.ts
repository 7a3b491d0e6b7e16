import { common } from './common.js';
import { identity } from './identity.js';
import { people } from './people.js';
import { platform } from './platform.js';
import { vendor } from './vendor.js';

/**
 * Slovenian texts of the API's messages, keyed by their English text, one file per area. Texts
 * avoid agreeing a noun with a number in `{placeholders}` (Slovenian has four plural forms):
 * "Največje število: {max}." rather than "največ {max} vrstic".
 */
export const areas: Readonly<Record<string, Readonly<Record<string, string>>>> = { common, identity, people, platform, vendor };

export const sl: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(areas));
