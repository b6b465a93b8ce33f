// The indicators overview: grouping, filters and search in the URL, sparklines, the empty
// state, and the error panel with its retry when the data cannot be fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, where } from './helpers.mjs';

/** How many indicators the app ships (one line each after the header). */
const SHIPPED = readFileSync('public/data/indicators/indicators.csv', 'utf8').trim().split('\n').length - 1;

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

test('grouping by outcome domain, searching, and a filter that matches nothing', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators');
  await page.getByRole('status').filter({ hasText: `${SHIPPED} indicators` }).waitFor();
  assert.deepEqual(await page.locator('.overview-results h2:visible').allInnerTexts(), ['Belonging', 'Inclusion', 'Participation', 'Recognition', 'Legitimacy']);
  await page.getByRole('radio', { name: 'Outcome domain' }).check();
  await page.waitForFunction(() => location.search === '?by=domains');
  const domains = await page.locator('.overview-results h2:visible').allInnerTexts();
  assert.equal(domains.length, 3, domains.join(' | '));
  assert.match(domains[2], /^Institutions/);

  await page.getByRole('searchbox', { name: 'Search' }).fill('maori');
  await page.waitForFunction(() => decodeURIComponent(location.search) === '?by=domains&q=maori');
  await page.getByRole('status').filter({ hasText: '31 indicators' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'maori', 'typing keeps its text and focus');
  assert.ok(await page.getByRole('searchbox', { name: 'Search' }).evaluate((e) => e === document.activeElement));

  await page.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
  await page.getByRole('status').filter({ hasText: 'No indicator matches these filters.' }).waitFor();
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await page.getByRole('status').filter({ hasText: `${SHIPPED} indicators` }).waitFor();
  assert.equal(where(page), '/indicators');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a shared filter link opens with its filters set, and cards carry a sparkline named by its values', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators?group=ethnicity');
  await page.getByRole('status').filter({ hasText: '16 indicators' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Figures for' }).inputValue(), 'ethnicity');
  const spark = page.getByRole('img', { name: /^Over time: 8\.6 out of 10 in 2016, 8\.6 out of 10 in 2021, 8\.2 out of 10 in 2023$/ });
  await spark.waitFor();
  assert.equal(await spark.locator('path').getAttribute('d').then((d) => d.split(/[ML]/).filter(Boolean).length), 3);
  await page.close();
});

test('when the data cannot be fetched the page says so, the rest works, and Try again recovers', async () => {
  const page = await app.page();
  let fail = true;
  await page.route('**/data/indicators/observations.csv', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(app.origin + '/indicators');
  const alert = page.getByRole('alert').filter({ hasText: 'The indicator data could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /observations\.csv/);
  assert.match(await alert.innerText(), /404/);
  await page.getByRole('heading', { name: 'Examples of what we can measure' }).waitFor();
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('status').filter({ hasText: `${SHIPPED} indicators` }).waitFor();
  await page.close();
});

test('the dimension profile: each group beside everyone on the same figures, counted, ranked only on more than one figure, in both languages', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/profile');
  await page.getByRole('heading', { level: 1, name: 'Five-dimension profile' }).waitFor();
  // The profile is the indicators' section's: its tab says so.
  assert.deepEqual(await page.locator('.site-header nav a[aria-current="page"]').allInnerTexts(), ['Indicators']);
  await page.locator('#composite .chart-picture:visible').waitFor();
  const table = page.getByRole('table', { name: /^Each group's index against everyone's on the same figures/ });
  // (The table holds every group's row; those without an index under the weights are hidden.)
  const index = () => table.locator('tbody tr:not([hidden])').evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  const equal = await index();
  assert.equal(equal.length, 10);
  // Group, its index, everyone's on the same figures, the difference, how many indicators, rank, how sure.
  assert.deepEqual(equal[0].slice(0, 6), ['Canterbury', '68.8', '69.6', '−0.8', '3', '1']);
  assert.match(equal[0][6], /^unknown: no published intervals$|^\d+( to \d+)?$/);
  assert.deepEqual(equal.find((r) => r[0] === 'European').slice(3, 6), ['0.0', '1 (one figure)', 'not ranked']);
  // Recognition only: each group on its one discrimination figure, against everyone's same figure.
  for (const name of ['Belonging', 'Inclusion', 'Participation', 'Legitimacy']) {
    const slider = page.getByRole('slider', { name });
    await slider.focus();
    await slider.press('Home');
  }
  await page.waitForFunction(() => location.search === '?w=0,0,0,1,0');
  const recognition = await index();
  assert.deepEqual(recognition.map((r) => r[0]), ['Canterbury', 'Māori', 'Disabled people of working age', 'Sexual minorities']);
  assert.deepEqual(recognition[1].slice(0, 6), ['Māori', '70.5', '79.1', '−8.6', '1 (one figure)', 'not ranked'], '100 − 29.5% experiencing discrimination, beside 100 − 20.9%');
  await page.getByText('With these weights, 4 of 4 groups rest on a single figure, too few to rank; their differences are in the table.').waitFor();
  await page.getByRole('button', { name: 'Reset to equal weights' }).click();
  await page.waitForFunction(() => location.search === '');
  assert.deepEqual(await index(), equal);
  await page.getByText(/^Like with like: each group is set beside everyone on the same figures/).waitFor();
  await page.getByText(/^How sure the ranking is: where a figure has a published 95% interval/).waitFor();
  // In te reo Māori: the same figures, the method in te reo.
  await page.goto(app.origin + '/mi/profile');
  await page.getByText(/^He rite ki te rite: ka whakanohoia ia rōpū/).waitFor();
  const mi = await page.locator('#index-heading ~ .table-scroll table tbody tr').first().evaluate((r) => [...r.children].slice(1, 4).map((c) => c.textContent.trim()));
  assert.deepEqual(mi, ['68.8', '69.6', '−0.8']);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
