#!/usr/bin/env node
// Prints the size of every JS and CSS file of the build (raw and gzipped) and fails when the
// JavaScript the first page load needs exceeds the budget (issue 5: 400 kB gzipped; bpmn-js and
// form-js must stay in lazy chunks). "Initial" means what index.html loads: its module scripts
// and the chunks it preloads; everything else is fetched only by a dynamic import.
//
//   node scripts/bundle-budget.mjs [outDir] [budgetKb]   (defaults: target/classes/static, 400)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = process.argv[2] ?? 'target/classes/static';
const budgetKb = Number(process.argv[3] ?? 400);
const budget = budgetKb * 1000;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref)="\/?([^"]+)"/g)].map((m) =>
    join(outDir, m[1]),
  ),
);
// attribute order varies: also catch href-before-rel links
for (const m of html.matchAll(/<link[^>]*\bhref="\/?([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g)) initial.add(join(outDir, m[1]));

const rows = files(outDir)
  .filter((path) => /\.(js|css)$/.test(path))
  .map((path) => {
    const content = readFileSync(path);
    return { path, raw: content.length, gzip: gzipSync(content).length, initial: initial.has(path) };
  })
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

const kb = (n) => `${(n / 1000).toFixed(2)} kB`.padStart(11);
console.log(`Bundle sizes (${outDir}):`);
console.log(`  ${'file'.padEnd(52)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)}  load`);
for (const r of rows) {
  console.log(`  ${relative(outDir, r.path).padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)}  ${r.initial ? 'initial' : 'lazy'}`);
}
const initialJs = rows.filter((r) => r.initial && r.path.endsWith('.js'));
const total = initialJs.reduce((sum, r) => sum + r.gzip, 0);
const lazyJs = rows.filter((r) => !r.initial && r.path.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0);
console.log(`Initial JavaScript: ${kb(total).trim()} gzipped in ${initialJs.length} file(s) (budget ${budgetKb} kB); lazy JavaScript: ${kb(lazyJs).trim()} gzipped.`);
if (initialJs.length === 0) {
  console.error('No initial JavaScript found in index.html: is this the build output?');
  process.exit(1);
}
if (total > budget) {
  console.error(`Initial JavaScript exceeds the budget: ${kb(total).trim()} > ${budgetKb} kB gzipped.`);
  process.exit(1);
}
