// Search on the built example site, in Chromium, as a reader uses it (issue 19):
//   - a Swedish word in another inflection than the text's, an Arabic word, a case number typed
//     otherwise than written, each finds its document; the results show kind, date and language;
//   - the kind and topic filters narrow the results;
//   - a closed agenda item's words find nothing, and an embargoed press release is found by none
//     of its words;
//   - axe-core finds no violation on a search page with its results (light, dark, 320 px), in a
//     left-to-right and a right-to-left language; the page is right-to-left in Arabic and Persian;
//   - no request leaves the site (the page's worker's neither), nothing trips the
//     Content-Security-Policy, no script error; only the search pages have a script;
//   - without script the page says where else to look.
// Usage: node search.mjs [SITE_DIR]; prints each failed check and exits 1 if there is one.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { htmlPages, launch, serve } from './lib.mjs';

const root = resolve(process.argv[2] ?? 'public');
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const MINUTES_SV = '/sv/minutes/barn-och-utbildningsnamnden/';
const MINUTES_DA = '/da/minutes/oresundsudvalget/';
const ROADWORKS_SV = '/sv/notices/school-transport-roadworks/';
const ROADWORKS_AR = '/ar/notices/school-transport-roadworks/';
const EMBARGOED_SV = '/sv/press/elevenkat-2026/';

const failures = [];
let passed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failures.push(`${what}${detail ? `\n    ${detail}` : ''}`);
}

