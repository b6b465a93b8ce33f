// What a first visit downloads and how long it takes, per route, measured in Chromium against
// dist/ served with its precompressed files (as a CDN would serve them): when the page's own
// content is painted (first contentful paint; the page is prerendered, so this is when it is
// readable) and when the app has taken it over (usable: every control works).
//   node scripts/first-load.mjs        (part of scripts/bench.sh)
import { chromium } from 'playwright-core';
import { startServer, cspOf } from './static-server.mjs';

const ROUTES = [
  ['/framework/strategic', 'html[data-ready]'],
  ['/indicators', 'html[data-ready]'],
  // Its charts show from the first paint, as the build drew them (no ECharts until one changes).
  ['/indicators/discrimination', 'html[data-ready]'],
];
const server = await startServer({ dir: 'dist', headers: { 'content-security-policy': await cspOf('dist') } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
console.log('route                          transferred KB  requests  ECharts  painted  usable (ms, median of 5)');
for (const [route, ready] of ROUTES) {
  const times = [];
  const paints = [];
  let bytes = 0, requests = 0, echarts = false;
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext(); // a cold cache every time
    const page = await context.newPage();
    const sizes = [];
    page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => [r.url(), s.responseBodySize + s.responseHeadersSize])));
    const start = Date.now();
    await page.goto(`http://127.0.0.1:${server.address().port}${route}`);
    await page.locator(ready).first().waitFor({ state: 'attached' });
    times.push(Date.now() - start);
    paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    bytes = all.reduce((t, [, n]) => t + n, 0);
    requests = all.length;
    echarts = all.some(([u]) => u.endsWith('/echarts.js'));
    await context.close();
  }
  times.sort((a, b) => a - b);
  paints.sort((a, b) => a - b);
  console.log(`${route.padEnd(31)}${(bytes / 1024).toFixed(1).padStart(14)}  ${String(requests).padStart(8)}  ${echarts ? 'yes' : 'no '}  ${String(Math.round(paints[2])).padStart(7)}  ${String(times[2]).padStart(6)}`);
}
await browser.close();
server.close();
