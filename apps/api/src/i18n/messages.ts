import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { Language } from '@seatwise/schema';
import { sl } from './sl/index.js';

/** The values a message's `{name}` placeholders are filled with. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Words for people (errors a client may show): the English text with `{name}` placeholders, and
 * their values. It is rendered in the language of the request that receives it.
 */
export interface Message {
  readonly text: string;
  readonly values: MessageValues;
}

/**
 * A message to translate. `text` is always a string literal: the catalog test reads these calls
 * from the source and fails on any without a Slovenian text. Values stay out of the text
 * (`msg('Only {free} seats are free.', { free })`), so one entry covers them all.
 */
export const msg = (text: string, values: MessageValues = {}): Message => ({ text, values });

const catalogs: Record<Language, Readonly<Record<string, string>>> = { [Language.EN]: {}, [Language.SL]: sl };

/** Numbers as each language writes them, grouped from five digits: 1000, 10,000 and 10.000. */
const numbers: Record<Language, Intl.NumberFormat> = {
  [Language.EN]: new Intl.NumberFormat('en', { useGrouping: 'min2' }),
  [Language.SL]: new Intl.NumberFormat('sl', { useGrouping: 'min2' }),
};

/** The message in `language`; English where the catalog has no text (the test keeps it complete). */
export function render(message: Message, language: Language): string {
  const template = catalogs[language][message.text] ?? message.text;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!(name in message.values)) return placeholder;
    const value = message.values[name]!;
    return typeof value === 'number' ? numbers[language].format(value) : value;
  });
}

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
