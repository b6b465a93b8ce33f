// The deeper evidence as a reader meets it: a series break shown and never compared across,
// intervals with their level, the release and the page a figure was read at, periods that
// are not years, and the sentences the app writes in te reo Māori.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** The rows of the table called `name`: each cell's text. */
const cells = (page, name) => page.getByRole('table', { name }).locator('tbody tr:not([hidden])').evaluateAll((trs) =>
  trs.map((r) => [...r.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));

test('discrimination 2008 to 2021 is one indicator whose 2014 break is in the table and the summary, with no change across it', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators/discrimination');
  await ready(page);
  const rows = await cells(page, 'The numbers in the chart');
  assert.deepEqual(rows.map((r) => r[1]), ['2008', '2014 series break', '2016', '2018', '2021']);
  // The old wording's note is on the first figure after the break.
  assert.match(rows[1][4], /asked about discrimination in other words before 2014/);
  const summary = await page.locator('#indicator-summary').innerText();
  assert.match(summary, /The series breaks in 2014/);
  // Māori: 2010 (old wording) and 2021; the change shown is never one across the break.
  await page.goto(app.origin + '/indicators/discrimination?groups=ethnicity:M%C4%81ori');
  await ready(page);
  const maori = (await cells(page, 'The numbers in the chart')).filter((r) => r[0] === 'Māori');
  assert.deepEqual(maori.map((r) => r[1]), ['2010', '2021 series break']);
  assert.doesNotMatch(await page.locator('#indicator-summary').innerText(), /since 2010/);
  await page.locator('#time-series canvas').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('an interval says its level, and each figure links the release or, labelled, the page it was read at', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/racial_discrim_3plus_settings?groups=ethnicity:M%C4%81ori');
  await ready(page);
  const rows = await cells(page, 'By group, 2002/03');
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[2]]), [
    ['Māori', '4.5%', '3.2% to 5.8% (95% confidence interval)'],
    ['European', '0.5%', '0.3% to 0.7% (95% confidence interval)'],
  ]);
  await page.goto(app.origin + '/indicators/tereo_speak_fairly_well_maori');
  await ready(page);
  const teKupenga = await cells(page, 'By group, 2018');
  const young = teKupenga.find((r) => r[0] === '15-24');
  assert.equal(young[2], '18.8% to 23.1% (error bars; the release does not state their level)');
  // Read on Stats NZ's own site: the link is the release.
  const release = page.getByRole('table', { name: 'By group, 2018' }).getByRole('link', { name: 'the release' }).first();
  assert.equal(await release.getAttribute('href'), 'https://stats.govt.nz/news/1-in-5-maori-people-speak-te-reo-maori');
  // Read in a news story that quotes the release: the link says so.
  const secondary = page.getByRole('table', { name: 'The numbers in the chart' }).getByRole('link', { name: 'where it was read' });
  assert.match(await secondary.getAttribute('href'), /^https:\/\/twswa\.org\.nz\//);
  const about = await page.locator('dl.facts').innerText();
  assert.match(about, /Survey\s+Stats NZ, Te Kupenga \(Māori wellbeing survey\)/);
  assert.match(about, /Population\s+Māori aged 15 and over/);
  assert.match(about, /Source\s+Stats NZ Te Kupenga 2018 \(final\), via Stuff.*\(where it was read\)/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('periods that are not calendar years sort in time order and are labelled in each language', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/police_trust_confidence_high');
  await ready(page);
  const rows = await cells(page, 'The numbers in the chart');
  assert.deepEqual(rows.map((r) => r[1]), ['2021', 'year to Nov 2022', 'year to Oct 2023', 'year to Oct 2024']);
  await page.goto(app.origin + '/mi/indicators/police_trust_confidence_high');
  await ready(page);
  const mi = await page.locator('table.data-table').first().locator('tbody tr:not([hidden]) td:first-of-type').allInnerTexts();
  assert.deepEqual(mi.map((t) => t.trim()), ['2021', 'te tau ki Whiringa-ā-rangi 2022', 'te tau ki Whiringa-ā-nuku 2023', 'te tau ki Whiringa-ā-nuku 2024']);
  await page.goto(app.origin + '/indicators/racial_discrim_12m_nzhs');
  await ready(page);
  const health = await cells(page, 'The numbers in the chart');
  assert.deepEqual(health.map((r) => r[1]), ['2011/12', '2023/24']);
  assert.match(await page.locator('#indicator-summary').innerText(), /9\.1% in 2023\/24 \(worsened since 2011\/12/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('in te reo Māori the summary, group and gap sentences are the app\'s own words in te reo; only data text stays English, marked', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/mi/indicators/discrimination?groups=ethnicity:M%C4%81ori');
  await ready(page);
  const summary = page.locator('#indicator-summary');
  const said = await summary.innerText();
  assert.match(said, /20\.9% i 2021 \(kua kino ake mai i 2018, kāore i whakamātauria te hiranga\)/);
  assert.match(said, /He whati kei te raupapa i 2014/);
  // With the indicator's title and the group's name (data, English and marked) taken out,
  // no English the app writes is left.
  const own = await summary.evaluate((p) => {
    const copy = p.cloneNode(true);
    copy.querySelectorAll('[lang="en"]').forEach((e) => e.remove());
    return copy.textContent;
  });
  for (const english of ['since', 'worsened', 'not tested', 'in 2021', 'series', 'breaks']) {
    assert.ok(!own.includes(english), `"${english}" in: ${own}`);
  }
  assert.equal(await summary.locator('[lang="en"]').first().innerText(), 'Experienced discrimination in the last 12 months');
  const sentences = await page.locator('p.summary').allInnerTexts();
  assert.ok(sentences.some((s) => /^I 2021, 4 ngā rōpū he tatauranga ō rātou: ko te mea teitei rawa ko Sexual minorities \(38%\)/.test(s)), sentences.join(' | '));
  assert.ok(sentences.some((s) => /^I 2021, 3 ngā rōpū kei muri i te katoa; ko te mea kei muri rawa ko Sexual minorities: he 17\.1 ōrau te kino ake i te katoa\.$/.test(s)), sentences.join(' | '));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
