// Islands (issue 23): every page is HTML the build wrote; the parts a person changes are
// islands, taken over by their page's module (the framework's, the worksheet's, the
// indicators' overview's, an indicator page's, the profile's or the data page's), each
// downloaded by its own pages only. A page the build
// could not write (an unknown address, a person's own measure, an offline shell) is drawn by
// the whole-page module instead. Changing a view within a page stays in the page (the address
// follows, and the back button steps back); any other link loads its page. What a person
// chose before the islands arrived still counts once they have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, ready, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** The app modules (wasm) a page asked for, by name. */
function modulesOf(requested) {
  return requested
    .map((p) => p.match(/\/cohesion-explorer-(?:([a-z]+)-)?[0-9a-f]{16}_bg\.wasm$/))
    .filter(Boolean)
    .map((m) => m[1] ?? 'framework');
}

test('each page downloads its own section\'s islands module, and the whole-page module only when the build could not write the page', async () => {
  for (const [path, modules] of [
    ['/', ['framework']],
    ['/framework/cef/text', ['framework']],
    ['/about', ['framework']],
    ['/worksheet', ['worksheet']],
    ['/indicators', ['overview']],
    ['/indicators/trust_police', ['indicators']],
    ['/profile', ['profile']],
    ['/open-data', ['data']],
    ['/mi/embed/indicators/trust_police', ['indicators']],
    ['/no/such/page', ['framework', 'app']],
  ]) {
    const page = await app.page({ width: 390, height: 844 });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(app.origin + path);
    assert.deepEqual(modulesOf(requested), modules, path);
    // An unknown address is answered 404 (as a host would), which the browser logs; anything
    // else in the console is a fault.
    const errors = page.consoleErrors.filter((e) => !(path === '/no/such/page' && /^Failed to load resource: .*404/.test(e)));
    assert.deepEqual(errors, [], path);
    assert.deepEqual(page.consoleWarnings, [], path);
    await page.close();
  }
});

test('only the parts a person changes are islands, what they work from in the page', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators/trust_police');
  const islands = await page.locator('leptos-island').evaluateAll((els) => els.map((e) => e.dataset.component.replace(/_\d+$/, '')));
  assert.deepEqual(islands.sort(), ['IndicatorIsland', 'LanguageSwitch', 'OfflineIsland', 'ShareActions'].sort());
  // The indicator's island takes no props (so its module holds no JSON reader): it reads the
  // indicator and every published row of it, and nothing else, from the text in its markup.
  const island = page.locator('leptos-island[data-component^="IndicatorIsland"]');
  assert.equal(await island.getAttribute('data-props'), null);
  const lines = (await island.locator('.indicator-slice').getAttribute('data-slice')).split('\n').filter(Boolean).map((l) => l.split('\t'));
  assert.deepEqual(lines[0].slice(0, 2), ['indicator', 'trust_police']);
  const rows = lines.slice(1);
  const published = readFileSync('public/data/indicators/observations.csv', 'utf8').split('\n').filter((l) => l.startsWith('trust_police,')).length;
  assert.equal(rows.length, published);
  assert.ok(rows.every((r) => r[0] === 'row' && r[1] === 'trust_police'));
  // The page's heading, its About panel and its footer are the build's, not an island's.
  assert.equal(await page.locator('leptos-island h1').count(), 0);
  assert.equal(await page.locator('leptos-island footer').count(), 0);
  await page.close();
});

