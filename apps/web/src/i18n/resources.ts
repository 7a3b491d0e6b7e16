/**
 * Every visible string, one JSON file per area and language under `locales/<language>/`. Each file
 * owns its top-level keys (`users.json` holds `users`), so areas grow without touching each other.
 * A language comes in two chunks, each fetched when first needed: `locales/<language>.ts`, the
 * areas of the pages before sign-in (`firstAreas`, all a first paint there needs), and
 * `locales/<language>.rest.ts`, every other area, which a signed-in screen loads with its code.
 */
export type Tree = { [key: string]: string | Tree };

/** One language's area files as one tree. */
export function merge(files: Record<string, Tree>): Tree {
  const merged: Tree = {};
  const owner: Record<string, string> = {};
  for (const [path, tree] of Object.entries(files)) {
    for (const [key, value] of Object.entries(tree)) {
      if (key in merged) throw new Error(`Translation key "${key}" is defined in both ${owner[key]} and ${path}.`);
      merged[key] = value;
      owner[key] = path;
    }
  }
  return merged;
}

/**
 * The areas `locales/<language>.ts` holds (its glob names them again, as globs are literals);
 * i18n.test.ts checks that the pages before sign-in use no key of another.
 */
export const firstAreas = ['common', 'identity', 'invite', 'outbox', 'playground', 'security', 'sign-in'] as const;

/** `first`: the areas of the pages before sign-in; `rest`: all others. */
export type StringsPart = 'first' | 'rest';

const bundles = import.meta.glob<Tree>('./locales/*.ts', { import: 'default' });

async function loadPart(language: string, part: StringsPart): Promise<Tree> {
  const load = bundles[`./locales/${language}${part === 'first' ? '' : '.rest'}.ts`];
  if (!load) throw new Error(`No translations for language "${language}".`);
  return load();
}

/** The given parts of one language as one tree. */
export async function loadStrings(language: string, parts: readonly StringsPart[]): Promise<Tree> {
  const trees = await Promise.all(parts.map((part) => loadPart(language, part)));
  return Object.assign({}, ...trees) as Tree;
}

/** Every string of one language. */
export function loadLanguage(language: string): Promise<Tree> {
  return loadStrings(language, ['first', 'rest']);
}
