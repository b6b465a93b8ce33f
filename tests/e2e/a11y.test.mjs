// axe-core on every route, and in the states that change the page (a part selected with a
// lens on, the text version, a person's data loaded), at phone and desktop sizes: no
// violation of serious or critical impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, ready } from './helpers.mjs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const ROUTES = [
  '/framework/strategic',
  '/framework/strategic/strategic.principle.kotahitanga?lens=dimensions.belonging',
  '/framework/strategic/text',
  '/framework/strategic?fit=1',
  '/framework/dimensions/dimensions.belonging',
  '/framework/focus',
  '/framework/cef/cef.initiative.events',
  '/framework/cdc',
  '/framework/isw',
  '/framework/crosswalk',
  '/indicators',
  '/indicators/discrimination?groups=ethnicity:M%C4%81ori',
  '/indicators?by=domains&dimension=dimensions.belonging&q=trust',
  '/indicators?q=no-such-thing',
  '/indicators/belonging_nz',
  '/profile',
  '/profile?w=0,0,0,1,0',
  '/open-data',
  '/worksheet',
  '/about',
  '/no-such-page',
];

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every route's violations, each prefixed with its route, once the page has settled. */
async function violationsOn(page, routes) {
  const found = [];
  for (const route of routes) {
    await page.goto(app.origin + route);
    await ready(page);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    for (const v of await violations(page)) found.push(`${route}: ${v}`);
  }
  return found;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`no serious or critical axe violations at ${viewport.width}px`, async () => {
    const page = await app.page(viewport, { bypassCSP: true }); // axe is injected inline
    assert.deepEqual(await violationsOn(page, ROUTES), []);
    await page.close();
  });
}

test('no serious or critical axe violations in the dark colour scheme', async () => {
  const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', bypassCSP: true });
  const routes = ['/framework/strategic/strategic.vision', '/indicators', '/indicators/discrimination', '/profile', '/open-data'];
  assert.deepEqual(await violationsOn(page, routes), []);
  await page.close();
});

test('no serious or critical axe violations in te reo Māori, on every route, phone size', async () => {
  const page = await app.page({ width: 390, height: 844 }, { bypassCSP: true });
  const routes = ROUTES.map((r) => '/mi' + r);
  assert.deepEqual(await violationsOn(page, routes), []);
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  await page.close();
});

test('no serious or critical axe violations with a person\'s data loaded', async () => {
  const page = await app.page(undefined, { bypassCSP: true });
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') });
  await page.locator('.outcome').waitFor();
  assert.deepEqual(await violations(page), []);
  await page.goto(app.origin + '/indicators/trust_people');
  await page.getByRole('region', { name: 'Your data', exact: true }).waitFor();
  await page.locator('#your-gaps .chart-picture, #your-gaps canvas, #your-gaps svg').first().waitFor();
  assert.deepEqual(await violations(page), [], 'the indicator page with their breakdown and gaps');
  // The describe step, with a file of the person's own.
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: 'ade-names.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/owndata/ade-names.csv') });
  await page.getByRole('heading', { name: 'Check and describe' }).waitFor();
  assert.deepEqual(await violations(page), [], 'the describe step');
  await page.getByRole('button', { name: 'Show this measure' }).click();
  await page.locator('.outcome').getByRole('link', { name: 'Open its page' }).click();
  await page.getByText(/Your own measure, from ade-names\.csv/).waitFor();
  assert.deepEqual(await violations(page), [], "their own measure's page");
  await page.close();
});

test('no serious or critical axe violations with the embed dialog open, and in an embed', async () => {
  const page = await app.page({ width: 390, height: 844 }, { bypassCSP: true });
  await page.goto(app.origin + '/indicators/belonging_nz');
  await page.locator('main h1').first().waitFor();
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await page.getByRole('dialog', { name: 'Embed this view' }).waitFor();
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('Escape');
  await page.goto(app.origin + '/embed/indicators?theme=dark&accent=ffd54f');
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await violations(page), []);
  await page.close();
});
