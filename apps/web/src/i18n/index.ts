import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { loadStrings, type StringsPart, type Tree } from './resources';

export const languages = ['en', 'sl'] as const;
export type UiLanguage = (typeof languages)[number];

/** Each language is offered under its own name, so these are the same in every UI language. */
export const languageNames: Record<UiLanguage, string> = { en: 'English', sl: 'Slovenščina' };

const storageKey = 'seatwise.language';

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language the person picked in this browser, if any. */
export function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): UiLanguage {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('sl')) ? 'sl' : 'en';
}

/** Switches the whole UI and remembers the choice in this browser. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode may refuse storage; the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
}

/**
 * Follows the language saved with the signed-in person, so a choice made on one device holds on
 * every other; this browser remembers it for its sign-in page too.
 */
export function adoptViewerLanguage(viewerLanguage: 'EN' | 'SL'): void {
  const language = viewerLanguage === 'SL' ? 'sl' : 'en';
  if (i18n.language !== language || storedLanguage() !== language) void chooseLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/**
 * Strings name the vendor's brand as `{{brand}}` (Seatwise itself only in "Powered by"): its name
 * is a default variable of every string, set before the first screen draws and again when the
 * Vendor console saves a new brand (`BrandedTheme`).
 */
export function nameBrandInStrings(name: string): void {
  const interpolation = (i18n.options.interpolation ??= {});
  if (interpolation.defaultVariables?.brand !== name) interpolation.defaultVariables = { ...interpolation.defaultVariables, brand: name };
}

/**
 * The parts of every language to load: at first the pages before sign-in's, all of them once a
 * signed-in screen asks (`loadAllStrings`). A language fetched later gets every part wanted by
 * then, including one asked for while it was on its way.
 */
const wanted = new Set<StringsPart>(['first']);

async function loadWanted(language: string): Promise<Tree> {
  let parts: StringsPart[] = [];
  let tree: Tree = {};
  while (parts.length < wanted.size) {
    const missing = [...wanted].filter((part) => !parts.includes(part));
    tree = { ...tree, ...(await loadStrings(language, missing)) };
    parts = [...parts, ...missing];
  }
  return tree;
}

let allStrings: Promise<void> | undefined;

/**
 * Every area's strings, in each language already loaded: a signed-in screen's route awaits it
 * beside its code (App.tsx), so it never draws a key or another language's string.
 */
export function loadAllStrings(): Promise<void> {
  allStrings ??= (async () => {
    await i18nReady;
    wanted.add('rest');
    const loaded = Object.keys(i18n.store.data);
    await Promise.all(
      loaded.map(async (language) => i18n.addResourceBundle(language, 'translation', await loadStrings(language, ['rest']), true, true)),
    );
  })();
  return allStrings;
}

const firstLanguage = storedLanguage() ?? browserLanguage();
// Asked for as this module runs, before the router asks for the first screen's chunks: i18next's
// own load waits a turn, and would queue behind those on the browser's few connections.
let firstStrings: Promise<Tree> | undefined = loadWanted(firstLanguage);

/** Resolves once the chosen language's strings are loaded: the app renders after that. */
export const i18nReady = i18n
  .use(
    resourcesToBackend((language: string) => {
      const early = language === firstLanguage ? firstStrings : undefined;
      firstStrings = undefined;
      return early ?? loadWanted(language);
    }),
  )
  .use(initReactI18next)
  .init({
    lng: firstLanguage,
    // Both languages have every key (i18n.test.ts), so a Slovenian page loads only Slovenian.
    fallbackLng: false,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
  });
