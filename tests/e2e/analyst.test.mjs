// For analysts and community working groups: a view's data downloads as CSV, SDMX-CSV and a
// Data Package, and each loads back on the Data page as the same rows; the profile says how
// much its ranking depends on the weights; the discussion worksheet keeps answers on the
// device only, downloads them with the questions, clears them on request and prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Loads a file on the Data page; returns what showing it came to (a measure's title and its
 * number of figures, and any rows that could not be used). */
async function loadBack(page, file, mimeType) {
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType, buffer: Buffer.from(file.text) });
  const outcome = page.locator('.outcome');
  await outcome.waitFor();
  return outcome.innerText();
}

const shippedRows = readFileSync('public/data/indicators/observations.csv', 'utf8').trim().split('\n').length - 1;

test('an indicator page downloads as SDMX-CSV and a Data Package, and each loads back as the same rows', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/discrimination?groups=ethnicity:M%C4%81ori');
  const table = page.locator('section.panel', { has: page.locator('#time-series') }).locator('table.data-table tbody tr:not([hidden])');
  await table.first().waitFor();
  const shown = await table.count();
  const downloads = page.getByRole('group', { name: 'Download this data' }).first();

  const sdmx = await download(page, downloads.getByRole('button', { name: 'SDMX-CSV' }));
  assert.equal(sdmx.name, 'discrimination.sdmx.csv');
  const [head, ...lines] = sdmx.text.trim().split('\n');
  assert.equal(head, 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,GROUP_TYPE,GROUP,TIME_PERIOD,OBS_VALUE,OBS_STATUS,LOWER_BOUND,UPPER_BOUND,SAMPLE_SIZE,FLAGS,SOURCE,SOURCE_URL,READ_AT,NOTE');
  assert.equal(lines.length, shown, 'one line per row of the table');
  assert.ok(lines.every((l) => l.startsWith('dataflow,COHESION_EXPLORER:OBSERVATIONS(1.0),I,discrimination,')));
  assert.ok(lines.some((l) => l.includes(',ethnicity,Māori,')) && lines.some((l) => l.includes(',_T,_T,')));

  await page.goto(app.origin + '/indicators/discrimination?groups=ethnicity:M%C4%81ori');
  const pkg = await download(page, page.getByRole('group', { name: 'Download this data' }).first().getByRole('button', { name: 'Data Package (JSON)' }));
  assert.equal(pkg.name, 'discrimination.datapackage.json');
  const json = JSON.parse(pkg.text);
  assert.equal(json.profile, 'tabular-data-package');
  assert.deepEqual(json.resources.map((r) => r.name), ['indicators', 'observations']);
  assert.equal(json.resources[1].data.length, shown);
  assert.deepEqual(json.resources[1].schema.primaryKey, ['indicator_id', 'period', 'group_type', 'group']);
  assert.ok(json.licenses.length > 0 && json.sources.length > 0);

  // Loaded back: every row, no problem, and the same numbers on the indicator's page.
  for (const [file, mime] of [[sdmx, 'text/csv'], [pkg, 'application/json']]) {
    const outcome = await loadBack(page, file, mime);
    assert.match(outcome, new RegExp(`^Experienced discrimination in the last 12 months: ${shown} figures\\.`), file.name);
    assert.doesNotMatch(outcome, /could not be used/);
  }
  await page.goto(app.origin + '/indicators/discrimination');
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.first().waitFor();
  assert.equal(await mine.count(), 2, 'one panel for each file they loaded');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('the overview and the profile download their rows; a person can download their own data again', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/indicators');
  const csv = await download(page, page.getByRole('region', { name: 'Download the data' }).getByRole('button', { name: 'Download as CSV', exact: true }));
  assert.equal(csv.name, 'indicators.csv');
  assert.equal(csv.text.trim().split('\n').length - 1, shippedRows, 'every published row');

  await page.goto(app.origin + '/profile');
  const profile = await download(page, page.getByRole('region', { name: 'Download the data' }).getByRole('button', { name: 'SDMX-CSV' }));
  const rows = profile.text.trim().split('\n').length - 1;
  assert.ok(rows > 0 && rows < shippedRows, `the latest scored rows only (${rows})`);
  const summary = await loadBack(page, profile, 'text/csv');
  assert.match(summary, new RegExp(`: ${rows} figures\\.`));
  // Their data downloads again from the Data page (each indicator's figures as they loaded).
  const items = page.locator('.kept-item');
  await items.first().waitFor();
  // Each kept item says how many figures it holds; together they are every row loaded, and
  // each downloads as a Data Package of exactly those (the first, one between and the last:
  // Chromium stops a page's downloads after a dozen in a row).
  const counts = (await items.evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? '')))
    .map((t) => Number((t.match(/: (\d+) figures? from profile\.sdmx\.csv/) ?? [])[1]));
  assert.ok(counts.every((n) => n > 0), 'every item names its figures and its file');
  assert.equal(counts.reduce((a, b) => a + b, 0), rows);
  for (const i of [...new Set([0, Math.floor(counts.length / 2), counts.length - 1])]) {
    const file = await download(page, items.nth(i).getByRole('button', { name: 'Data Package (JSON)' }));
    assert.equal(JSON.parse(file.text).resources[1].data.length, counts[i], `item ${i}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await page.close();
});

test('the profile says how much the ranking depends on the weights, and follows the weights in the URL', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/profile');
  const section = page.getByRole('region', { name: 'How much the ranking depends on the weights' });
  await section.locator('#sensitivity .chart-picture:visible').waitFor();
  assert.match(await section.getByRole('status').innerText(), /^Across all 7,775 weightings of the five dimensions \(each from 0 to 5\), \d+ of \d+ groups keep the same rank under every weighting\.$/);
  const row = (name) => section.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const europeanEqual = await row('European').locator('td').allInnerTexts();
  assert.equal(europeanEqual[0], '1');
  assert.match(europeanEqual[2], /^\d+% \([\d,]+ of [\d,]+\)$/);
  // Recognition only: the rank with these weights changes, the range over every weighting does not.
  await page.goto(app.origin + '/profile?w=0,0,0,1,0');
  await section.locator('#sensitivity canvas').waitFor();
  const europeanRecognition = await row('European').locator('td').allInnerTexts();
  assert.equal(europeanRecognition[0], 'no index');
  assert.equal(europeanRecognition[1], europeanEqual[1]);
  const maori = await row('Māori').locator('td').allInnerTexts();
  assert.match(maori[3], /^(Ranks \d+ under every weighting|Ranks anywhere from \d+ to \d+)/);
  // The method, and how a group without figures for a dimension is treated, are on the page.
  await section.getByText('A group without figures for a dimension is never given a zero for it').waitFor();
  // In te reo Māori.
  await page.goto(app.origin + '/mi/profile');
  await page.getByRole('heading', { name: 'Te nui o te whakawhirinaki o te raupapa ki ngā taumaha' }).waitFor();
  await page.getByText(/^I ngā whakataumaha 7,775 katoa/).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('the worksheet keeps answers on this device only, downloads them with the questions, clears them and prints', async () => {
  const page = await app.page({ width: 390, height: 844 });
  const sent = [];
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('link', { name: "Discuss this framework's questions in a worksheet" }).click();
  await page.waitForURL('**/worksheet#strategic');
  await page.getByRole('heading', { level: 1, name: 'Discussion worksheet' }).waitFor();
  await page.getByText(/consultation closed on 25 March 2022/).waitFor();
  await page.getByText('The closing date for feedback is Friday 25 March 2022.').waitFor();
  const missing = page.getByRole('textbox', { name: 'Is there anything missing?', exact: true });
  await missing.fill('Rangatahi voices, and rural towns.');
  const barriers = page.getByRole('textbox', { name: /What do you think are the barriers to people interacting/ });
  await barriers.fill('Language.');

  // Kept across a reload, and sent nowhere.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('textarea#answer-cdc-question-identity-barriers')?.value === 'Language.');
  assert.equal(await missing.inputValue(), 'Rangatahi voices, and rural towns.');
  assert.ok(!sent.some((s) => s.includes('Rangatahi') || s.includes('Language.')), 'no request carries an answer');

  // Downloaded with every question.
  const file = await download(page, page.getByRole('button', { name: 'Download the answers (Markdown)' }));
  assert.equal(file.name, 'discussion-worksheet.md');
  assert.match(file.text, /^# Discussion worksheet\n/);
  assert.match(file.text, /\*\*2\.\*\* Is there anything missing\?\n\nRangatahi voices, and rural towns\.\n/);
  assert.match(file.text, /\*\*3c\.\*\* What do you think are the barriers to people interacting and forming relationships with each other\?\n\nLanguage\.\n/);
  assert.match(file.text, /What does a 'cohesive society' mean to you\?\n\n_\(no answer yet\)_/);

  // Printed: the answers as text, no buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  assert.equal(await missing.isVisible(), false);
  assert.equal(await page.locator('.print-answer').filter({ hasText: 'Rangatahi voices' }).isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  // Cleared on request, after a confirmation.
  await page.getByRole('button', { name: 'Clear the answers' }).click();
  await page.getByRole('button', { name: 'Keep them' }).click();
  assert.equal(await missing.inputValue(), 'Rangatahi voices, and rural towns.');
  await page.getByRole('button', { name: 'Clear the answers' }).click();
  await page.getByRole('button', { name: 'Yes, clear them' }).click();
  assert.equal(await missing.inputValue(), '');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Discussion worksheet' }).waitFor();
  assert.equal(await missing.inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('cohesion-explorer.worksheet')), null);

  // Connecting Diverse Communities leads here too; the interface is in te reo on /mi.
  await page.goto(app.origin + '/framework/cdc');
  await page.getByRole('link', { name: "Discuss this framework's questions in a worksheet" }).click();
  await page.waitForURL('**/worksheet#cdc');
  await page.goto(app.origin + '/mi/worksheet');
  await page.getByRole('heading', { level: 1, name: 'Puka matapaki' }).waitFor();
  await page.getByRole('button', { name: 'Tikiake i ngā whakautu (Markdown)' }).waitFor();
  assert.equal(where(page), '/mi/worksheet');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
