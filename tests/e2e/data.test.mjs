// Indicator data: published figures with their sources, and a person's own files (CSV and
// SDMX-CSV) read in the browser, validated with file/line/column errors, and shown labelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

test('published figures show their latest value, change and source', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators');
  const card = page.locator('article.indicator-card', { has: page.getByRole('heading', { name: 'Trust in Parliament', exact: true }) });
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /4\.9 out of 10/);
  assert.match(text, /in 2023/);
  assert.match(text, /worsened since 2021: down 0\.8 \(not tested for significance: no intervals published\)/);
  assert.match(text, /Stats NZ, Wellbeing statistics: 2023/);
  assert.match(text, /CC BY 4\.0/);
  await card.getByRole('link', { name: 'Where it sits in the framework' }).click();
  await page.waitForFunction(() => location.pathname === '/framework/strategic/strategic.indicator.institutions.trust' && location.search === '');
  await page.getByRole('complementary', { name: /Levels of trust in public institutions/ }).waitFor();
  await page.close();
});

test('a person loads their own CSV: bad rows are named, good rows appear labelled as theirs', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/open-data');
  await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: 'my-observations.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') });
  await page.getByRole('heading', { name: 'my-observations.csv: 5 rows read, 3 loaded, 2 with problems' }).waitFor();
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, /my-observations\.csv, line 5, column 5: value: expected a number, found "twelve"/);
  assert.match(alert, /my-observations\.csv, line 6, column 1: unknown indicator "no_such_indicator"/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.waitFor();
  const text = await mine.innerText();
  assert.match(text, /Your data: my-observations\.csv/);
  assert.match(text, /6\.9 out of 10/);
  // Intervals were given, so the change was tested: 6.4 -> 6.9 with se 0.05 is significant.
  assert.match(text, /improved since 2019: up 0\.5\n/);
  // The published figures are still there, unlabelled.
  await page.getByRole('heading', { name: 'Trust in Parliament', exact: true }).waitFor();
  await page.close();
});

test('an SDMX-CSV export is imported through a mapping the person chooses', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: 'gss-sdmx.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/gss-sdmx.csv') });
  await page.getByText('gss-sdmx.csv is an SDMX-CSV export').waitFor();
  await page.getByRole('combobox', { name: 'Indicator it measures' }).selectOption({ label: 'Sense of belonging to New Zealand' });
  await page.getByRole('combobox', { name: 'Column with the population group' }).selectOption('ETHNICITY');
  await page.getByRole('textbox', { name: /Kind of group/ }).fill('ethnicity');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'gss-sdmx.csv: 3 rows read, 3 loaded, 0 with problems' }).waitFor();
  const rows = await page.getByRole('region', { name: 'Your data, first rows' }).innerText();
  assert.match(rows, /belonging_nz\s+2024\s+ethnicity\s+Māori\s+8\.6/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.close();
});

test('an empty file is refused with its name', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /empty\.csv: the file is empty/);
  await page.close();
});

test("a person's data also appears on the indicator's own page, labelled as theirs", async () => {
  const page = await app.page();
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: 'my-observations.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') });
  await page.getByRole('heading', { name: /my-observations\.csv: 5 rows read/ }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('region', { name: 'Your data' }).getByRole('link', { name: 'Trust in most people' }).click();
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.waitFor();
  assert.match(await mine.innerText(), /Your data: my-observations\.csv/);
  const text = (name) => mine.getByRole('table', { name }).locator('tbody tr').evaluateAll((trs) => trs.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(await text('Your data: my-observations.csv'), ['Everyone 2019 6.4 out of 10', 'Everyone 2024 6.9 out of 10']);
  // Their groups get the breakdown and the gap too, with the intervals they gave as whiskers.
  assert.deepEqual(await text('Your data: By group, 2024'), ['Everyone 6.9 out of 10 6.8 out of 10 to 7 out of 10 (95% confidence interval) Our survey', 'Our town 7.3 out of 10 7 out of 10 to 7.6 out of 10 (95% confidence interval) Our survey']);
  assert.deepEqual(await text('Your data: Gaps to everyone, 2024'), ['Our town 7.3 out of 10 6.9 out of 10 +0.4 0.4 points better than everyone']);
  await page.locator('#your-breakdown canvas').waitFor();
  const whiskers = await page.evaluate(() => window.echarts.getInstanceByDom(document.getElementById('your-breakdown')).getOption().series
    .filter((s) => s.name === 'published interval').map((s) => s.data));
  assert.equal(whiskers.length, 2, 'the whiskers: an invisible base at the lower end, the interval stacked on it');
  assert.deepEqual(whiskers[0], [6.8, 7]);
  assert.ok(Math.abs(whiskers[1][0] - 0.2) < 1e-9 && Math.abs(whiskers[1][1] - 0.6) < 1e-9, `widths ${whiskers[1]}`);
  // The published figures are on the same page, unlabelled.
  await page.getByRole('table', { name: 'The numbers in the chart' }).waitFor();
  await page.close();
});
