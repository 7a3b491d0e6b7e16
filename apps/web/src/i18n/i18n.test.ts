import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstAreas, loadLanguage, loadStrings, type Tree } from './resources';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The forms each language needs, as `Intl.PluralRules` and i18next's JSON v4 suffixes name them (the API uses the same). */
const pluralForms = { en: ['one', 'other'], sl: ['one', 'two', 'few', 'other'] } as const;

/** Every key that exists as a string, as a dotted path, plural suffixes kept. */
function leavesOf(tree: Tree, prefix = ''): Set<string> {
  const leaves = new Set<string>();
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === 'string') leaves.add(`${prefix}${name}`);
    else for (const leaf of leavesOf(value, `${prefix}${name}.`)) leaves.add(leaf);
  }
  return leaves;
}

/** Every key as a dotted path, with plural forms folded into their base key. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [name, value] of Object.entries(tree)) {
    const path = `${prefix}${name}`;
    if (typeof value === 'string') keys.add(path.replace(pluralSuffix, ''));
    else for (const key of keysOf(value, `${path}.`)) keys.add(key);
  }
  return keys;
}

const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `t('a.b')`, `i18nKey="a.b"` and keys kept in tables such as `labelKey: 'a.b'`. */
const keyUse = /(?:\bt\(\s*|\w*Key[=:]\s*\{?\s*)['"`]([A-Za-z][\w.-]*)['"`]/g;

/** The source files `roots` import, themselves included, by static imports only (a dynamic one is a later chunk). */
function staticClosure(roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [statement, path] of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'(\.[^']*)'/gms)) {
      if (statement.startsWith('import type')) continue;
      const base = resolve(dirname(file), path!);
      const found = [`${base}.tsx`, `${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (found && !found.includes('/gql/')) visit(found);
    }
  };
  for (const root of roots) visit(join(srcDir, root));
  return [...seen];
}

const en = await loadLanguage('en');
const sl = await loadLanguage('sl');
const en_ = keysOf(en);
const sl_ = keysOf(sl);

describe('translations', () => {
  it('has every English key in Slovenian', () => {
    expect([...en_].filter((key) => !sl_.has(key))).toEqual([]);
  });

  it('has every Slovenian key in English', () => {
    expect([...sl_].filter((key) => !en_.has(key))).toEqual([]);
  });

  it('has every plural form of each language for every plural key, and no others', () => {
    const leaves = { en: leavesOf(en), sl: leavesOf(sl) };
    const plurals = new Set([...leaves.en, ...leaves.sl].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));
    expect(plurals.size).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const language of ['en', 'sl'] as const) {
      for (const key of plurals) {
        for (const form of pluralForms[language]) if (!leaves[language].has(`${key}_${form}`)) problems.push(`${language}: ${key}_${form} is missing`);
        if (leaves[language].has(key)) problems.push(`${language}: ${key} is plural, so it has forms instead of one text`);
      }
      for (const key of leaves[language]) {
        const form = pluralSuffix.exec(key)?.[1];
        if (form && !(pluralForms[language] as readonly string[]).includes(form)) problems.push(`${language}: ${key} is not a form of this language`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([name, value]) =>
        typeof value === 'string' ? (value.trim() ? [] : [`${prefix}${name}`]) : empty(value, `${prefix}${name}.`),
      );
    expect([...empty(en), ...empty(sl)]).toEqual([]);
  });

  it('defines every key the source uses', () => {
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(keyUse)) {
        used += 1;
        if (!en_.has(match[1]!)) missing.push(`${relative(srcDir, file)}: ${match[1]}`);
      }
    }
    expect(used).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('has in the first part of each language every key the pages before sign-in use', async () => {
    // What draws before a signed-in screen's route (App.tsx's `screen`) has brought the rest.
    const files = staticClosure([
      'main.tsx',
      'App.tsx',
      'ApolloRoot.tsx',
      'routes/sign-in/SignInPage.tsx',
      'routes/password/ForgotPasswordPage.tsx',
      'routes/password/ResetPasswordPage.tsx',
      'routes/outbox/OutboxPage.tsx',
      'routes/confirm-email/ConfirmEmailPage.tsx',
      'routes/invitation/AcceptInvitationPage.tsx',
    ]);
    expect(files.length).toBeGreaterThan(20);
    for (const language of ['en', 'sl']) {
      const first = await loadStrings(language, ['first']);
      const rest = await loadStrings(language, ['rest']);
      expect(Object.keys(first).length).toBeGreaterThan(10);
      expect(Object.keys(rest).some((area) => area in first)).toBe(false);
      const firstKeys = keysOf(first);
      const missing: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const [, key] of text.matchAll(keyUse)) if (!firstKeys.has(key!)) missing.push(`${language} ${relative(srcDir, file)}: ${key}`);
        // `t(\`apiErrors.${code}\`)`: the whole area must be there.
        for (const [, area] of text.matchAll(/\bt\(\s*`([A-Za-z]\w*)\./g)) if (!(area! in first)) missing.push(`${language} ${relative(srcDir, file)}: ${area}.…`);
      }
      expect(missing).toEqual([]);
    }
    // The globs of the two parts name the same areas as firstAreas.
    for (const part of ['en.ts', 'en.rest.ts', 'sl.ts', 'sl.rest.ts']) {
      expect(readFileSync(join(srcDir, 'i18n/locales', part), 'utf8')).toContain(`/{${firstAreas.join(',')}}.json'`);
    }
  });

  it("names the vendor's brand as {{brand}}, and Seatwise only in the small \"Powered by\"", () => {
    // Besides "Powered by": the API's default install folder of a package (install-packages.service.ts),
    // shown as the field's placeholder, and the server's command line, which keeps its name.
    const allowed = new Set(['brand.poweredBy', 'installPackages.defaultPath.WINDOWS', 'installPackages.defaultPath.LINUX', 'vendor.setup.invalid']);
    const strings = (tree: Tree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [[`${prefix}${name}`, value] as [string, string]] : strings(value, `${prefix}${name}.`)));
    for (const [language, tree] of [['en', en], ['sl', sl]] as const) {
      const named = strings(tree).filter(([key, text]) => /seatwise/i.test(text) && !allowed.has(key));
      expect(named.map(([key]) => `${language}: ${key}`)).toEqual([]);
      expect(strings(tree).filter(([, text]) => text.includes('{{brand}}')).length).toBeGreaterThan(10);
    }
    expect(strings(en).find(([key]) => key === 'brand.poweredBy')?.[1]).toBe('Powered by Seatwise');
    expect(strings(sl).find(([key]) => key === 'brand.poweredBy')?.[1]).toBe('Poganja Seatwise');
  });

  it('never ends a sentence right after the name of an account or customer, which may end in a full stop itself ("d.o.o.")', () => {
    const strings = (tree: Tree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [[`${prefix}${name}`, value] as [string, string]] : strings(value, `${prefix}${name}.`)));
    const organisation = /\{\{(account|accountName|customer|customerName|company)\}\}\./;
    expect(strings(en).filter(([, text]) => organisation.test(text)).map(([key]) => `en: ${key}`)).toEqual([]);
    expect(strings(sl).filter(([, text]) => organisation.test(text)).map(([key]) => `sl: ${key}`)).toEqual([]);
  });

  it('names every role and status', () => {
    for (const key of ['USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN']) expect(en_.has(`roles.${key}`)).toBe(true);
    for (const key of ['ACTIVE', 'INVITED', 'INACTIVE']) expect(en_.has(`statuses.${key}`)).toBe(true);
  });
});
