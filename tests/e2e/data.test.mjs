// A person's own data, as they have it (issue 22): Aotearoa Data Explorer's SDMX-CSV, an
// Infoshare table, a workbook, a paste and the app's own formats, each read in the browser,
// described in one step, shown as their own measure (a card, a page of its own, beside a
// published indicator, in the profile), kept on the device across visits until forgotten,
// and downloaded in formats that load back to the same page. Bad input gets one plain
// sentence; rows that cannot be read are listed with their line and column.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, ready, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

const fixture = (name, mimeType = 'text/csv') => ({ name, mimeType, buffer: readFileSync(`tests/fixtures/owndata/${name}`) });

/** Opens the Data page and gives it a file. */
async function load(page, file) {
  await page.goto(app.origin + '/open-data');
  await page.locator('input[type=file]').setInputFiles(file);
}

/** The describe step's outcome once the person shows their measure. */
async function show(page) {
  await page.getByRole('button', { name: 'Show this measure' }).click();
  const outcome = page.locator('.outcome');
  await outcome.waitFor();
  return outcome;
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('published figures show their latest value, change and source', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators');
  const card = page.locator('article.indicator-card', { has: page.getByRole('heading', { name: 'Trust in Parliament', exact: true }) }).first();
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /4\.9 out of 10/);
  assert.match(text, /worsened since 2021: down 0\.8 \(not tested for significance: no intervals published\)/);
  assert.match(text, /Stats NZ, Wellbeing statistics: 2023/);
  await card.getByRole('link', { name: 'Where it sits in the framework' }).click();
  await page.waitForURL('**/framework/strategic/strategic.indicator.institutions.trust');
  await page.getByRole('complementary', { name: /Levels of trust in public institutions/ }).waitFor();
  await page.close();
});

test('an Aotearoa Data Explorer download (names mode) becomes a measure of their own, kept on the device, on every page that shows figures', async () => {
  const page = await app.page({ width: 390, height: 844 });
  // Their measure's page is not one the build wrote: the host answers 404 with the page the
  // app draws it from, which the browser logs. Nothing else may be missing.
  const missing = [];
  page.on('response', (r) => { if (r.status() === 404) missing.push(new URL(r.url()).pathname); });
  await load(page, fixture('ade-names.csv'));
  await page.getByRole('heading', { name: 'Check and describe' }).waitFor();
  await page.getByText('ade-names.csv: 14 rows read as SDMX-CSV with codes and a column of names for each.').waitFor();
  // Every dimension kept, the time dimension found by its name and values, the totals as everyone.
  assert.equal(await page.getByRole('combobox', { name: 'Census year' }).inputValue(), 'period');
  assert.equal(await page.getByRole('combobox', { name: 'Area' }).inputValue(), 'group');
  assert.equal(await page.getByRole('combobox', { name: 'Ethnicity', exact: true }).inputValue(), 'filter');
  assert.equal(await page.getByRole('combobox', { name: 'Hold Ethnicity to' }).inputValue(), '9999');
  assert.equal(await page.getByRole('combobox', { name: 'Which of the groups is everyone?' }).inputValue(), '99');
  // The title and source from the file.
  assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), 'Illustrative: residents who feel welcome, by area and ethnicity, 2018 and 2023');
  assert.equal(await page.getByRole('textbox', { name: 'Source', exact: true }).inputValue(), 'Stats NZ (STATSNZ:CEN23_TEST_001(1.0))');
  await page.getByRole('combobox', { name: 'Unit' }).selectOption('percent');
  await page.getByRole('combobox', { name: 'Which way is better' }).selectOption('higher_is_better');
  await page.getByRole('checkbox', { name: 'Belonging' }).check();
  // The preview, as the app understands it.
  const preview = page.getByRole('table', { name: /The first \d+ figures/ });
  assert.match(await preview.innerText(), /2018\s+Northland Region\s+59\.5%/);
  assert.match(await preview.innerText(), /2023\s+\(everyone\)\s+61%/);
  const outcome = await show(page);
  assert.match(await outcome.innerText(), /Illustrative: residents who feel welcome, by area and ethnicity, 2018 and 2023: 6 figures\./);
  await outcome.getByText('Kept on this device only').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');

  // A card on the overview, labelled as theirs.
  await page.goto(app.origin + '/indicators');
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.waitFor();
  assert.match(await mine.innerText(), /Your data: ade-names\.csv/);
  assert.match(await mine.innerText(), /61% in 2023/);
  // Kept across visits: a reload, and the card is still there.
  await page.reload();
  await mine.waitFor();

  // A page of its own, labelled, with the chart's table and the breakdown by area.
  await mine.getByRole('link', { name: /Illustrative: residents who feel welcome/ }).first().click();
  await page.getByText(/Your own measure, from ade-names\.csv/).waitFor();
  await page.getByRole('heading', { level: 1, name: /Illustrative: residents who feel welcome/ }).waitFor();
  const numbers = page.getByRole('table', { name: 'The numbers in the chart' });
  assert.deepEqual(await numbers.locator('tbody tr:not([hidden])').evaluateAll((trs) => trs.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent.trim()))),
    [['Everyone', '2018', '60%'], ['Everyone', '2023', '61%']]);
  await page.getByRole('heading', { name: 'By group, 2023' }).waitFor();
  await page.getByText('This is your own measure, kept on this device only').waitFor();

  // Local beside national: a published indicator on the same chart, each series named by source.
  await page.getByRole('combobox', { name: 'Put a published indicator beside it' }).selectOption({ index: 1 });
  await page.waitForFunction(() => location.search.includes('beside='));
  const rows = await numbers.locator('tbody tr:not([hidden])').count();
  assert.ok(rows > 2, 'the published figures join the table');

  // In the profile, among its own groups: everyone here is everyone in their data.
  await page.goto(app.origin + '/profile');
  const theirs = page.getByRole('region', { name: 'Your measures on the five dimensions', exact: true });
  await theirs.waitFor();
  assert.match(await theirs.innerText(), /Everyone in your data/);
  assert.match(await theirs.innerText(), /Northland Region/);

  // A new browser profile has none of it.
  const other = await app.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(app.origin + '/indicators');
  await ready(fresh);
  assert.equal(await fresh.getByRole('region', { name: 'Your data', exact: true }).count(), 0);
  await other.close();
  assert.ok(missing.length > 0 && missing.every((p) => /^\/indicators\/yours-[^/]+$/.test(p)), missing.join(', '));
  assert.deepEqual(page.consoleErrors.filter((e) => !/^Failed to load resource: .*404/.test(e)), []);
  await page.close();
});

