import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import i18next, { type FormatterModule } from 'i18next';
import { Language } from '@seatwise/schema';
import { en } from './en/index.js';
import { formatValue, type MessageValue } from './formats.js';
import { sl } from './sl/index.js';

export { day } from './formats.js';

/**
 * The values a message's `{name}` placeholders are filled with; `count` also picks the plural form.
 * A value may itself be a message (a role's name in an audit line), rendered in the same language.
 */
export type MessageValues = Readonly<Record<string, MessageValue | Message>>;

/**
 * Words for people (errors, mails, text messages, export headings): the English text with `{name}`
 * placeholders, and their values. It is rendered in the language of the request that receives it,
 * or of the person a mail goes to.
 */
export interface Message {
  readonly text: string;
  readonly values: MessageValues;
}

/**
 * A message to translate. `text` is always a string literal: it is the catalogue key and the English
 * text, and the catalogue test reads these calls from the source and fails on any without a
 * Slovenian text. Values stay out of the text (`msg('Only {count} seats are free.', { count })`), so
 * one entry covers them all; a `{count}` placeholder makes it a plural message (see `plural.ts`).
 */
export const msg = (text: string, values: MessageValues = {}): Message => ({ text, values });

/** Every placeholder goes through `formatValue`: numbers, days and moments as the language writes them. */
const formatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format: (value, _format, language) => formatValue(value, language === 'sl' ? Language.SL : Language.EN),
};

/**
 * The one i18next instance of the API, with the resources in memory (initialised synchronously).
 * Keys are whole English sentences, so neither `.` nor `:` separates anything; placeholders are
 * `{name}` (the SPA writes `{{name}}`, the plural suffixes are the same on both sides). Output is
 * plain text: the HTML part of a mail escapes it.
 */
const i18n = i18next.createInstance();
void i18n.use(formatter).init({
  resources: { en: { translation: en }, sl: { translation: sl } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'sl'],
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false, alwaysFormat: true, skipOnVariables: true },
});

const languageCodes: Record<Language, 'en' | 'sl'> = { [Language.EN]: 'en', [Language.SL]: 'sl' };

/** The message in `language`; English where the catalogue has no text (the test keeps it complete). */
export function render(message: Message, language: Language): string {
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, isMessage(value) ? render(value, language) : value]));
  return i18n.t(message.text, { ...values, lng: languageCodes[language], defaultValue: message.text });
}

const isMessage = (value: unknown): value is Message => typeof value === 'object' && value !== null && 'text' in value && 'values' in value;

const requestLanguage = new AsyncLocalStorage<Language>();

/**
 * Reads the language a client asks for in `Accept-Language` (the SPA sends its own UI language;
 * any API client may send one) and keeps it for the rest of the request: errors are written in it.
 * No supported language asked for means English.
 */
export const languageOfRequest: RequestHandler = (req, _res, next) => {
  const asked = req.headers['accept-language'] ? req.acceptsLanguages('en', 'sl') : false;
  requestLanguage.run(asked === 'sl' ? Language.SL : Language.EN, next);
};

/** The language of the request being served (English outside one). */
export const currentLanguage = (): Language => requestLanguage.getStore() ?? Language.EN;

/** The message in the language of the request being served. */
export const say = (message: Message): string => render(message, currentLanguage());
