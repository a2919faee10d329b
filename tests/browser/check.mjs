// Checks every HTML page of a built site in Chromium:
//   - axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) in light mode, dark mode and at 320 px
//     width (= 1280 px at 400 % zoom): zero violations;
//   - at 320 px nothing scrolls sideways;
//   - no request leaves the site's own origin, nothing is blocked by the Content-Security-Policy,
//     no cookie is set.
// Usage: node check.mjs [SITE_DIR] [--jobs N] [--only /path/]...
// Prints every problem (rule, page, mode, element target and HTML) and exits 1 if there are any.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { htmlPages, launch, pool, serve } from './lib.mjs';

const argv = process.argv.slice(2);
let root = 'public';
let jobs = 3;
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
const MODES = [
  { name: 'light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  { name: '320px', viewport: { width: 320, height: 720 }, colorScheme: 'light', narrow: true },
];

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const pages = (only.length ? only : await htmlPages(root)).slice(0, limit);
const server = await serve(root);
const browser = await launch();
const problems = [];
const started = Date.now();
let checked = 0;

function report(p) {
  problems.push(p);
}

try {
  for (const mode of MODES) {
    const context = await browser.newContext({
      viewport: mode.viewport,
      colorScheme: mode.colorScheme,
      reducedMotion: 'reduce',
      javaScriptEnabled: true,
    });
    const tabs = await Promise.all(Array.from({ length: jobs }, () => context.newPage()));
    for (const tab of tabs) {
      tab.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(server.origin + '/') && !url.startsWith('data:')) {
          report({ rule: 'third-party-request', mode: mode.name, page: tab.url(), detail: url });
        }
      });
      tab.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) {
          report({ rule: 'csp-violation', mode: mode.name, page: tab.url(), detail: m.text() });
        }
      });
    }
    const free = [...tabs];
    await pool(pages, jobs, async (path) => {
      const tab = free.pop();
      try {
        const res = await tab.goto(server.origin + path, { waitUntil: 'load' });
        if (!res || (res.status() >= 400 && !path.endsWith('404.html'))) {
          report({ rule: 'http-status', mode: mode.name, page: path, detail: String(res?.status()) });
          return;
        }
        await tab.evaluate(axeSource);
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
          const overflow = await tab.evaluate(() => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const width = root.clientWidth;
            const wide = [...document.body.querySelectorAll('*')]
              .filter((e) => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 1 || r.left < -1);
              })
              .filter((e) => ![...e.children].some((c) => {
                const r = c.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 1 || r.left < -1);
              }))
              .slice(0, 5)
              .map((e) => ({ target: e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ').join('.') : ''), html: e.outerHTML.slice(0, 200) }));
            return { scrollWidth: root.scrollWidth, width, wide };
          });
          if (overflow) {
            report({
              rule: 'horizontal-scroll',
              help: `the page is ${overflow.scrollWidth} px wide in a ${overflow.width} px window`,
              mode: mode.name,
              page: path,
              nodes: overflow.wide,
            });
          }
        }
        checked++;
      } catch (e) {
        report({ rule: 'error', mode: mode.name, page: path, detail: String(e?.message ?? e) });
      } finally {
        free.push(tab);
      }
    });
    const cookies = await context.cookies();
    if (cookies.length) {
      report({ rule: 'cookie', mode: mode.name, page: '(any)', detail: cookies.map((c) => c.name).join(', ') });
    }
    await context.close();
  }
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
