/**
 * Every visible string, one JSON file per area and language under `locales/<language>/`. Each file
 * owns its top-level keys (`users.json` holds `users`), so areas grow without touching each other.
 * A language is one chunk (`locales/<language>.ts`), fetched when it is first used.
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

const bundles = import.meta.glob<Tree>('./locales/*.ts', { import: 'default' });

export async function loadLanguage(language: string): Promise<Tree> {
  const load = bundles[`./locales/${language}.ts`];
  if (!load) throw new Error(`No translations for language "${language}".`);
  return load();
}