test('their measure downloads as a Data Package and as SDMX-CSV, and each loads back to the same page', async () => {
  const page = await app.page();
  await load(page, fixture('working-group.csv'));
  await page.getByRole('heading', { name: 'Check and describe' }).waitFor();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Our survey of 400 residents a year (made up).');
  await show(page);
  const item = page.locator('.kept-item').first();
  await item.waitFor();
  const pkg = await download(page, item.getByRole('button', { name: 'Data Package (JSON)' }));
  const sdmx = await download(page, item.getByRole('button', { name: 'SDMX-CSV' }));
  const json = JSON.parse(pkg.text);
  assert.equal(json.description, 'Our survey of 400 residents a year (made up).');
  const own = json.resources[0].data[0];
  assert.equal(own.mapping_basis, 'yours');
  assert.equal(own.unit, 'percent');
  assert.match(sdmx.text.split('\n')[0], /,MEASURE_TITLE,MEASURE_SHORT_TITLE,UNIT,DIRECTION,DIMENSIONS,NODES,MEASURE_SOURCE,MEASURE_SOURCE_URL,LICENCE,MEASURE_NOTES$/);
  const title = own.title;
  const pageOf = `/indicators/${own.id}`;
  for (const file of [pkg, sdmx]) {
    await page.goto(app.origin + '/open-data');
    await page.getByRole('button', { name: 'Forget all of them' }).click();
    await page.getByText('You have no measures of your own yet.').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) });
    const outcome = page.locator('.outcome');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), new RegExp(`${title.replace(/[()]/g, '\\$&')}: 15 figures\\.`), file.name);
    // What a person is told before leaving: it is on the device (the write has finished).
    await outcome.getByText('Kept on this device only').waitFor();
    await page.goto(app.origin + pageOf);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Our survey of 400 residents a year (made up).').waitFor();
  }
  // Forgotten: off the device, and its page is gone.
  await page.goto(app.origin + '/open-data');
  await page.locator('.kept-item').getByRole('button', { name: 'Forget it' }).click();
  await page.getByText('You have no measures of your own yet.').waitFor();
  // Off the device: the list of what it keeps no longer names it.
  await page.waitForFunction(() => !localStorage.getItem('cohesion-explorer:kept'));
  await page.goto(app.origin + pageOf);
  await page.getByRole('heading', { level: 1, name: /No indicator called/ }).waitFor();
  await page.close();
});

