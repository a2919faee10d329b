// Screenshots of a built site for people to look at: the home page, the Arabic crisis notice, the
// Danish minutes and a press release, at phone (360 px) and desktop (1280 px) width, full page.
// Usage: node screenshots.mjs [SITE_DIR] [OUT_DIR] [--dark]
// Writes OUT_DIR/{name}-{360|1280}[-dark].png (OUT_DIR defaults to screenshots/ at the repository root).
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './lib.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const dark = args.includes('--dark');
const [siteArg, outArg] = args.filter((a) => !a.startsWith('--'));
const root = resolve(siteArg ?? join(repo, 'public'));
const out = resolve(outArg ?? join(repo, 'screenshots'));

const PAGES = [
  ['home', '/sv/'],
  ['crisis-notice-ar', '/ar/notices/schools-closed-water/'],
  ['minutes-da', '/da/minutes/oresundsudvalget/'],
  ['press-release-en', '/en/press/drinking-water-schools-closed/'],
];
const WIDTHS = [360, 1280];

await mkdir(out, { recursive: true });
const server = await serve(root);
const browser = await launch();
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 780 : 900 },
      deviceScaleFactor: 1,
      colorScheme: dark ? 'dark' : 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    for (const [name, path] of PAGES) {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      const file = join(out, `${name}-${width}${dark ? '-dark' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
