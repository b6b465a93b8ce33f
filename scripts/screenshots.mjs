// Screenshots of the built app at phone and desktop sizes, for looking at, and a check that
// nothing scrolls sideways. node scripts/screenshots.mjs [out-dir] [route ...]
// BASE_URL=http://127.0.0.1:8080 takes them from a running server (scripts/serve.sh) instead of dist/.
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'target/screenshots';
const routes = process.argv.slice(3).length ? process.argv.slice(3) : ['/framework/strategic', '/framework/strategic?node=strategic.vision', '/framework/cef', '/framework/focus', '/framework/crosswalk', '/indicators', '/open-data', '/about'];
const sizes = [[1280, 800], [390, 844]];
await mkdir(out, { recursive: true });
const server = process.env.BASE_URL ? null : await startServer({ dir: 'dist' });
const base = process.env.BASE_URL ?? `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const [w, h] of sizes) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  for (const route of routes) {
    await page.goto(base + route);
    await page.waitForSelector('main h1, main [role=alert]', { timeout: 15000 });
    await page.waitForTimeout(300);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `${w}x${h}${route.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
    console.log(`${name}: scrollWidth ${wide}${wide > w ? ' (SCROLLS SIDEWAYS)' : ''}`);
  }
  await page.close();
}
await browser.close();
server?.close();