test('an Infoshare table, a workbook and a paste each read as people have them', async () => {
  const page = await app.page();
  // Infoshare: the title row, the blank corner, periods down, `..` and `C`, the notes below.
  await load(page, fixture('infoshare-regions.csv'));
  await page.getByText('infoshare-regions.csv: 12 rows read as an Infoshare table.').waitFor();
  assert.equal(await page.getByRole('textbox', { name: /What are the groups/ }).inputValue(), 'Region');
  assert.equal(await page.getByRole('combobox', { name: 'Unit' }).inputValue(), 'mean score 0-10');
  assert.match(await page.getByRole('textbox', { name: 'Notes' }).inputValue(), /Units:\nMean score 0-10/);
  assert.match(await (await show(page)).innerText(), /: 12 figures\./);

  // A workbook: its sheets to choose from, the likely one first.
  await load(page, fixture('working-group.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  await page.getByText('working-group.xlsx is a workbook with 4 sheets. Choose the one with your table.').waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Sheet' }).inputValue(), 'Survey');
  await page.getByRole('button', { name: 'Read this sheet' }).click();
  await page.getByText(/working-group\.xlsx: 9 rows read as a table with periods across\./).waitFor();
  assert.match(await (await show(page)).innerText(), /: 9 figures\./);

  // A table pasted from a spreadsheet (tab-separated).
  await page.goto(app.origin + '/open-data');
  await page.getByRole('textbox', { name: /Or paste a table/ }).fill(readFileSync('tests/fixtures/owndata/paste.tsv', 'utf8'));
  await page.getByRole('button', { name: 'Read the pasted table' }).click();
  await page.getByText('pasted table: 8 rows read as a table with periods down.').waitFor();
  await page.getByRole('textbox', { name: 'Title' }).fill('Feel welcome (pasted)');
  assert.match(await (await show(page)).innerText(), /Feel welcome \(pasted\): 8 figures\./);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('figures for a published indicator, in the app\'s own format: bad rows named, good rows on that indicator\'s page', async () => {
  const page = await app.page();
  await load(page, { name: 'my-observations.csv', mimeType: 'text/csv', buffer: readFileSync('tests/e2e/fixtures/my-observations.csv') });
  const outcome = page.locator('.outcome');
  await outcome.waitFor();
  const text = await outcome.innerText();
  assert.match(text, /Trust in most people in New Zealand: 3 figures\./);
  assert.match(text, /my-observations\.csv, line 5, column 5: value: expected a number, found "twelve"/);
  assert.match(text, /my-observations\.csv, line 6, column 1: unknown indicator "no_such_indicator"/);
  await outcome.getByRole('link', { name: 'Open its page' }).click();
  await page.waitForURL('**/indicators/trust_people');
  const mine = page.getByRole('region', { name: 'Your data', exact: true });
  await mine.waitFor();
  assert.match(await mine.innerText(), /Your data: my-observations\.csv/);
  // The published figures are on the same page, unlabelled.
  await page.getByRole('table', { name: 'The numbers in the chart' }).waitFor();
  await page.close();
});

test('a file in no shape the app knows gets one plain sentence, what it takes, and an example', async () => {
  const page = await app.page();
  const cases = [
    [{ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') }, 'empty.csv is empty: there is nothing in it to read.'],
    [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n...') }, 'report.pdf is a PDF.'],
    [{ name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Kia ora koutou,\nHere is our report.\n') }, 'letter.txt looks like text in one column, not a table. It starts: Kia ora koutou'],
    [{ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Comment\nAroha,Great\nSam,Fine\n') }, 'names.csv has a table (its columns: Name, Comment), but not one number in it.'],
    [{ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<!doctype html><p>hi</p>') }, 'page.html is HTML or XML'],
  ];
  for (const [file, sentence] of cases) {
    await load(page, file);
    const alert = page.getByRole('alert').filter({ hasText: sentence });
    await alert.waitFor();
    assert.equal((await alert.locator('li').count()), 6, 'the shapes it takes');
    await alert.getByRole('link', { name: /Download an example file \(illustrative figures, not real data\)/ }).waitFor();
  }
  // The example itself loads, and says it is illustrative.
  await load(page, { name: 'illustrative-welcome.csv', mimeType: 'text/csv', buffer: readFileSync('public/data/examples/illustrative-welcome.csv') });
  assert.match(await page.getByRole('textbox', { name: 'Title' }).inputValue(), /^Illustrative figures \(not real data\)/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a large file is read in slices with its progress, and can be stopped', async () => {
  const page = await app.page();
  let text = 'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,YEAR,Year,AREA,Area,OBS_VALUE,Observation Value\n';
  for (let i = 0; i < 400000; i++) text += `DATAFLOW,TEST:LARGE(1.0),Illustrative large file,I,${2000 + (i % 20)},${2000 + (i % 20)},${i % 2000},Area ${i % 2000},${i % 97},\n`;
  // A slow phone: the reading takes long enough to be watched and stopped.
  const cdp = await page.context().newCDPSession(page);
  await load(page, { name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.locator('.status progress').waitFor();
  await page.getByRole('button', { name: 'Stop reading' }).click();
  await page.getByText('Stopped reading large.csv. Nothing from it was kept.').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Check and describe' }).count(), 0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
});

test('what a person gives the Data page while its tools are being drawn stays theirs: text typed, a file chosen in a dialog opened before', async () => {
  // No service worker: the whole-page module must come from the network, to be held back.
  const page = await app.page({ width: 1280, height: 800 }, { serviceWorkers: 'block' });
  // A measure kept on the device: the page then draws its tools at once, to list it.
  await load(page, fixture('infoshare-regions.csv'));
  await page.getByText('infoshare-regions.csv: 12 rows read as an Infoshare table.').waitFor();
  await (await show(page)).getByText('Kept on this device only').waitFor();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/cohesion-explorer-app-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(app.origin + '/open-data');
  // While the tools come: a table typed into the paste box, and a file dialog opened on the
  // build's file input (it stays open while the drawn tools replace that input).
  const pasted = readFileSync('tests/fixtures/owndata/paste.tsv', 'utf8');
  await page.getByRole('textbox', { name: /Or paste a table/ }).fill(pasted);
  await page.evaluate(() => { window.dialogOf = document.querySelector('input[type=file]'); });
  release();
  await page.locator('.kept-item').first().waitFor();
  assert.equal(await page.evaluate(() => window.dialogOf.isConnected), false, 'the drawn tools replaced the build\'s');
  assert.equal(await page.getByRole('textbox', { name: /Or paste a table/ }).inputValue(), pasted, 'the typed table is still there');
  // The dialog closes with a file chosen: it is read.
  await page.evaluate((text) => {
    const chosen = new DataTransfer();
    chosen.items.add(new File([text], 'late.csv', { type: 'text/csv' }));
    window.dialogOf.files = chosen.files;
    window.dialogOf.dispatchEvent(new Event('change', { bubbles: true }));
  }, readFileSync('tests/fixtures/owndata/infoshare-regions.csv', 'utf8'));
  await page.getByText('late.csv: 12 rows read as an Infoshare table.').waitFor();
  // And the typed table, still there, reads too.
  assert.equal(await page.getByRole('textbox', { name: /Or paste a table/ }).inputValue(), pasted);
  await page.getByRole('button', { name: 'Read the pasted table' }).click();
  await page.getByText('pasted table: 8 rows read as a table with periods down.').waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('the Data page fetches its readers with the first file, not before, and says so if they cannot come', async () => {
  const page = await app.page();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.origin + '/open-data');
  const readers = () => requested.filter((p) => /\/cohesion-explorer-app-[0-9a-f]+_bg\.wasm$/.test(p));
  assert.deepEqual(readers(), [], 'the page alone does not fetch the readers');
  await page.locator('input[type=file]').setInputFiles(fixture('infoshare-regions.csv'));
  await page.getByText('infoshare-regions.csv: 12 rows read as an Infoshare table.').waitFor();
  assert.equal(readers().length, 1, 'the first file fetches them');
  await page.close();

  // Offline before the readers were ever fetched: the page says what went wrong, and stays.
  const offline = await app.page();
  await offline.route(/\/cohesion-explorer-app-[0-9a-f]+(_bg\.wasm|\.js)$/, (route) => route.abort());
  await offline.goto(app.origin + '/open-data');
  await offline.getByRole('textbox', { name: /Or paste a table/ }).fill(readFileSync('tests/fixtures/owndata/paste.tsv', 'utf8'));
  await offline.getByRole('button', { name: 'Read the pasted table' }).click();
  await offline.getByRole('status').filter({ hasText: /^The tools to read your data could not be loaded \(.+\)\. Check your connection, then try again\.$/ }).waitFor();
  assert.equal(await offline.getByRole('heading', { level: 1 }).count(), 1, 'the page is still there');
  // Back online, the same button tries again.
  await offline.unroute(/\/cohesion-explorer-app-[0-9a-f]+(_bg\.wasm|\.js)$/);
  await offline.getByRole('button', { name: 'Read the pasted table' }).click();
  await offline.getByText('pasted table: 8 rows read as a table with periods down.').waitFor();
  await offline.close();
});
