#!/usr/bin/env node
// The SPA's first load: what index.html loads before any route's own chunk, i.e. the entry and
// its static imports (never its dynamic ones), with their CSS. Then the sign-in page in full: that
// plus the root route (Apollo), the sign-in screen, the styles of the pages before sign-in and one
// language's first strings, the heavier of English and Slovenian. Prints each file's size and the
// totals, and fails above either budget so CI notices when something heavy slips in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const budgets = { firstLoad: 150_000, signInPage: 275_000 };
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) throw new Error(`Expected one entry in the Vite manifest, found ${entries.length}.`);

/** The files a chunk loads: itself, its CSS and its static imports, recursively. */
function closure(keys, files = new Set()) {
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest: has it moved? (scripts/bundle-budget.mjs)`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

const firstLoad = closure([entries[0][0]]);
// index.html is what the browser reads: anything it references besides the entry graph counts too.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
for (const [, url] of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.(?:js|css))"/g)) firstLoad.add(url);

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(join(dist, file));
    sizes.set(file, {
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(file);
}
const total = (files) =>
  [...files].map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const signInPages = ['en', 'sl'].map((language) => {
  const files = closure(['src/ApolloRoot.tsx', 'src/routes/sign-in/SignInPage.tsx', 'src/ui/publicScreenStyles.ts', `src/i18n/locales/${language}.ts`], new Set(firstLoad));
  return { language, files, size: total(files) };
});
const signInPage = signInPages.reduce((heaviest, page) => (page.size.gzip > heaviest.size.gzip ? page : heaviest));

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (name, size) => `  ${name.padEnd(48)} ${kB(size.raw).padStart(10)} ${kB(size.gzip).padStart(10)} ${kB(size.brotli).padStart(10)}`;
const header = `  ${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`;

console.log("First load (index.html, its entry and the entry's static imports):");
console.log(header);
for (const file of [...firstLoad].sort()) console.log(row(file, sizeOf(file)));
const later = [...signInPage.files].filter((file) => !firstLoad.has(file)).sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip);
console.log(`Then the sign-in page (${signInPage.language}), ${later.length} more files, the largest:`);
for (const file of later.slice(0, 8)) console.log(row(file, sizeOf(file)));

let over = false;
const verdict = (name, size, budget) => {
  over ||= size.gzip > budget;
  console.log(
    `${name}: ${kB(size.gzip)} gzipped (${kB(size.raw)} raw, ${kB(size.brotli)} brotli), ${size.gzip <= budget ? 'within' : 'OVER'} the budget of ${kB(budget)}.`,
  );
};
verdict('First load', total(firstLoad), budgets.firstLoad);
for (const page of signInPages) verdict(`Sign-in page in full (${page.language})`, page.size, budgets.signInPage);
if (over) process.exit(1);
