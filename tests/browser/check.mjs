// Checks every HTML page of a built site in Chromium:
//   - axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) in light mode, dark mode and at 320 px
//     width (= 1280 px at 400 % zoom): zero violations;
//   - at 320 px nothing scrolls sideways, and no table cell wraps inside a number or a word (a
//     table too wide scrolls in its own frame instead);
//   - no request leaves the site's own origin, nothing is blocked by the Content-Security-Policy,
//     no cookie is set.
// Usage: node check.mjs [SITE_DIR] [--jobs N] [--only /path/]...
// Prints every problem (rule, page, mode, element target and HTML) and exits 1 if there are any.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { htmlPages, launch, pool, serve } from './lib.mjs';

const argv = process.argv.slice(2);
let root = 'public';
let jobs = Math.max(2, availableParallelism());
const only = [];
let limit = Infinity;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--jobs') jobs = Number(argv[++i]);
  else if (argv[i] === '--only') only.push(argv[++i]);
  else if (argv[i] === '--limit') limit = Number(argv[++i]);
  else root = argv[i];
}
root = resolve(root);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Each page is loaded once and checked in every mode: the colour scheme and the window width are
// switched on the loaded page.
const MODES = [
  { name: 'light', width: 1280, colorScheme: 'light' },
  { name: 'dark', width: 1280, colorScheme: 'dark' },
  { name: '320px', width: 320, colorScheme: 'light', narrow: true },
];
const HEIGHT = 800;

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const pages = (only.length ? only : await htmlPages(root)).slice(0, limit);
const server = await serve(root);
const browser = await launch();
const problems = [];
const started = Date.now();
let checked = 0;

const seen = new Set();
function report(p) {
  // A blocked request is retried when the colour scheme changes: report it once.
  const key = p.nodes ? null : `${p.rule} ${p.page} ${p.detail}`;
  if (key && seen.has(key)) return;
  if (key) seen.add(key);
  problems.push(p);
}

/** At 320 px: whether the page scrolls sideways, and the innermost elements that stick out. */
function overflow() {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const width = root.clientWidth;
  const out = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 1 || r.left < -1);
  };
  const wide = [...document.body.querySelectorAll('*')]
    .filter((e) => out(e) && ![...e.children].some(out))
    .slice(0, 5)
    .map((e) => ({
      target: e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''),
      html: e.outerHTML.slice(0, 200),
    }));
  return { scrollWidth: root.scrollWidth, width, wide };
}

/** At 320 px: the numbers and words in table cells that are split over two lines. */
function splitInCells() {
  const split = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A number with its group separators (`1.200.000`, `1 200 000`), or a word.
      for (const m of node.data.matchAll(/\d[\d.,\u00a0\u202f ]*\d|[\p{L}\p{M}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push({ target: cell.tagName.toLowerCase(), html: `“${m[0]}” in ${cell.outerHTML.slice(0, 160)}` });
      }
    }
  }
  return split.slice(0, 5);
}

try {
  const context = await browser.newContext({
    viewport: { width: MODES[0].width, height: HEIGHT },
    reducedMotion: 'reduce',
  });
  // axe-core is put into every page by the browser's debugging protocol, which the page's
  // Content-Security-Policy does not govern; the pages themselves run no script.
  await context.addInitScript(axeSource);
  // One tab per worker, reused from page to page; `paths` holds the page each tab is on.
  const tabs = [];
  const paths = new Map();
  for (let i = 0; i < jobs; i++) {
    const tab = await context.newPage();
    tab.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(server.origin + '/') && !url.startsWith('data:')) {
        report({ rule: 'third-party-request', mode: 'load', page: paths.get(tab), detail: url });
      }
    });
    tab.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) {
        report({ rule: 'csp-violation', mode: 'load', page: paths.get(tab), detail: m.text() });
      }
    });
    tabs.push(tab);
  }
  await pool(pages, jobs, async (path) => {
    const tab = tabs.pop();
    paths.set(tab, path);
    try {
      await tab.emulateMedia({ colorScheme: MODES[0].colorScheme });
      const res = await tab.goto(server.origin + path, { waitUntil: 'load' });
      if (res?.status() !== 200) {
        report({ rule: 'http-status', mode: 'load', page: path, detail: String(res?.status()) });
        return;
      }
      // Start with the width the tab already has: one resize per page instead of two.
      const order = tab.viewportSize().width === MODES[2].width ? [MODES[2], MODES[0], MODES[1]] : MODES;
      for (const mode of order) {
        await tab.emulateMedia({ colorScheme: mode.colorScheme });
        if (tab.viewportSize().width !== mode.width) {
          await tab.setViewportSize({ width: mode.width, height: HEIGHT });
        }
        const result = await tab.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        for (const v of result.violations) {
          report({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            mode: mode.name,
            page: path,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
          });
        }
        if (mode.narrow) {
          const o = await tab.evaluate(overflow);
          if (o) {
            report({
              rule: 'horizontal-scroll',
              help: `the page is ${o.scrollWidth} px wide in a ${o.width} px window`,
              mode: mode.name,
              page: path,
              nodes: o.wide,
            });
          }
          const split = await tab.evaluate(splitInCells);
          if (split.length) {
            report({
              rule: 'table-cell-split',
              help: 'a number or word in a table cell breaks over two lines',
              mode: mode.name,
              page: path,
              nodes: split,
            });
          }
        }
        checked++;
      }
    } catch (e) {
      report({ rule: 'error', mode: '-', page: path, detail: String(e?.message ?? e) });
    } finally {
      tabs.push(tab);
    }
  });
  const cookies = await context.cookies();
  if (cookies.length) {
    report({ rule: 'cookie', mode: '-', page: '(any)', detail: cookies.map((c) => c.name).join(', ') });
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const secs = ((Date.now() - started) / 1000).toFixed(0);
if (problems.length) {
  for (const p of problems) {
    console.log(`\n✗ ${p.rule}${p.impact ? ` (${p.impact})` : ''} on ${p.page} [${p.mode}]${p.help ? `: ${p.help}` : ''}`);
    if (p.detail) console.log(`    ${p.detail}`);
    for (const n of p.nodes ?? []) {
      console.log(`    at ${n.target}\n       ${n.html}`);
      if (n.summary) console.log('       ' + n.summary.split('\n').join('\n       '));
    }
  }
  console.log(`\naxe: ${problems.length} problems in ${checked} page checks (${pages.length} pages × ${MODES.length} modes, ${secs} s)`);
  process.exit(1);
}
console.log(`axe: 0 violations in ${checked} page checks (${pages.length} pages × ${MODES.map((m) => m.name).join(', ')}; ${secs} s)`);
