// Offline and flaky networks: after one visit online, every page opens with the server
// stopped (not only the browser's offline switch), charts drawn; a quiet note while offline; a
// page whose figures were never saved says so; a data update shows after the next online
// visit; a new build's version is offered, never forced; a person's own file is in no cache.
// Each test serves its own copy of the build, so it can stop or change it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, cspOf } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from './helpers.mjs';

let browser;
before(async () => { browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }); });
after(async () => { await browser.close(); });

/** A copy of the build, served on its own port (stopped with `stop`). */
async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'ce-offline-'));
  cpSync('dist', dir, { recursive: true });
  const server = await startServer({ dir, headers: { 'content-security-policy': await cspOf(dir) } });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    dir,
    origin,
    stop() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
    },
    // Stops the server too: one left listening keeps this file's process (and the run) alive.
    remove() {
      this.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page in a fresh context (its own service worker and caches), collecting errors. */
async function fresh() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return { context, page };
}

const ready = (page) => page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
const saved = (page) => page.waitForSelector('html[data-offline="saved"]', { state: 'attached', timeout: 30000 });

test('after one visit online, every page opens with the server stopped, with its charts', async () => {
  const s = await site();
  const { context, page } = await fresh();
  try {
    await page.goto(s.origin + '/framework/strategic');
    await ready(page);
    await saved(page);
    await page.goto(s.origin + '/indicators/trust_police');
    await page.locator('#time-series .chart-picture:visible').waitFor();
    s.stop();
    for (const [route, heading, chart] of [
      ['/framework/strategic', /social cohesion strategic framework/, null],
      ['/indicators', /^Indicators$/, null],
      // A saved page shows the build's picture of its chart; a page drawn from the offline
      // shell has ECharts (kept ahead by the worker, never loaded online) draw its charts.
      ['/indicators/trust_police', /^Trust in the police$/, '#time-series .chart-picture:visible'],
      ['/indicators/discrimination', /^Experienced discrimination/, '#breakdown canvas'],
      ['/profile', /profile/i, '#composite canvas'],
      ['/embed/indicators', /^Indicators$/, null],
      ['/mi/about', /Cohesion Explorer/, null],
      ['/about', /^About Cohesion Explorer$/, null],
    ]) {
      await page.goto(s.origin + route);
      await ready(page);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (chart) await page.locator(chart).waitFor();
    }
    assert.equal(await page.locator('.site-header').count(), 1);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    s.remove();
  }
});

test('offline, a quiet note says the figures are the saved ones; a page never saved says so, with a retry', async () => {
  const s = await site();
  // The indicator data is missing on this first visit, so only the framework data is saved.
  const observations = join(s.dir, 'data/indicators/observations.csv');
  const kept = readFileSync(observations);
  for (const suffix of ['', '.br', '.gz']) unlinkSync(observations + suffix);
  const { context, page } = await fresh();
  try {
    await page.goto(s.origin + '/about');
    await ready(page);
    await saved(page);
    writeFileSync(observations, kept);
    s.stop();
    await context.setOffline(true);
    await page.goto(s.origin + '/framework/strategic');
    await ready(page);
    // Said as soon as the page is up; dated once its figures are read from the saved copies.
    const note = page.locator('.offline-note').filter({ hasText: 'saved on this device on' });
    await note.waitFor();
    assert.match(await note.innerText(), /^You are offline\. The figures are the ones saved on this device on .+\.$/);
    await page.goto(s.origin + '/indicators');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /this page's figures have not been saved on this device yet/);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
  } finally {
    await context.close();
    s.remove();
  }
});

test('a data file changed on the server shows after the next online visit', async () => {
  const s = await site();
  const { context, page } = await fresh();
  try {
    await page.goto(s.origin + '/indicators/trust_police');
    await ready(page);
    await saved(page);
    await page.getByText('7.4 out of 10 in 2023').first().waitFor();
    // The agency publishes a new figure, without a rebuild.
    const file = join(s.dir, 'data/indicators/observations.csv');
    const changed = readFileSync(file, 'utf8').replace(/^(trust_police,2023,total,[^,]*,)7\.4,/m, '$19.9,');
    writeFileSync(file, changed);
    for (const suffix of ['.br', '.gz']) unlinkSync(file + suffix);
    // The next visit shows the saved figures at once and fetches the new ones for later...
    await page.goto(s.origin + '/indicators/trust_police');
    await ready(page);
    await page.waitForTimeout(1000);
    // ...which the visit after shows.
    await page.goto(s.origin + '/indicators/trust_police');
    await page.getByText('9.9 out of 10 in 2023').first().waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    s.remove();
  }
});

test('a new version is offered, not forced: reloading takes it', async () => {
  const s = await site();
  const { context, page } = await fresh();
  try {
    await page.goto(s.origin + '/about');
    await ready(page);
    await saved(page);
    // A new build: its worker differs from the one the page has.
    appendFileSync(join(s.dir, 'sw.js'), '\n// a new build\n');
    for (const suffix of ['.br', '.gz']) unlinkSync(join(s.dir, 'sw.js') + suffix);
    await page.goto(s.origin + '/about');
    await ready(page);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Cohesion Explorer is ready.' });
    await prompt.waitFor({ timeout: 30000 });
    // Still the page the person was reading until they choose.
    await page.waitForTimeout(500);
    assert.equal(new URL(page.url()).pathname, '/about');
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
    assert.equal(await page.locator('.update-prompt').isHidden(), true);
  } finally {
    await context.close();
    s.remove();
  }
});

test("a person's own file goes into no cache", async () => {
  const s = await site();
  const { context, page } = await fresh();
  try {
    await page.goto(s.origin + '/open-data');
    await ready(page);
    await saved(page);
    await page.locator('input[type=file]').setInputFiles({ name: 'my-observations.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') });
    await page.locator('.outcome').waitFor();
    // Their data is shown across the app, and still in no cache.
    await page.goto(s.origin + '/indicators/trust_people');
    await page.getByRole('region', { name: 'Your data', exact: true }).waitFor();
    const found = await page.evaluate(async () => {
      const hits = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (/my-observations/.test(request.url)) hits.push(request.url);
          const body = await (await cache.match(request)).text();
          if (body.includes('Our survey') || body.includes('Next town')) hits.push(`${name}: ${request.url}`);
        }
      }
      return hits;
    });
    assert.deepEqual(found, []);
  } finally {
    await context.close();
    s.remove();
  }
});
