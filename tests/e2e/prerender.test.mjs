// Prerendered pages: every page is a real HTML document, readable with scripts off, with its
// own head; the app takes it over without redrawing it (nothing moves, no warnings); earlier
// links land on the right page; a page whose data files have changed since the build is drawn
// afresh from the new files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

test('with scripts off, the framework, an indicator and About are readable and their links work', async () => {
  const page = await app.page({ width: 390, height: 844 }, { javaScriptEnabled: false });
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('heading', { level: 1, name: /social cohesion strategic framework/ }).waitFor();
  // The note says what needs scripts, and only that.
  assert.match(await page.locator('p.noscript').textContent(), /^Filters, chart downloads, .* its charts, its tables and its links\.$/);
  // A part of the diagram is a real link to its own page, which shows the part in full.
  await page.locator('svg.diagram-svg:visible [data-part="strategic.vision"]').click();
  await page.waitForURL('**/framework/strategic/strategic.vision');
  await page.getByRole('heading', { level: 2, name: /All people, whānau and communities thrive/ }).waitFor();
  await page.getByText('This vision provides a vivid, ambitious picture').first().waitFor();
  // The text version is a page of its own.
  await page.getByRole('link', { name: 'Text', exact: true }).click();
  await page.waitForURL('**/framework/strategic/text');
  await page.getByRole('heading', { level: 2, name: 'Guiding principles' }).waitFor();

  await page.goto(app.origin + '/indicators/trust_police');
  await page.getByRole('heading', { level: 1, name: 'Trust in the police' }).waitFor();
  const cells = await page.locator('table.data-table').first().locator('tbody td').allTextContents();
  assert.ok(cells.some((c) => /out of 10/.test(c)), `the numbers are in the page: ${cells.join(' | ')}`);
  // The chart too, as the build drew it.
  assert.match(await page.locator('#time-series .chart-picture:visible').textContent(), /Everyone/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL('**/about');
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  // The language link is a link too.
  await page.getByRole('link', { name: 'Te reo Māori' }).click();
  await page.waitForURL('**/mi/about');
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  await page.close();
});

test('each page has its own title, description, canonical link, languages and Open Graph tags', async () => {
  const page = await app.page({ width: 390, height: 844 }, { javaScriptEnabled: false });
  const seen = new Set();
  for (const [route, title] of [
    ['/indicators/trust_police', 'Trust in the police · Cohesion Explorer'],
    ['/mi/indicators', 'Ngā tūtohu · Cohesion Explorer'],
    ['/framework/focus', 'Focus areas · Cohesion Explorer'],
    ['/about', 'About · Cohesion Explorer'],
  ]) {
    await page.goto(app.origin + route);
    assert.equal(await page.title(), title, route);
    const head = await page.evaluate(() => ({
      description: document.querySelector('meta[name=description]')?.content,
      canonical: document.querySelector('link[rel=canonical]')?.href,
      ogTitle: document.querySelector('meta[property="og:title"]')?.content,
      ogUrl: document.querySelector('meta[property="og:url"]')?.content,
      alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.hreflang),
    }));
    assert.ok(head.description?.length > 30, `${route}: ${head.description}`);
    assert.ok(!seen.has(head.description), `${route} has its own description`);
    seen.add(head.description);
    assert.ok(head.canonical.endsWith(route), `${route}: ${head.canonical}`);
    assert.equal(head.ogUrl, head.canonical);
    assert.equal(head.ogTitle, title);
    assert.deepEqual(head.alternates, ['en', 'mi', 'x-default']);
  }
  // An embed points to the full page and stays out of search.
  await page.goto(app.origin + '/embed/indicators');
  assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
  assert.ok((await page.locator('link[rel=canonical]').getAttribute('href')).endsWith('/indicators'));
  await page.close();

  const robots = await readFile('dist/robots.txt', 'utf8');
  assert.match(robots, /Sitemap: .*\/sitemap\.xml/);
  const sitemap = await readFile('dist/sitemap.xml', 'utf8');
  for (const path of ['/framework/strategic</loc>', '/mi/indicators/trust_police</loc>', '/about</loc>']) {
    assert.ok(sitemap.includes(path), path);
  }
});

