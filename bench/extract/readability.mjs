// readability.mjs — Readability.js + jsdom over the pages given, timed
//
//   node readability.mjs URLS.json FILE.html…
//
// Prints "RESULT readability-js pages=N cpu=S wall=S maxrss_kb=K" (CPU of
// the extraction loop alone: reading the files is outside it).
// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const urls = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const files = process.argv.slice(3);
const pages = files.map(f => [readFileSync(f, 'utf8'), urls[basename(f, '.html')]]);
const quiet = new VirtualConsole();
let words = 0, failed = 0;
const c0 = process.cpuUsage(), w0 = process.hrtime.bigint();
for (const [html, url] of pages) {
  // a page jsdom or Readability throws on counts as done (and is counted)
  try {
    const dom = new JSDOM(html, { url: url || 'https://example.invalid/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article && article.textContent) words += article.textContent.length;
    dom.window.close();
  } catch (e) {
    failed++;
  }
}
const c = process.cpuUsage(c0), wall = Number(process.hrtime.bigint() - w0) / 1e9;
console.log(`RESULT readability-js pages=${pages.length} cpu=${((c.user + c.system) / 1e6).toFixed(4)} ` +
            `wall=${wall.toFixed(4)} maxrss_kb=${process.resourceUsage().maxRSS} chars=${words} failed=${failed}`);
