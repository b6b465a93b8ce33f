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

test('open the dashboard, filter by a dimension, open an indicator, add two groups, and the table and the download hold exactly the published rows', async () => {
  const page = await app.page();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('button', { name: /^All people, whānau/ }).waitFor();
  assert.ok(!requested.some((p) => p.endsWith('/echarts.js')), 'the framework view does not download ECharts');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: 'Recognition' });
  await page.waitForFunction(() => location.search === '?dimension=dimensions.recognition');
  const recognition = readFileSync('public/data/indicators/indicators.csv', 'utf8').split('\n').filter((l) => l.includes('dimensions.recognition')).length;
  await page.getByRole('status').filter({ hasText: `${recognition} indicators` }).waitFor();
  const headings = await page.locator('.overview-results h2:visible').allInnerTexts();
  assert.deepEqual(headings, ['Recognition'], 'only the chosen dimension is left');
  const cards = await page.locator('.overview-results .indicator-card:visible h3').allInnerTexts();
  assert.equal(cards.length, recognition);
  assert.deepEqual(cards.slice(0, 3), ['Experienced discrimination', 'Easy to be themselves', 'Comfortable with a neighbour with mental illness']);
  await page.getByRole('link', { name: 'Experienced discrimination', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Experienced discrimination in the last 12 months' }).waitFor();
  assert.equal(where(page), '/indicators/discrimination');

  await page.getByRole('checkbox', { name: 'Māori (ethnicity)' }).check();
  await page.waitForFunction(() => location.search.includes('groups='));
  await page.getByRole('checkbox', { name: 'Disabled people of working age (disability)' }).check();
  await page.waitForFunction(() => decodeURIComponent(location.search) === '?groups=ethnicity:Māori,disability:Disabled people of working age');
  assert.ok(requested.some((p) => p.endsWith('/echarts.js')), 'ECharts loads once the chart must show other groups than its picture');
  await page.locator('#time-series canvas').waitFor();

  const table = await page.getByRole('table', { name: 'The numbers in the chart' }).locator('tbody tr:not([hidden])').evaluateAll((rows) =>
    // A period cell may also say "series break" under the period.
    rows.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent.replace('series break', '').trim())));
  const expected = published('discrimination')
    .filter((r) => r.group_type === 'total' || r.group === 'Māori' || r.group === 'Disabled people of working age')
    .map((r) => [r.group_type === 'total' ? 'Everyone' : r.group, r.period, `${r.value}%`]);
  assert.deepEqual(table.slice().sort(), expected.slice().sort());

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download these numbers (CSV)' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(text[0], 'indicator_id,period,group_type,group,value,lower,upper,sample_size,flags,source,source_url,read_at,note');
  const downloaded = text.slice(1).map((l) => l.split(',').slice(0, 5));
  assert.deepEqual(downloaded.map((c) => [c[3] === 'Total' ? 'Everyone' : c[3], c[1], `${c[4]}%`]).sort(), expected.slice().sort());
  assert.match(await page.locator('#indicator-summary').innerText(), /^Experienced discrimination in the last 12 months: 20\.9% in 2021 \(worsened since 2018, not tested for significance\); Māori 29\.5% in 2021; Disabled people of working age 34\.9% in 2021\. The series breaks in 2014 \(the question, survey or population changed\), so no change is worked out across it\.$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('an indicator links to where it sits in the framework', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators/trust_people');
  await page.getByRole('link', { name: 'Proportion of people who trust in others' }).click();
  await page.waitForFunction(() => location.pathname === '/framework/strategic/strategic.indicator.people.trust_others');
  await page.getByRole('complementary', { name: 'Proportion of people who trust in others' }).waitFor();
  await page.locator('svg.diagram-svg:visible').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.close();
});

test('an unknown indicator says so', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/nope');
  await page.getByRole('heading', { level: 1, name: 'No indicator called “nope”' }).waitFor();
  await page.close();
});

