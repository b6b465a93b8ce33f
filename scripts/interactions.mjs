// Interaction to next paint for the interactions that matter, on a mid-range phone: Chromium at
// 4x CPU slowdown, 390x844, the release build served as a host would (precompressed, with its
// policy). Each interaction's time is the Event Timing API's duration (input to the next
// paint, as INP counts it), the longest event of the interaction; each is run three times on a
// fresh page and the median is reported.
//   node scripts/interactions.mjs [dist]        (part of scripts/bench.sh)
import { chromium } from 'playwright-core';
import { startServer, cspOf } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const RUNS = 3;

/** [name, route, action(page)]; the diagram is drawn at every width and the one that fits shown. */
const INTERACTIONS = [
  ['select a diagram part', '/framework/strategic', (p) => p.locator('a.node[data-part="strategic.vision"]:visible').click()],
  ['select another part', '/framework/strategic/strategic.vision', (p) => p.locator('a.node:visible').nth(3).click()],
  ['change the lens', '/framework/strategic', async (p) => { await p.getByLabel('Lens').focus(); await p.keyboard.press('ArrowDown'); }],
  ['type in the search', '/indicators', (p) => p.locator('#filter-q').pressSequentially('tr', { delay: 120 })],
  ['change the grouping', '/indicators', (p) => p.getByRole('radio', { name: 'Outcome domain' }).check()],
  ['add a group', '/indicators/discrimination', (p) => p.locator('.group-picker input[type=checkbox]').first().check()],
  ['remove a group', '/indicators/discrimination?groups=ethnicity:M%C4%81ori', (p) => p.locator('.group-picker input[type=checkbox]:checked').first().uncheck()],
  ['change a profile weight', '/profile', async (p) => { await p.locator('#weight-0').focus(); await p.keyboard.press('ArrowRight'); }],
  ['untick a profile group', '/profile', (p) => p.locator('.group-picker input[type=checkbox]:checked').first().uncheck()],
];

/** Records every Event Timing entry (input to next paint) from the page's start. */
const OBSERVE = () => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ name: e.name, duration: e.duration, id: e.interactionId });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};

export async function measure(dirPath = dir) {
  const server = await startServer({ dir: dirPath, headers: { 'content-security-policy': await cspOf(dirPath) } });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const results = [];
  try {
    for (const [name, route, act] of INTERACTIONS) {
      const times = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await page.addInitScript(OBSERVE);
        await page.goto(origin + route);
        await page.waitForSelector('html[data-ready]');
        await page.waitForTimeout(1500); // charts drawn, the page quiet
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.evaluate(() => { window.__events = []; });
        await act(page);
        await page.waitForTimeout(1500);
        const events = await page.evaluate(() => window.__events);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        // An interaction's time is its longest event; typing is several interactions: the worst.
        const byInteraction = new Map();
        for (const e of events) byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
        times.push(byInteraction.size ? Math.max(...byInteraction.values()) : 0);
        await page.close();
      }
      times.sort((a, b) => a - b);
      results.push({ name, route, median: times[Math.floor(times.length / 2)], runs: times });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('interaction (4x CPU slowdown, 390x844)        INP ms: median of 3 (runs)');
  for (const r of await measure()) {
    console.log(`${r.name.padEnd(28)} ${r.route.padEnd(50)} ${String(Math.round(r.median)).padStart(5)}   (${r.runs.map(Math.round).join(', ')})`);
  }
}
