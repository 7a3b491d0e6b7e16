import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The transaction boundary is one style (ARCHITECTURE.md): these checks read the API's sources. */
const root = fileURLToPath(new URL('../src', import.meta.url));
const sources = (readdirSync(root, { recursive: true }) as string[])
  .filter((path) => path.endsWith('.ts'))
  .map((path) => ({ path: relative(root, join(root, path)).replaceAll('\\', '/'), text: readFileSync(join(root, path), 'utf8') }));
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Each `inTransaction(outer, async (tx) => { body })` call: the names and the callback's body. */
function transactions(text: string) {
  const found: { outer: string; tx: string; body: string; line: number }[] = [];
  for (const match of text.matchAll(/inTransaction\(([\w{} ]+), async \((\w+)\) => \{/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < text.length) {
      const char = text[end++];
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
    }
    found.push({ outer: match[1]!.trim(), tx: match[2]!, body: text.slice(match.index + match[0].length, end - 1), line: lineOf(text, match.index) });
  }
  return found;
}

describe('one transaction boundary: inTransaction in a service method', () => {
  it('opens transactions only through common/transaction.ts', () => {
    const elsewhere = sources
      .filter(({ path }) => path !== 'common/transaction.ts')
      .flatMap(({ path, text }) => [...text.matchAll(/\.transactional\(|\.transaction\(|\bbegin\(\)/g)].map((match) => `${path}:${lineOf(text, match.index)}`));
    expect(elsewhere, 'use inTransaction(ctx, async (tx) => …) from common/transaction.ts').toEqual([]);
  });

  it('keeps resolvers and REST routes thin: the service method owns the transaction', () => {
    const outside = sources
      .filter(({ path }) => path.endsWith('.resolver.ts') || path.startsWith('http/') || path.startsWith('graphql/'))
      .filter(({ text }) => text.includes('inTransaction'))
      .map(({ path }) => path);
    expect(outside).toEqual([]);
  });

  it('writes inside a transaction only through its own context', () => {
    const calls = sources.flatMap(({ path, text }) => transactions(text).map((call) => ({ path, ...call })));
    expect(calls.length, 'the scan finds the transactions').toBeGreaterThan(30);
    const leaks = calls
      .filter(({ outer, body }) => outer !== '{ em }' && new RegExp(`(?<![\\w.])${outer}\\.em\\b|\\(${outer}[,)]`).test(body))
      .map(({ path, line, outer }) => `${path}:${line} uses ${outer} inside its transaction`);
    expect(leaks, 'inside inTransaction use tx (tx.em, recordAudit(tx, …)), never the outer context').toEqual([]);
    const nested = calls.filter(({ body }) => body.includes('inTransaction(')).map(({ path, line }) => `${path}:${line}`);
    expect(nested, 'one transaction per service method: no inTransaction inside another').toEqual([]);
  });
});