test('a view changed within a page stays in the page; any other link loads its page; back steps back', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/framework/strategic');
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByRole('button', { name: /^All people, whānau/ }).click();
  await page.waitForURL('**/framework/strategic/strategic.vision');
  await page.getByRole('combobox', { name: 'Lens' }).selectOption({ label: 'Belonging' });
  await page.waitForFunction(() => location.search === '?lens=dimensions.belonging');
  // Another part, from the open part's panel: still the same page.
  await page.locator('aside.detail:not([hidden])').getByRole('link', { name: 'Working connectively and in partnership' }).click();
  await page.waitForURL('**/framework/strategic/strategic.principle.kotahitanga?lens=dimensions.belonging');
  await page.getByRole('complementary', { name: /Working connectively and in partnership/ }).waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'a framework\'s parts and lens are one page');
  // The text version is a page of its own, which keeps the lens.
  await page.getByRole('link', { name: 'Text', exact: true }).click();
  await page.waitForURL('**/framework/strategic/text?lens=dimensions.belonging');
  await ready(page);
  assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'the text version is a page load');
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL('**/about');
  await ready(page);
  assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'another page is a page load');
  await page.goBack();
  await page.waitForURL('**/framework/strategic/text?lens=dimensions.belonging');
  await ready(page);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('back after another page opens the view it left, then steps back through the changes made within the page', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/framework/strategic/strategic.vision');
  await page.goto(app.origin + '/framework/strategic/text?lens=dimensions.belonging');
  const steps = await page.evaluate(() => history.length);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL('**/about');
  await ready(page);
  await page.goBack();
  await page.waitForURL('**/framework/strategic/text?lens=dimensions.belonging');
  await ready(page);
  // The view it left: the same address, lens and all, and no step added to the history.
  assert.equal(where(page), '/framework/strategic/text?lens=dimensions.belonging');
  assert.equal(await page.getByRole('combobox', { name: 'Lens' }).evaluate((s) => s.selectedOptions[0].textContent.trim()), 'Belonging');
  assert.equal(await page.evaluate(() => history.length), steps + 1);
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/framework/strategic/strategic.vision', null, { timeout: 5000 });
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a filter chosen, a box ticked and a weight moved before the islands arrive count once they have, and never show undone', async () => {
  for (const [path, module, control, act, shows, check] of [
    ['/indicators', 'overview', 'select[name=dimension]', (p) => p.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: 'Recognition' }),
      ['value', 'dimensions.recognition'],
      (p) => p.waitForFunction(() => location.search === '?dimension=dimensions.recognition')],
    ['/indicators/discrimination', 'indicators', 'input[data-group="ethnicity:Māori"]', (p) => p.getByRole('checkbox', { name: 'Māori (ethnicity)' }).check(),
      ['checked', true],
      (p) => p.waitForFunction(() => decodeURIComponent(location.search) === '?groups=ethnicity:Māori')],
    ['/profile', 'profile', '#weight-0', async (p) => { await p.locator('#weight-0').focus(); await p.keyboard.press('ArrowRight'); await p.keyboard.press('ArrowRight'); },
      ['value', '3'],
      (p) => p.waitForFunction(() => new URLSearchParams(location.search).get('w') === '3,1,1,1,1')],
  ]) {
    // A page made here, not by app.page(): its `goto` must not wait for the app.
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(new RegExp(`cohesion-explorer-${module}-[0-9a-f]{16}_bg\\.wasm$`), async (route) => { await held; await route.continue(); });
    await page.goto(app.origin + path);
    // The prerendered page: readable, its controls there, the islands not yet running.
    await act(page);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false);
    // From now until the app is ready, every frame and every task: does the control still
    // say what the person made it? (Taking the islands over must not set it back, even for
    // a moment: a person sees it, and a click on a box set back unticks it.)
    await page.evaluate(([selector, [property, made]]) => {
      const el = document.querySelector(selector);
      window.__undone = 0;
      const look = () => { if (el[property] !== made) window.__undone += 1; };
      const frame = () => { look(); if (!document.documentElement.hasAttribute('data-ready')) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      const task = setInterval(() => { look(); if (document.documentElement.hasAttribute('data-ready')) clearInterval(task); }, 0);
    }, [control, shows]);
    release();
    await ready(page);
    await check(page);
    assert.ok(where(page).startsWith(path));
    assert.equal(await page.locator(control).evaluate((el, property) => el[property], shows[0]), shows[1], `${path}: the control says what the person made it`);
    assert.equal(await page.evaluate(() => window.__undone), 0, `${path}: the control never showed undone`);
    await page.close();
  }
});
