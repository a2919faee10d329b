// A crisis notice's own page on a phone (issue 16): at 360 × 800 px, in every language the
// notice is written in,
//   - the first line of the instruction (what the parent must do) is on the first screen;
//   - no crisis banner on the page links to the page itself;
//   - the language switcher follows the instruction, is shown (not collapsed away from screen
//     readers) and links to every translation;
//   - the page with everything it loads (stylesheet, images, once scrolled to the end so that
//     lazy images load too) weighs under 100 KB (issue 20), counted uncompressed as this server
//     sends it: a real server's gzip or Brotli only makes it lighter.
// Usage: node phone.mjs [SITE_DIR]. Prints each page's instruction position; exits 1 on a problem.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { htmlPages, launch, serve } from './lib.mjs';

const root = resolve(process.argv[2] ?? 'public');
const WIDTH = 360;
const HEIGHT = 800;
const WEIGHT_BUDGET = 100_000;

// The pages of crisis notices: documents whose article is marked `urgency-crisis`.
const pages = [];
for (const path of await htmlPages(root)) {
  if (!/^\/[^/]+\/notices\/[^/]+\/$/.test(path)) continue;
  const html = await readFile(join(root, path, 'index.html'), 'utf8');
  if (/<article class="document[^"]*urgency-crisis/.test(html)) pages.push(path);
}

/** On the loaded page: where the instruction's first line ends, and what the page gets wrong. */
function inspect() {
  const problems = [];
  const instruction = document.querySelector('.instruction');
  if (!instruction) return { problems: ['no instruction'] };
  // The first line box of the instruction's text: the rectangle of its first character.
  const text = document.createTreeWalker(instruction, NodeFilter.SHOW_TEXT, (n) =>
    n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  ).nextNode();
  const range = document.createRange();
  if (text) {
    const at = text.data.search(/\S/);
    range.setStart(text, at);
    range.setEnd(text, at + 1);
  }
  const first = text && [...range.getClientRects()].find((r) => r.height > 0);
  const bottom = first ? first.bottom + window.scrollY : Infinity;
  if (bottom > window.innerHeight) {
    problems.push(`the instruction's first line ends at ${Math.round(bottom)} px, below the first screen (${window.innerHeight} px)`);
  }
  for (const a of document.querySelectorAll('.crisis-banner a[href]')) {
    if (new URL(a.href).pathname === location.pathname) problems.push(`a crisis banner links to this page: ${a.outerHTML}`);
  }
  const nav = document.querySelector('nav.language-switcher');
  const translations = document.querySelectorAll('link[rel="alternate"][hreflang]').length;
  if (!nav) problems.push('no language switcher');
  else {
    if (!(instruction.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      problems.push('the language switcher comes before the instruction');
    }
    const links = [...nav.querySelectorAll('a[href]')].filter((a) => a.checkVisibility());
    if (links.length !== translations) problems.push(`the language switcher shows ${links.length} of ${translations} languages`);
    if (links.some((a) => !a.lang || !a.dir)) problems.push('a language link lacks lang or dir');
  }
  return { bottom: Math.round(bottom), problems };
}

const server = await serve(root);
const browser = await launch();
let failed = pages.length === 0;
if (failed) console.log('✗ no crisis notice page found');
try {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, isMobile: true, deviceScaleFactor: 2 });
  const tab = await context.newPage();
  // Bytes of every response's body, per page: what the phone downloads.
  let loaded = [];
  tab.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) loaded.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  for (const path of pages) {
    loaded = [];
    await tab.goto(server.origin + path, { waitUntil: 'load' });
    const { bottom, problems } = await tab.evaluate(inspect);
    // Scrolled to the end, every lazy image is fetched; then the network goes quiet.
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tab.waitForLoadState('networkidle');
    const weight = loaded.reduce((sum, r) => sum + r.bytes, 0);
    const images = loaded.filter((r) => /\.(webp|jpe?g|png|gif)$/.test(new URL(r.url).pathname));
    if (images.length === 0) problems.push('no image loaded (the crisis notice of the example has a map)');
    if (weight >= WEIGHT_BUDGET) {
      problems.push(`weighs ${weight} B with what it loads, over ${WEIGHT_BUDGET} B:`);
      for (const r of loaded) problems.push(`  ${r.bytes} B ${new URL(r.url).pathname}`);
    }
    console.log(`${problems.length ? '✗' : '✓'} ${path}: the instruction's first line ends at ${bottom} px of ${HEIGHT}; ${weight} B in ${loaded.length} files (${images.length} image)`);
    for (const p of problems) console.log(`    ${p}`);
    failed ||= problems.length > 0;
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`phone: ${pages.length} crisis notice pages at ${WIDTH} × ${HEIGHT} px`);
process.exit(failed ? 1 : 0);
