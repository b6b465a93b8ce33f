// The take-over of a page on a mid-range phone: Chromium at 4x CPU slowdown, 390x844, the
// release build served as a host would (precompressed, with its policy), a new page (and so an
// empty cache) for every run. For each route: when the page was ready (the app's `ce:ready`
// mark), its longest task, and how many tasks took over 50 ms (the budget: none), each the
// median of the runs with the minimum and maximum; then every run's marks and long tasks.
//   node scripts/take-over.mjs [--runs 3] [route ...]     (part of scripts/bench.sh)
import { chromium } from 'playwright-core';
import { startServer, cspOf } from './static-server.mjs';
import { ROUTES } from './lighthouse.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 3;
const routes = args.length ? args : ROUTES;
const LONG = 50;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const spread = (xs) => { const s = sorted(xs); return `${s[Math.floor(s.length / 2)]} (${s[0]}, ${s[s.length - 1]})`; };

const server = await startServer({ dir: 'dist', headers: { 'content-security-policy': await cspOf('dist') } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const details = [];
console.log(`take-over at 4x CPU slowdown, 390x844, ${runs} runs: median (min, max)`);
console.log(`${'route'.padEnd(30)} ${'ready ms'.padEnd(20)} ${'longest task ms'.padEnd(20)} tasks over ${LONG} ms`);
try {
  for (const route of routes) {
    const ready = [], longest = [], over = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
      await page.goto(`http://127.0.0.1:${server.address().port}${route}`);
      await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 60000 });
      await page.waitForTimeout(4000);
      const r = await page.evaluate(() => ({ marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), lt: window.__lt }));
      ready.push(r.marks.find(([name]) => name === 'ce:ready')?.[1] ?? NaN);
      longest.push(Math.max(0, ...r.lt.map(([, d]) => d)));
      over.push(r.lt.filter(([, d]) => d > LONG).length);
      details.push(`${route} run ${run + 1}: marks ${JSON.stringify(r.marks)} long tasks [start, ms] ${JSON.stringify(r.lt)}`);
      await context.close();
    }
    console.log(`${route.padEnd(30)} ${spread(ready).padEnd(20)} ${spread(longest).padEnd(20)} ${spread(over)}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\n${details.join('\n')}`);
