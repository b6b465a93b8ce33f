import { chromium } from 'playwright-core';
import { startServer, cspOf } from './static-server.mjs';
const server = await startServer({ dir: 'dist', headers: { 'content-security-policy': await cspOf('dist') } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const route of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(`http://127.0.0.1:${server.address().port}${route}`);
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 60000 });
  await page.waitForTimeout(4000);
  const r = await page.evaluate(() => ({ marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), lt: window.__lt }));
  console.log(route, JSON.stringify(r.marks), 'longtasks', JSON.stringify(r.lt));
  await page.close();
}
await browser.close(); server.close();
