// The indicator page: from the dashboard to one indicator, adding groups, and checking that
// the table holds exactly the published rows and the download holds exactly the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** The shipped observations, as the published CSV has them. */
function published(indicator) {
  const [head, ...lines] = readFileSync('public/data/indicators/observations.csv', 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => {
    // Quoted fields may hold commas; the first five columns never do.
    const cells = l.split(',');
    return Object.fromEntries(cols.slice(0, 5).map((c, i) => [c, cells[i]]));
  }).filter((r) => r.indicator_id === indicator);
}

test('open an indicator, add two groups, and the table and the download hold exactly the published rows', async () => {
  const page = await app.page();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('button', { name: /^All people, whānau/ }).waitFor();
  assert.ok(!requested.some((p) => p.endsWith('/echarts.js')), 'the framework view does not download ECharts');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('link', { name: 'Experienced discrimination', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Experienced discrimination in the last 12 months' }).waitFor();
  assert.equal(where(page), '/indicators/discrimination');

  await page.getByRole('checkbox', { name: 'Māori (ethnicity)' }).check();
  await page.waitForFunction(() => location.search.includes('groups='));
  await page.getByRole('checkbox', { name: 'Disabled people of working age (disability)' }).check();
  await page.waitForFunction(() => decodeURIComponent(location.search) === '?groups=ethnicity:Māori,disability:Disabled people of working age');
  assert.ok(requested.some((p) => p.endsWith('/echarts.js')), 'ECharts loads with the first chart');
  await page.locator('#time-series canvas').waitFor();

  const table = await page.getByRole('table', { name: 'The numbers in the chart' }).locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent.trim())));
  const expected = published('discrimination')
    .filter((r) => r.group_type === 'total' || r.group === 'Māori' || r.group === 'Disabled people of working age')
    .map((r) => [r.group_type === 'total' ? 'Everyone' : r.group, r.period, `${r.value}%`]);
  assert.deepEqual(table.slice().sort(), expected.slice().sort());

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download these numbers (CSV)' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(text[0], 'indicator_id,period,group_type,group,value,lower,upper,sample_size,flags,source,source_url,note');
  const downloaded = text.slice(1).map((l) => l.split(',').slice(0, 5));
  assert.deepEqual(downloaded.map((c) => [c[3] === 'Total' ? 'Everyone' : c[3], c[1], `${c[4]}%`]).sort(), expected.slice().sort());
  assert.match(await page.locator('#indicator-summary').innerText(), /^Experienced discrimination in the last 12 months: 20\.9% in 2021 \(worsened since 2018, not tested for significance\); Māori 29\.5% in 2021; Disabled people of working age 34\.9% in 2021\.$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('an indicator links to where it sits in the framework', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators/trust_people');
  await page.getByRole('link', { name: 'Proportion of people who trust in others' }).click();
  await page.waitForFunction(() => location.search === '?node=strategic.indicator.people.trust_others');
  await page.getByRole('complementary', { name: 'Proportion of people who trust in others' }).waitFor();
  await page.locator('svg.diagram-svg').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.close();
});

test('an unknown indicator says so', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/nope');
  await page.getByRole('heading', { level: 1, name: 'No indicator called “nope”' }).waitFor();
  await page.close();
});