/** Holds the app back so the prerendered page can be measured, then lets it take over. */
async function beforeAndAfter(page, url, selectors) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.gotoServed(url, { waitUntil: 'load' });
  const box = (s) => page.locator(s).first().boundingBox();
  const boxes = async () => Object.fromEntries(await Promise.all(selectors.map(async (s) => [s, await box(s)])));
  const prerendered = await boxes();
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForTimeout(400);
  return { prerendered, taken: await boxes() };
}

for (const [route, selectors] of [
  ['/framework/strategic', ['main h1', 'svg.diagram-svg', '.framework-tabs']],
  ['/indicators/trust_police', ['main h1', '#time-series', 'table.data-table']],
  ['/profile', ['main h1', '#profile', '#composite']],
  ['/indicators', ['main h1', '.indicator-card']],
]) {
  test(`taking over ${route} moves nothing on a phone`, async () => {
    const page = await app.page({ width: 390, height: 844 });
    const { prerendered, taken } = await beforeAndAfter(page, app.origin + route, selectors);
    for (const s of selectors) {
      assert.ok(prerendered[s], `${s} is in the prerendered page`);
      assert.deepEqual(taken[s], prerendered[s], `${s} kept its place and size`);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}

test('every route, in both languages and embedded, is taken over with no error or warning', async () => {
  const page = await app.page({ width: 390, height: 844 });
  const routes = ['/', '/framework/strategic', '/framework/strategic/strategic.vision', '/framework/cef/text', '/framework/crosswalk',
    '/indicators', '/indicators/discrimination', '/profile', '/open-data', '/worksheet', '/about'];
  const problems = [];
  for (const prefix of ['', '/mi', '/embed', '/mi/embed']) {
    for (const route of routes) {
      const url = `${app.origin}${prefix}${route === '/' && prefix ? '' : route}`;
      page.consoleErrors.length = 0;
      page.consoleWarnings.length = 0;
      await page.goto(url);
      // Still the page it was served (taking over is not redrawing).
      const prerendered = await page.evaluate(() => !!document.getElementById('ce-page'));
      if (!prerendered) problems.push(`${url}: the page record is gone`);
      for (const m of [...page.consoleErrors, ...page.consoleWarnings]) problems.push(`${url}: ${m}`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('earlier links with parameters land on the page they meant', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators/trust_police?lang=mi');
  await page.waitForURL('**/mi/indicators/trust_police');
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');

  await page.goto(app.origin + '/indicators?embed=1&theme=dark');
  await page.waitForURL('**/embed/indicators?theme=dark');
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');

  // A part chosen by an earlier link's parameter is selected once the app runs.
  await page.goto(app.origin + '/framework/strategic?node=strategic.vision');
  await page.getByRole('heading', { level: 2, name: /All people, whānau and communities thrive/ }).waitFor();
  assert.equal(where(page), '/framework/strategic?node=strategic.vision');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a page whose data changed since the build is drawn from the new files', async () => {
  const page = await app.page({ width: 390, height: 844 });
  const original = await readFile('dist/data/indicators/observations.csv', 'utf8');
  // An agency replaced the file without rebuilding: trust in the police is now 9.9 in 2023.
  const changed = original.replace(/^(trust_police,2023,total,[^,]*,)7\.4,/m, '$19.9,');
  assert.notEqual(changed, original, 'the test changes a figure');
  await page.route('**/data/indicators/observations.csv', (r) => r.fulfill({ status: 200, contentType: 'text/csv', body: changed }));
  await page.goto(app.origin + '/indicators/trust_police');
  await page.getByText('9.9 out of 10 in 2023').first().waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
