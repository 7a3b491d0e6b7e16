import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Language } from '@seatwise/schema';
import { msg, render } from '../src/i18n/messages.js';
import { areas, sl } from '../src/i18n/sl/index.js';

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `msg(...)` call of the API: its literal text, or the place where the text is not a literal. */
function messageCalls() {
  const texts = new Map<string, string>();
  const notLiteral: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\bmsg\(\s*/g)) {
      const rest = source.slice(call.index + call[0].length);
      const literal = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1|^`((?:\\.|[^`\\$])*)`/.exec(rest);
      const where = `${relative(SRC, file)}:${source.slice(0, call.index).split('\n').length}`;
      if (!literal) notLiteral.push(where);
      else texts.set((literal[2] ?? literal[3]!).replace(/\\(.)/g, '$1'), where);
    }
  }
  return { texts, notLiteral };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages of the API in English and Slovenian', () => {
  const { texts, notLiteral } = messageCalls();

  it('finds the messages of the whole API', () => {
    expect(texts.size).toBeGreaterThan(150);
  });

  it('writes every message as a literal text, so it can be looked up', () => {
    expect(notLiteral).toEqual([]);
  });

  it('has a Slovenian text for every message, with the same placeholders', () => {
    const missing = [...texts].filter(([text]) => !sl[text]).map(([text, where]) => `${where}: ${text}`);
    expect(missing).toEqual([]);
    const mismatched = [...texts.keys()].filter((text) => sl[text] && placeholders(sl[text]).join() !== placeholders(text).join());
    expect(mismatched).toEqual([]);
  });

  it('keeps no Slovenian text that no message uses', () => {
    expect(Object.keys(sl).filter((text) => !texts.has(text))).toEqual([]);
  });

  it('defines each text in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, texts] of Object.entries(areas)) {
      for (const text of Object.keys(texts)) {
        if (seen.has(text)) twice.push(`${text} (${seen.get(text)} and ${area})`);
        seen.set(text, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('writes numbers as each language does, grouped from five digits', () => {
    const message = msg('A batch can hold at most {limit} operations; this one has {count}.', { limit: 10_000, count: 1500 });
    expect(render(message, Language.EN)).toBe('A batch can hold at most 10,000 operations; this one has 1500.');
    expect(render(message, Language.SL)).toContain('10.000');
  });

  it('fills placeholders in either language', () => {
    const message = msg('The document has more than {limit} tokens: send a smaller query.', { limit: 5000 });
    expect(render(message, Language.EN)).toBe('The document has more than 5000 tokens: send a smaller query.');
    expect(render(message, Language.SL)).toBe('Dokument ima več žetonov, kot je dovoljeno (največ 5000): pošljite manjšo poizvedbo.');
  });
});
