import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Language } from '@seatwise/schema';
import { areas as englishAreas, en } from '../src/i18n/en/index.js';
import { day, msg, render } from '../src/i18n/messages.js';
import { isPlural, pluralForms } from '../src/i18n/plural.js';
import { areas, sl } from '../src/i18n/sl/index.js';

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `msg(` followed by its literal text: the whole literal in group 2 or 3. */
const msgLiteral = /\bmsg\(\s*(?:(['"])((?:\\.|(?!\1)[^\\\n])*)\1|`((?:\\.|[^`\\$])*)`)/g;

/** Every `msg(...)` call of the API: its literal text, or the place where the text is not a literal. */
function messageCalls() {
  const texts = new Map<string, string>();
  const notLiteral: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\bmsg\(/g)) {
      const where = `${relative(SRC, file)}:${source.slice(0, call.index).split('\n').length}`;
      msgLiteral.lastIndex = call.index;
      const literal = msgLiteral.exec(source);
      if (!literal || literal.index !== call.index) notLiteral.push(where);
      else texts.set((literal[2] ?? literal[3]!).replace(/\\(.)/g, '$1'), where);
    }
  }
  return { texts, notLiteral };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join();
const suffixed = /^(.*)_(zero|one|two|few|many|other)$/s;

/** The texts of a message in one catalogue: the one text, or each plural form. */
function formsOf(catalogue: Readonly<Record<string, string>>, text: string, forms: readonly string[]) {
  return isPlural(text) ? forms.map((form) => catalogue[`${text}_${form}`]) : [catalogue[text]];
}

/** Two words in a row, outside HTML tags. */
const isSentence = (text: string) => /\p{L}{2,} \p{L}{2,}/u.test(text.replace(/<[^>]*>/g, ' '));
const logLevels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
/** The raw-SQL helpers of common/ (`execute`, `run`, `query`, `raw`): their text is SQL, not words. */
const sqlHelpers = new Set(['execute', 'run', 'query', 'raw']);

/**
 * String literals in the code that read like a sentence (two words and more), found in its syntax
 * tree: `msg()` texts, log lines (for operators, not people), raw SQL and GraphQL descriptions (the
 * contract's English documentation) are not sentences for people.
 */
function sentenceLiterals(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && (callee.text === 'msg' || sqlHelpers.has(callee.text))) return;
      if (ts.isPropertyAccessExpression(callee) && logLevels.has(callee.name.text)) return;
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'description') return;
    if (ts.isImportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isSentence(node.text)) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
      if (isSentence(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('scanned.ts', source, ts.ScriptTarget.Latest, true));
  return found;
}

/** Where mails, text messages and export headings are written: every word of theirs must come from the catalogues. */
const peopleFacingCode = [
  ...readdirSync(join(SRC, 'modules/mail')).map((name) => `modules/mail/${name}`),
  ...sourceFiles(join(SRC, 'modules'))
    .map((file) => relative(SRC, file))
    .filter((file) => /\.mails?\.ts$/.test(file)),
  'modules/identity/security-alerts.ts',
  'modules/identity/device.ts',
  'modules/identity/two-step/two-step.messages.ts',
  'http/exports.route.ts',
  'http/table-export.ts',
  'modules/audit/audit-csv.ts',
  'modules/users/import/import.service.ts',
];

describe('messages of the API in English and Slovenian', () => {
  const { texts, notLiteral } = messageCalls();

  it('finds the messages of the whole API, mails and export headings included', () => {
    expect(texts.size).toBeGreaterThan(250);
    for (const text of ['Hello {name},', 'Seats used', '{code} is your {brand} code. It expires in {count} minutes. Do not share it.']) {
      expect(texts.has(text)).toBe(true);
    }
  });

  it('writes every message as a literal text, so it can be looked up', () => {
    expect(notLiteral).toEqual([]);
  });

  it('has a Slovenian text for every message, every form of a plural one, with the same placeholders', () => {
    const missing = [...texts]
      .filter(([text]) => formsOf(sl, text, pluralForms.sl).some((form) => !form))
      .map(([text, where]) => `${where}: ${text}`);
    expect(missing).toEqual([]);
    const mismatched = [...texts.keys()].filter((text) => formsOf(sl, text, pluralForms.sl).some((form) => placeholders(form!) !== placeholders(text)));
    expect(mismatched).toEqual([]);
  });

  it('has an English text for every message: its own text, or the forms of a plural one', () => {
    const plurals = [...texts.keys()].filter(isPlural);
    expect(plurals.length).toBeGreaterThanOrEqual(10);
    expect(plurals.filter((text) => formsOf(en, text, pluralForms.en).some((form) => !form))).toEqual([]);
    expect(plurals.filter((text) => formsOf(en, text, pluralForms.en).some((form) => placeholders(form!) !== placeholders(text)))).toEqual([]);
    expect(plurals.filter((text) => en[`${text}_other`] !== text)).toEqual([]);
  });

  it('keeps no text that no message uses, and no plural form on a message without {count}', () => {
    const unused = (catalogue: Readonly<Record<string, string>>, forms: readonly string[]) =>
      Object.keys(catalogue).filter((key) => {
        const [, base, form] = suffixed.exec(key) ?? [];
        if (base !== undefined && texts.has(base)) return !isPlural(base) || !forms.includes(form!);
        return !texts.has(key) || isPlural(key);
      });
    expect(unused(sl, pluralForms.sl)).toEqual([]);
    expect(unused(en, pluralForms.en)).toEqual([]);
  });

  it('defines each text in one area only', () => {
    const twice: string[] = [];
    for (const catalogue of [areas, englishAreas]) {
      const seen = new Map<string, string>();
      for (const [area, entries] of Object.entries(catalogue)) {
        for (const text of Object.keys(entries)) {
          if (seen.has(text)) twice.push(`${text} (${seen.get(text)} and ${area})`);
          seen.set(text, area);
        }
      }
    }
    expect(twice).toEqual([]);
  });

  it('writes the Slovenian plural forms: 1 licenca, 2 licenci, 3 licence, 5 licenc', () => {
    const seats = (count: number, language: Language) =>
      render(msg('Only {count} seats of {subscription} are free; {wanted} were asked for.', { count, subscription: 'CAD', wanted: 200 }), language);
    expect(seats(1, Language.SL)).toBe('Pri naročnini CAD je prosta le 1 licenca. Število zahtevanih: 200.');
    expect(seats(2, Language.SL)).toBe('Pri naročnini CAD sta prosti le 2 licenci. Število zahtevanih: 200.');
    expect(seats(3, Language.SL)).toBe('Pri naročnini CAD so proste le 3 licence. Število zahtevanih: 200.');
    expect(seats(4, Language.SL)).toContain('so proste le 4 licence.');
    expect(seats(5, Language.SL)).toBe('Pri naročnini CAD je prostih le 5 licenc. Število zahtevanih: 200.');
    expect(seats(101, Language.SL)).toContain('je prosta le 101 licenca.');
    expect(seats(102, Language.SL)).toContain('sta prosti le 102 licenci.');
    expect(seats(1, Language.EN)).toBe('Only 1 seat of CAD is free; 200 were asked for.');
    expect(seats(2, Language.EN)).toBe('Only 2 seats of CAD are free; 200 were asked for.');
  });

  it('writes numbers as each language does, grouped from five digits', () => {
    const message = msg('A batch can hold at most {limit} operations; this one has {count}.', { limit: 10_000, count: 1500 });
    expect(render(message, Language.EN)).toBe('A batch can hold at most 10,000 operations; this one has 1500.');
    expect(render(message, Language.SL)).toBe('Skupinska zahteva ima 1500 operacij, kar je preveč. Največje dovoljeno število: 10.000.');
  });

  it('writes days and moments as each language does', () => {
    const until = msg('The link works until {day}. If you did not expect this message, you can ignore it.', { day: day('2026-12-03') });
    expect(render(until, Language.EN)).toBe('The link works until 3 December 2026. If you did not expect this message, you can ignore it.');
    expect(render(until, Language.SL)).toBe('Povezava deluje do 3. 12. 2026. Če tega sporočila niste pričakovali, ga lahko prezrete.');
    const when = msg('When: {when}', { when: new Date('2026-12-03T14:05:00Z') });
    expect(render(when, Language.EN)).toBe('When: 3 December 2026 at 14:05 UTC');
    expect(render(when, Language.SL)).toBe('Kdaj: 3. 12. 2026, 14:05 UTC');
  });

  it('fills placeholders in either language, and never reads a value as a placeholder', () => {
    const message = msg('The document has more than {limit} tokens: send a smaller query.', { limit: 5000 });
    expect(render(message, Language.EN)).toBe('The document has more than 5000 tokens: send a smaller query.');
    expect(render(message, Language.SL)).toBe('Dokument ima več žetonov, kot je dovoljeno (največ 5000): pošljite manjšo poizvedbo.');
    expect(render(msg('{field} {problem}', { field: 'events', problem: '{field} $t(x)' }), Language.SL)).toBe('Polje events: {field} $t(x)');
  });

  it('leaves no sentence outside the catalogues in mail, text-message and export code', () => {
    const sample = `const a = { subject: 'Reset your password', html: \`Hello \${name}, welcome to Seatwise\`, ok: msg('Kept in the catalogue') };
      log.info({ to }, 'mail sent to the peer');`;
    expect(sentenceLiterals(sample)).toEqual(['Reset your password', 'Hello …, welcome to Seatwise']);
    expect(sentenceLiterals('const page = `<p class="note">${text}</p>`;')).toEqual([]);
    expect(peopleFacingCode.length).toBeGreaterThan(10);
    const found = peopleFacingCode.flatMap((file) => sentenceLiterals(readFileSync(join(SRC, file), 'utf8')).map((literal) => `${file}: ${literal}`));
    expect(found).toEqual([]);
  });
});