test('the latest year by group, and the gaps to everyone, each with a table of exactly what is drawn', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators/discrimination');
  await page.getByRole('heading', { level: 2, name: 'By group, 2021' }).waitFor();
  await page.locator('#breakdown .chart-picture:visible').waitFor();
  const rows = (name) => page.getByRole('table', { name }).locator('tbody tr:not([hidden])').evaluateAll((trs) =>
    trs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  const bars = await rows('By group, 2021');
  const published2021 = published('discrimination').filter((r) => r.period === '2021');
  assert.deepEqual(bars.map((r) => [r[0], r[1]]), [['Everyone', '20.9%'], ['Sexual minorities', '38%'], ['Disabled people of working age', '34.9%'], ['Māori', '29.5%'], ['Canterbury', '19.2%']]);
  assert.equal(bars.length, published2021.length);
  const gaps = await rows('Gaps to everyone, 2021');
  assert.deepEqual(gaps.map((r) => [r[0], r[3], r[4]]), [
    ['Sexual minorities', '+17.1', '17.1 points worse than everyone'],
    ['Disabled people of working age', '+14', '14 points worse than everyone'],
    ['Māori', '+8.6', '8.6 points worse than everyone'],
    ['Canterbury', '-1.7', '1.7 points better than everyone'],
  ]);
  assert.match(await page.getByText(/^In 2021, 3 groups are behind everyone/).innerText(), /furthest behind is Sexual minorities: 17\.1 points worse than everyone\.$/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a chart shows from the first paint as the build drew it, in the page\'s look; ECharts loads only when the chart must change or is reached for', async () => {
  const page = await app.page({ width: 390, height: 844 });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.origin + '/indicators/trust_police');
  const picture = page.locator('#time-series .chart-picture:visible');
  await picture.waitFor();
  assert.equal(await page.locator('#time-series .chart-picture').count(), 4, 'drawn at a phone\'s width and a desktop\'s, in each look');
  assert.equal(await picture.getAttribute('data-width'), '340', 'the phone\'s picture on a phone');
  assert.equal(await page.locator('#time-series .chart-pictures:visible').getAttribute('data-look'), 'light');
  const drawn = await picture.evaluate((svg) => svg.textContent);
  assert.ok(drawn.includes('Everyone') && drawn.includes('2021') && drawn.includes('2023'), `the legend and the periods: ${drawn}`);
  const box = await page.locator('#time-series').boundingBox();
  const shown = await picture.boundingBox();
  assert.ok(Math.abs(shown.height - box.height) < 2, `the picture fills the box's height (${shown.height} of ${box.height})`);
  // Taken over and idle: no ECharts, no chart module.
  await page.waitForTimeout(500);
  assert.ok(!requested.some((p) => /\/(echarts\.js|charts_bg\.wasm)$/.test(p)), `nothing loaded for the chart: ${requested.join(' ')}`);
  // The pointer on the chart (for its tooltips): ECharts draws it in place of the picture.
  await page.locator('#time-series').hover();
  await page.locator('#time-series canvas').waitFor();
  assert.equal(await page.locator('#time-series .chart-picture').count(), 0, 'the picture gave way');
  assert.ok(requested.some((p) => p.endsWith('/echarts.js')));
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.consoleWarnings, []);
  await page.close();

  // In the dark look, the dark picture, and still no ECharts.
  const dark = await app.page({ width: 390, height: 844 }, { colorScheme: 'dark' });
  const darkRequests = [];
  dark.on('request', (r) => darkRequests.push(new URL(r.url()).pathname));
  await dark.goto(app.origin + '/indicators/trust_police');
  await dark.locator('#time-series .chart-picture:visible').waitFor();
  assert.equal(await dark.locator('#time-series .chart-pictures:visible').getAttribute('data-look'), 'dark');
  await dark.waitForTimeout(500);
  assert.ok(!darkRequests.some((p) => p.endsWith('/echarts.js')), 'the dark picture shows what the chart would');
  // The host's choice wins over the reader's: an embed asked to be light shows the light picture.
  await dark.goto(app.origin + '/embed/indicators/trust_police?theme=light');
  await dark.locator('#time-series .chart-picture:visible').waitFor();
  assert.equal(await dark.locator('#time-series .chart-pictures:visible').getAttribute('data-look'), 'light');
  assert.deepEqual(dark.consoleErrors, []);
  await dark.close();

  // A box far wider than either picture (a tablet's): ECharts draws at once.
  const wide = await app.page({ width: 768, height: 1024 });
  await wide.goto(app.origin + '/indicators/trust_police');
  await wide.locator('#time-series canvas').waitFor();
  assert.deepEqual(wide.consoleErrors, []);
  await wide.close();
});

test('each chart downloads as a PNG and an SVG', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/belonging_nz');
  // Only the build's picture is there: a download has ECharts draw the chart first.
  await page.locator('#time-series .chart-picture:visible').waitFor();
  const chart = page.locator('section', { has: page.getByRole('heading', { name: 'Over time' }) });
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download chart (PNG)' }).click()]);
  assert.equal(png.suggestedFilename(), 'belonging_nz-over-time.png');
  const bytes = readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(bytes.length > 5000, `a drawn image (${bytes.length} bytes)`);
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download chart (SVG)' }).click()]);
  assert.equal(svg.suggestedFilename(), 'belonging_nz-over-time.svg');
  const text = readFileSync(await svg.path(), 'utf8');
  assert.match(text, /^<svg /);
  assert.ok(text.includes('Everyone') && text.includes('2023'), 'the SVG holds the legend and the axis');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a period window is in the URL, narrows chart and table, and stays when groups change', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/belonging_nz');
  await page.getByRole('combobox', { name: 'From' }).selectOption('2021');
  await page.waitForFunction(() => location.search === '?from=2021');
  const periods = () => page.getByRole('table', { name: 'The numbers in the chart' }).locator('tbody tr:not([hidden]) td:nth-child(2)').allInnerTexts();
  assert.deepEqual(await periods(), ['2021', '2023']);
  await page.getByRole('checkbox', { name: 'Asian (ethnicity)' }).check();
  await page.waitForFunction(() => decodeURIComponent(location.search) === '?groups=ethnicity:Asian&from=2021');
  assert.deepEqual(await periods(), ['2021', '2023', '2023']);
  await page.reload();
  assert.equal(await page.getByRole('combobox', { name: 'From' }).inputValue(), '2021');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
