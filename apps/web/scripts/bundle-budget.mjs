#!/usr/bin/env node
// The SPA's first load: what index.html loads before any route's own chunk, i.e. the entry and
// its static imports (never its dynamic ones), with their CSS. Prints each file's gzip size and
// the total, and fails above the budget so CI notices when something heavy slips into the entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const budget = 150_000;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) throw new Error(`Expected one entry in the Vite manifest, found ${entries.length}.`);

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);

// index.html is what the browser reads: anything it references besides the entry graph counts too.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
for (const [, url] of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.(?:js|css))"/g)) files.add(url);

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let total = 0;
const rows = [...files].sort().map((file) => {
  const content = readFileSync(join(dist, file));
  const gzip = gzipSync(content, { level: 9 }).length;
  const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += gzip;
  return [file, kB(content.length), kB(gzip), kB(brotli)];
});

console.log('First load (index.html, its entry and the entry\'s static imports):');
console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const [file, raw, gzip, brotli] of rows) {
  console.log(`  ${file.padEnd(44)} ${raw.padStart(10)} ${gzip.padStart(10)} ${brotli.padStart(10)}`);
}
const verdict = total <= budget ? 'within' : 'OVER';
console.log(`First load: ${kB(total)} gzipped, ${verdict} the budget of ${kB(budget)}.`);
if (total > budget) process.exit(1);
