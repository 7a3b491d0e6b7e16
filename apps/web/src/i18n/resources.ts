/**
 * Every visible string, one JSON file per area and language under `locales/<language>/`. Each file
 * owns its top-level keys (`users.json` holds `users`), so areas grow without touching each other.
 */
export type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

function load(language: string): Tree {
  const merged: Tree = {};
  const owner: Record<string, string> = {};
  for (const [path, tree] of Object.entries(files)) {
    if (!path.startsWith(`./locales/${language}/`)) continue;
    for (const [key, value] of Object.entries(tree)) {
      if (key in merged) throw new Error(`Translation key "${key}" is defined in both ${owner[key]} and ${path}.`);
      merged[key] = value;
      owner[key] = path;
    }
  }
  return merged;
}

export const en = load('en');
export const sl = load('sl');
