import { createInstance, type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type Tree } from './resources';

const pluralSuffix = /_(one|two|few|other)$/;
const counts = [1, 2, 3, 5] as const;

/** Every plural key's base, with the area (its first segment) it belongs to. */
function pluralKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const path = `${prefix}${name}`;
    if (typeof value !== 'string') return pluralKeys(value, `${path}.`);
    return pluralSuffix.test(name) ? [path.replace(pluralSuffix, '')] : [];
  });
}

function leaf(tree: Tree, path: string): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Every {{variable}} of a key's forms but `count`, filled with a marker, so only `count` decides. */
function otherVariables(tree: Tree, key: string): Record<string, string> {
  const names = new Set<string>();
  for (const form of ['one', 'two', 'few', 'other']) {
    for (const match of (leaf(tree, `${key}_${form}`) ?? '').matchAll(/\{\{\s*(\w+)/g)) if (match[1] !== 'count') names.add(match[1]!);
  }
  return Object.fromEntries([...names].map((name) => [name, `‹${name}›`]));
}

/**
 * Issue 22, item 9: every area's counted sentences rendered with 1, 2, 3 and 5 in both languages.
 * Slovenian has four forms (ednina, dvojina, 3 and 4, 5 and more); each count must reach its own
 * form and show the number, and a few sentences are checked word for word.
 */
describe('counted sentences in English and Slovenian', () => {
  const trees: Record<'en' | 'sl', Tree> = { en: {}, sl: {} };
  let i18n: I18n;

  beforeAll(async () => {
    trees.en = await loadLanguage('en');
    trees.sl = await loadLanguage('sl');
    i18n = createInstance();
    await i18n.init({
      resources: { en: { translation: trees.en }, sl: { translation: trees.sl } },
      lng: 'en',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
  });

  it('reaches the form the language asks for with 1, 2, 3 and 5 in every area, and shows the number', () => {
    const problems: string[] = [];
    const areas = new Set<string>();
    for (const language of ['en', 'sl'] as const) {
      const rules = new Intl.PluralRules(language);
      const t = i18n.getFixedT(language);
      for (const key of new Set(pluralKeys(trees[language]))) {
        areas.add(key.split('.')[0]!);
        const variables = otherVariables(trees[language], key);
        for (const count of counts) {
          const form = rules.select(count);
          const template = leaf(trees[language], `${key}_${form}`);
          const text = t(key, { ...variables, count });
          if (template === undefined) {
            problems.push(`${language}: ${key} has no ${form} form for ${count}`);
            continue;
          }
          const expected = Object.entries({ ...variables, count: String(count) }).reduce(
            (sentence, [name, value]) => sentence.replace(new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, 'g'), value),
            template,
          );
          if (text !== expected) problems.push(`${language}: ${key} with ${count} reads "${text}", not its ${form} form "${expected}"`);
          // A sentence whose many-form shows the number shows it in the dual and the 3-and-4 form too
          // ("2 izbrani osebi", not "izbrani osebi"); only a singular may say it in words ("every minute").
          const otherForm = leaf(trees[language], `${key}_other`) ?? '';
          const showsNumber = form === 'one' ? template.includes('{{count}}') : otherForm.includes('{{count}}');
          if (showsNumber && !text.includes(String(count))) problems.push(`${language}: ${key} with ${count} does not show the number: "${text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Counted sentences come from many areas, not one.
    expect(areas.size).toBeGreaterThan(10);
  });

  it('writes Slovenian counts as Slovenian does: four forms, the adjective agreeing', () => {
    const sl = i18n.getFixedT('sl');
    const en = i18n.getFixedT('en');
    const read = (t: typeof sl, key: string, extra: Record<string, string> = {}) => counts.map((count) => t(key, { ...extra, count }));
    expect(read(sl, 'home.support.count')).toEqual(['1 odprt zahtevek', '2 odprta zahtevka', '3 odprti zahtevki', '5 odprtih zahtevkov']);
    expect(read(en, 'home.support.count')).toEqual(['1 open request', '2 open requests', '3 open requests', '5 open requests']);
    expect(read(sl, 'users.selected')).toEqual(['1 izbrana oseba', '2 izbrani osebi', '3 izbrane osebe', '5 izbranih oseb']);
    expect(read(sl, 'inviteMultiple.seatsFree')).toEqual(['1 prosta licenca', '2 prosti licenci', '3 proste licence', '5 prostih licenc']);
    expect(read(sl, 'profile.sessions.endedOthers')).toEqual(['Končana je 1 druga seja.', 'Končani sta 2 drugi seji.', 'Končane so 3 druge seje.', 'Končanih je 5 drugih sej.']);
    expect(read(sl, 'trials.daysLeft')).toEqual(['Še 1 dan', 'Še 2 dneva', 'Še 3 dnevi', 'Še 5 dni']);
  });
});
