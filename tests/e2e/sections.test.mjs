// One browser module per section (src/sections.rs): a page downloads its own section's module
// only; a link to another section loads that page as a page, a link inside the section does
// not; what a person chose before the module arrived still counts once it has; a person's own
// data goes with them from the data page to the indicator pages, for that tab only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, ready } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** The app modules (wasm) a page asked for, by section. */
function modulesOf(requested) {
  return requested
    .map((p) => p.match(/\/cohesion-explorer-(?:(indicators|profile|data)-)?[0-9a-f]{16}_bg\.wasm$/))
    .filter(Boolean)
    .map((m) => m[1] ?? 'framework');
}

test('each section downloads its own module; links across sections load the page, links within do not', async () => {
  const page = await app.page({ width: 390, height: 844 });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.origin + '/framework/strategic');
  assert.deepEqual(modulesOf(requested), ['framework']);

  // Inside the framework section: the same document.
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'About is drawn in place');

  // To the indicators: a page of its own, with the indicators' module.
  requested.length = 0;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await page.waitForURL('**/indicators');
  await ready(page);
  assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'another section is another page');
  assert.deepEqual(modulesOf(requested), ['indicators']);

  // Inside the indicators section again: drawn in place.
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByRole('link', { name: 'Trust in the police', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Trust in the police' }).waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assert.deepEqual(modulesOf(requested), ['indicators'], 'no second module');

  // Back goes back across the sections too.
  await page.goBack();
  await page.goBack();
  await page.waitForURL('**/about');
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.consoleWarnings, []);
  await page.close();
});

test('the profile and an embed load their own section module', async () => {
  for (const [path, section] of [['/profile', 'profile'], ['/mi/embed/indicators/trust_police', 'indicators'], ['/embed/framework/strategic', 'framework']]) {
    const page = await app.page({ width: 390, height: 844 });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(app.origin + path);
    assert.deepEqual(modulesOf(requested), [section], path);
    assert.deepEqual(page.consoleErrors, [], path);
    await page.close();
  }
});

test('a filter chosen before the module has arrived is applied once it has', async () => {
  // A page made here, not by app.page(): its `goto` must not wait for the app.
  const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/cohesion-explorer-indicators-[0-9a-f]{16}_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(app.origin + '/indicators');
  // The prerendered page: readable, its controls there, the app not yet running.
  await page.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: 'Recognition' });
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false);
  release();
  await ready(page);
  await page.waitForFunction(() => location.search === '?dimension=dimensions.recognition');
  const headings = await page.locator('.overview-results h2:visible').allInnerTexts();
  assert.deepEqual(headings, ['Recognition'], 'the early choice filters the cards');
  await page.close();
});

const MINE = { name: 'my-observations.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') };

test("a person's data goes from the data page to the indicator pages, survives a reload, and goes when removed or the tab is new", async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles(MINE);
  await page.getByRole('heading', { name: 'my-observations.csv: 5 rows read, 3 loaded, 2 with problems' }).waitFor();
  await page.getByText('Your data is kept in this browser tab only').waitFor();

  // Another section, another page: the data is read back there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await page.waitForURL('**/indicators');
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.waitFor();
  assert.match(await mine.innerText(), /6\.9 out of 10/);
  await page.reload();
  await mine.waitFor();
  // Its own indicator page, inside the section.
  await mine.getByRole('link', { name: 'Trust in most people' }).click();
  await page.getByRole('region', { name: 'Your data' }).getByText('my-observations.csv').first().waitFor();

  // Back on the data page: the same summary, problems with their lines and columns.
  await page.goto(app.origin + '/open-data');
  await page.getByRole('heading', { name: 'my-observations.csv: 5 rows read, 3 loaded, 2 with problems' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /my-observations\.csv, line 5, column 5: value: expected a number, found "twelve"/);

  // A new tab of its own (a new session) starts with none.
  const other = await app.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(app.origin + '/indicators');
  await ready(fresh);
  assert.equal(await fresh.getByRole('region', { name: 'Your data', exact: true }).count(), 0);
  await other.close();

  // Removed: gone from the other pages too.
  await page.getByRole('button', { name: 'Remove your data' }).click();
  await page.goto(app.origin + '/indicators');
  assert.equal(await page.getByRole('region', { name: 'Your data', exact: true }).count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a file the browser will not keep says it shows on the data page only', async () => {
  const page = await app.page({ width: 390, height: 844 });
  // A browser whose tab storage is full.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'cohesion-explorer.your-data') throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles(MINE);
  await page.getByRole('alert').filter({ hasText: 'too large for your browser to keep' }).waitFor();
  // The rows are still there to see and download on this page.
  await page.getByRole('region', { name: 'Your data, first rows' }).waitFor();
  await page.close();
});
