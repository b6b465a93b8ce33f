// Viewport-sized screenshots down the length of one page, for looking at a long page in
// readable pieces. node scripts/shoot-pages.mjs <route> <width>x<height> [pieces] [out-dir]
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';
import { mkdir } from 'node:fs/promises';

const [route = '/', size = '1280x800', pieces = '3', out = 'target/screenshots'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
await mkdir(out, { recursive: true });
const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width, height }, colorScheme: process.env.DARK ? 'dark' : 'light' });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
await page.goto(`http://127.0.0.1:${server.address().port}${route}`);
await page.waitForSelector('main h1, main [role=alert]', { timeout: 15000 });
await page.waitForTimeout(1200);
for (let i = 0; i < Number(pieces); i++) {
  await page.evaluate((y) => window.scrollTo(0, y), i * (height - 80));
  await page.waitForTimeout(200);
  const name = `${out}/${size}${route.replace(/[^a-z0-9]+/gi, '_')}-${i}.png`;
  await page.screenshot({ path: name });
  console.log(name);
}
await browser.close();
server.close();