const server = await serve(root);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  // axe-core comes in through the debugging protocol, which the page's policy does not govern.
  await context.addInitScript(axeSource);
  // Every request of every page and of its workers.
  const away = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(server.origin + '/') && !r.url().startsWith('data:')) away.push(r.url());
  });
  const tab = await context.newPage();
  const problems = [];
  tab.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  tab.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  tab.on('worker', (w) => w.on('console', (m) => /Refused to/i.test(m.text()) && problems.push(`worker: ${m.text()}`)));

  /** Opens a search page with `query` and waits for the search to end; its results. */
  async function search(path, params) {
    await tab.goto(`${server.origin}${path}?${new URLSearchParams(params)}`, { waitUntil: 'load' });
    await tab.waitForFunction(
      (texts) => {
        const s = document.querySelector('.search-status')?.textContent;
        return s && !texts.includes(s);
      },
      [await tab.getAttribute('#search-results', 'data-searching')],
      { timeout: 15000 },
    );
    return tab.evaluate(() => ({
      status: document.querySelector('.search-status').textContent,
      results: [...document.querySelectorAll('#search-results li')].map((li) => ({
        url: new URL(li.querySelector('a').href).pathname,
        title: li.querySelector('a').textContent,
        meta: li.querySelector('.meta').textContent,
        datetime: li.querySelector('time')?.getAttribute('datetime'),
      })),
    }));
  }
  const urls = (r) => r.results.map((x) => x.url);

  // A Swedish word inflected otherwise than in the text (which has "skolskjuts", "skolskjutsar").
  let r = await search('/sv/search/', { q: 'skolskjutsen' });
  check(urls(r).includes(ROADWORKS_SV), 'sv: "skolskjutsen" finds the roadworks notice', JSON.stringify(urls(r)));
  check(urls(r).includes(MINUTES_SV), 'sv: "skolskjutsen" finds the minutes', JSON.stringify(urls(r)));
  const notice = r.results.find((x) => x.url === ROADWORKS_SV);
  check(
    notice && notice.meta.includes('Meddelande') && notice.meta.includes('16 november 2026') && notice.meta.includes('Svenska') && notice.datetime === '2026-11-16',
    'sv: a result shows its kind, date and language',
    JSON.stringify(notice),
  );
  check(/\d/.test(r.status), 'sv: the status counts the results', r.status);

  // Filters: of the same words, only the minutes; a topic.
  r = await search('/sv/search/', { q: 'skolskjutsen', kind: 'minutes' });
  check(JSON.stringify(urls(r)) === JSON.stringify([MINUTES_SV]), 'sv: kind=minutes leaves only the minutes', JSON.stringify(urls(r)));
  check((await tab.inputValue('#search-kind')) === 'minutes', 'sv: the kind filter shows the choice in use');
  r = await search('/sv/search/', { q: 'skolskjutsen', topic: 'skolmat' });
  check(JSON.stringify(urls(r)) === JSON.stringify([MINUTES_SV]), 'sv: topic=skolmat leaves only the minutes', JSON.stringify(urls(r)));

  // An Arabic word (the text has "الحافلة" and "الحافلات"), in a right-to-left page.
  r = await search('/ar/search/', { q: 'حافلات' });
  check(urls(r).includes(ROADWORKS_AR), 'ar: "حافلات" finds the roadworks notice', JSON.stringify(urls(r)));
  check((await tab.getAttribute('html', 'dir')) === 'rtl', 'ar: the search page is right-to-left');

  // Case numbers, typed otherwise than written ("BUN-2026/318"), and a Danish KLE number.
  r = await search('/sv/search/', { q: 'bun 2026/318' });
  check(JSON.stringify(urls(r)) === JSON.stringify([MINUTES_SV]), 'sv: "bun 2026/318" finds exactly the minutes', JSON.stringify(urls(r)));
  r = await search('/da/search/', { q: '00.01.00-P35-4-26' });
  check(JSON.stringify(urls(r)) === JSON.stringify([MINUTES_DA]), 'da: "00.01.00-P35-4-26" finds exactly the minutes', JSON.stringify(urls(r)));

  // A closed item's words: nothing. The same minutes' open words: found (the check can fail).
  for (const q of ['Eskildsen', 'tjenestemand', 'offentliggøres']) {
    r = await search('/da/search/', { q });
    check(r.results.length === 0, `da: the closed item's "${q}" finds nothing`, JSON.stringify(urls(r)));
  }
  r = await search('/da/search/', { q: 'elevudveksling' });
  check(urls(r).includes(MINUTES_DA), 'da: an open item\'s "elevudveksling" finds the minutes', JSON.stringify(urls(r)));

  // The embargoed press release (published 15 January 2027): none of its words finds it.
  for (const q of ['Elevenkäten', 'trygga', 'Samir Haddad']) {
    r = await search('/sv/search/', { q });
    check(!urls(r).includes(EMBARGOED_SV), `sv: "${q}" does not find the embargoed press release`, JSON.stringify(urls(r)));
  }

  // Accessibility with results on the page, left-to-right and right-to-left.
  for (const [path, q] of [['/sv/search/', 'skolskjuts'], ['/fa/search/', 'مدرسه']]) {
    r = await search(path, { q });
    check(r.results.length > 0, `${path}: "${q}" finds something to check`, r.status);
    for (const mode of [{ name: 'light', width: 1280, colorScheme: 'light' }, { name: 'dark', width: 1280, colorScheme: 'dark' }, { name: '320px', width: 320, colorScheme: 'light' }]) {
      await tab.emulateMedia({ colorScheme: mode.colorScheme });
      await tab.setViewportSize({ width: mode.width, height: 800 });
      const axe = await tab.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }));
      check(axe.violations.length === 0, `${path} [${mode.name}]: axe finds no violation`, axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`).join('\n    '));
      const wide = await tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      check(!wide, `${path} [${mode.name}]: nothing scrolls sideways`);
    }
    await tab.emulateMedia({ colorScheme: 'light' });
    await tab.setViewportSize({ width: 1280, height: 800 });
  }
  check((await tab.getAttribute('html', 'dir')) === 'rtl', 'fa: the search page is right-to-left');

  check(away.length === 0, 'no request leaves the site', away.join('\n    '));
  check(problems.length === 0, 'no CSP violation or script error', problems.join('\n    '));
  await context.close();

  // Without script: the page says where to look instead, and shows no empty results.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(`${server.origin}/sv/search/?q=skolskjuts`);
  check(await p.isVisible('#search-without-script'), 'without script: the page says how to search with the lists and feeds');
  check(!(await p.isVisible('#search-results')), 'without script: no results section');
  await plain.close();
} finally {
  await browser.close();
  await server.close();
}

// Only the search pages carry a script; every other page stays without.
for (const path of await htmlPages(root)) {
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  const html = await readFile(file, 'utf8');
  const isSearch = /^\/[a-z]+\/search\/$/.test(path);
  if (isSearch !== html.includes('<script')) {
    failures.push(`${path}: ${isSearch ? 'a search page without its script' : 'a page with a script'}`);
  } else passed++;
}

for (const f of failures) console.log(`✗ ${f}`);
console.log(`search: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
