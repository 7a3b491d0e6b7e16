/**
 * Plural forms in i18next's JSON v4 convention, the one the SPA's locale files use: a message whose
 * text has a `{count}` placeholder is looked up as `<text>_<form>`, the form chosen by
 * `Intl.PluralRules` for the count. English has `one` and `other`; Slovenian has `one` (1, 101),
 * `two` (2, 102), `few` (3, 4, 103) and `other` (5, 0, 100).
 */
export const pluralForms = { en: ['one', 'other'], sl: ['one', 'two', 'few', 'other'] } as const;

export type EnglishPlural = Record<(typeof pluralForms.en)[number], string>;
export type SlovenianPlural = Record<(typeof pluralForms.sl)[number], string>;

/** `{count}` in a message's text makes it a plural message. */
export const isPlural = (text: string): boolean => /\{count\}/.test(text);

/** Catalogue entries `<text>_one`, `<text>_two`, … for one message. */
export function plural(text: string, forms: EnglishPlural | SlovenianPlural): Record<string, string> {
  return Object.fromEntries(Object.entries(forms).map(([form, sentence]) => [`${text}_${form}`, sentence]));
}
