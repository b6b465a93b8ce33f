// The framework explorer: selecting parts by mouse and keyboard, following links between
// frameworks, the lens, the text version, the crosswalk, state in the URL, and failures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

const KOTAHITANGA = 'Kotahitanga: Working connectively and in partnership';
const VISION = 'All people, whānau and communities thrive, belong and are respected in Aotearoa New Zealand.';

test('selecting a part opens its detail with the source quote and links that lead on', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('button', { name: KOTAHITANGA }).click();
  await page.waitForURL((u) => u.pathname === '/framework/strategic/strategic.principle.kotahitanga');
  const detail = page.getByRole('complementary', { name: /Working connectively and in partnership/ });
  await detail.waitFor();
  assert.match(await detail.innerText(), /Kotahitanga\. Working connectively and in partnership\./);
  assert.match(await detail.innerText(), /Source: Bringing together Aotearoa New Zealand/);
  assert.match(await detail.innerText(), /stated in the source/);
  // The panel announces the selection to screen readers.
  await page.waitForFunction(() => [...document.querySelectorAll('[aria-live]')].some((e) => /Selected Kotahitanga/.test(e.textContent)));

  // Linked across frameworks: Kotahitanga maps to an Investing for Social Wellbeing theme.
  await detail.getByRole('link', { name: 'Engaging and working in strong partnerships and building trust' }).click();
  await page.waitForURL((u) => u.pathname === '/framework/isw/isw.theme.partnership');
  await page.getByRole('heading', { level: 1, name: 'Social Investment Agency: Investing for Social Wellbeing' }).waitFor();
  assert.match(await page.getByRole('complementary').innerText(), /editorial judgment/);

  await page.goBack();
  assert.equal(where(page), '/framework/strategic/strategic.principle.kotahitanga');
  await page.getByRole('complementary', { name: /Working connectively/ }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('the keyboard alone can move, open and close', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/strategic');
  const vision = page.getByRole('button', { name: VISION });
  await vision.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'People, whānau and communities');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/framework/strategic/strategic.domain.people');
  // Focus lands on the panel's heading, then Escape closes and returns focus to the node.
  await page.waitForFunction(() => /^detail-title-/.test(document.activeElement?.id ?? ''));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.pathname === '/framework/strategic' && location.search === '');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'People, whānau and communities');
  assert.equal(await page.getByRole('complementary').count(), 0);
  await page.close();
});

test('the lens highlights everything about one dimension, and is in the URL', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('combobox', { name: 'Lens' }).selectOption({ label: 'Belonging' });
  await page.waitForFunction(() => location.search === '?lens=dimensions.belonging');
  const inLens = await page.locator('.node.in-lens').evaluateAll((ns) => ns.map((n) => n.getAttribute('aria-label')));
  assert.ok(inLens.includes('feel like they belong'), inLens.join(' | '));
  assert.ok(inLens.includes('People, whānau and communities'));
  assert.ok(!inLens.includes('anti-discriminatory'));
  // The lens goes with you to another framework.
  await page.getByRole('navigation', { name: 'Frameworks' }).getByRole('link', { name: 'Community engagement' }).click();
  await page.waitForFunction(() => location.pathname === '/framework/cef' && location.search === '?lens=dimensions.belonging');
  await ready(page);
  const cef = await page.locator('.node.in-lens').evaluateAll((ns) => ns.map((n) => n.getAttribute('aria-label')));
  assert.ok(cef.includes('Belonging') && cef.includes('Events & Programmes'), cef.join(' | '));
  await page.close();
});

test('a shared link opens exactly that framework, part and lens', async () => {
  const page = await app.page({ width: 390, height: 844 });
  await page.goto(app.origin + '/framework/focus/focus.knowledge?lens=dimensions.inclusion');
  const detail = page.getByRole('complementary', { name: /Growing knowledge and understanding/ });
  await detail.waitFor();
  assert.match(await detail.innerText(), /particularly linked to the social cohesion indicators of Inclusion and Legitimacy/);
  assert.equal(await page.getByRole('combobox', { name: 'Lens' }).inputValue(), 'dimensions.inclusion');
  // On a phone the detail is a bottom sheet.
  assert.equal(await detail.evaluate((e) => getComputedStyle(e).position), 'fixed');
  await page.close();
});

test('a dimension shows both definitions, each attributed', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/dimensions/dimensions.belonging');
  const text = await page.getByRole('complementary').innerText();
  assert.match(text, /a sense of being part of the wider community, trusting others/);
  assert.match(text, /Office of Ethnic Communities/);
  assert.match(text, /Being part of the wider community who live, work, learn, and play together/);
  assert.match(text, /Also defined by: Community Engagement Framework/);
  await page.close();
});

test('the text version lists the same framework as headings and lists', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('link', { name: 'Text', exact: true }).click();
  await page.waitForFunction(() => location.pathname === '/framework/strategic/text');
  for (const h of ['Vision', 'Outcomes', 'Ways to foster social cohesion', 'Our guiding principles (to be tested)', 'Foundation: Te Tiriti']) {
    await page.getByRole('heading', { level: 2, name: h }).waitFor();
  }
  const text = await page.locator('article.text-version').innerText();
  assert.match(text, /Levels of trust in public institutions/);
  assert.match(text, /Tackling all forms of discrimination at all levels/);
  // Te reo Māori is marked as such: a principle's name, and words inside English sentences.
  const principle = page.locator('article.text-version .text-item', { hasText: 'Working connectively and in partnership' });
  assert.equal(await principle.locator('[lang=mi]').first().innerText(), 'Kotahitanga');
  const aroha = page.locator('article.text-version .text-item', { hasText: 'We love and empathise' });
  assert.deepEqual(await aroha.locator('[lang=mi]').allInnerTexts(), ['Aroha'], 'only the te reo word of "Aroha in action"');
  assert.equal(await page.locator('article.text-version [lang=mi]').first().innerText(), 'whānau', 'the vision: "All people, whānau and communities …"');
  await page.close();
});

test('the crosswalk links each cell to the part with that lens on', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/crosswalk');
  await page.getByRole('heading', { level: 1, name: /Crosswalk/ }).waitFor();
  const cell = page.getByRole('link', { name: 'Legitimacy: Growing knowledge and understanding of ethnic diversity and inclusion in New Zealand (stated in the source)' });
  await cell.click();
  await page.waitForURL((u) => u.pathname + u.search === '/framework/focus/focus.knowledge?lens=dimensions.legitimacy');
  await page.close();
});

test('a missing data file is an error the user can read and retry, and the rest of the app works', async () => {
  const page = await app.page();
  let fail = true;
  await page.route('**/data/frameworks/cef.json', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(app.origin + '/framework/strategic');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /data\/frameworks\/cef\.json could not be fetched: the server answered 404/);
  // The rest of the page works (its links lead on), and Try again recovers.
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: VISION }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  await page.close();
});

test('a malformed data file names the file, line and column', async () => {
  const page = await app.page();
  await page.route('**/data/frameworks/isw.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "schema": "cohesion-explorer/framework@1",\n  "id": oops\n}' }));
  await page.goto(app.origin + '/framework/strategic');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /data\/frameworks\/isw\.json, line 3, column 9: not valid here: expected value/);
  await page.close();
});

test('fit to screen puts the whole framework in view at once on a desktop', async () => {
  const page = await app.page({ width: 1280, height: 800 });
  await page.goto(app.origin + '/framework/strategic');
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await page.waitForFunction(() => location.search === '?fit=1');
  assert.equal(await page.getByRole('button', { name: 'Fit to screen' }).getAttribute('aria-pressed'), 'true');
  // The diagram is drawn at several widths; the stylesheet shows the one that fits.
  const shown = page.locator('svg.diagram-svg:visible');
  assert.equal(await shown.count(), 1);
  await shown.scrollIntoViewIfNeeded();
  const box = await shown.boundingBox();
  assert.ok(box.height <= 800, `the diagram is ${box.height}px tall`);
  // Every part is drawn, foundation and vision included, and still selectable.
  assert.equal(await shown.locator('[role=button]').count(), 56);
  await page.getByRole('button', { name: /^Te Tiriti o Waitangi: / }).click();
  await page.waitForFunction(() => location.pathname === '/framework/strategic/strategic.foundation' && location.search === '?fit=1');
  await page.close();
});

test('a part of the framework links to the published figures that measure it', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework/strategic/strategic.indicator.institutions.trust');
  const detail = page.getByRole('complementary', { name: 'Levels of trust in public institutions' });
  await detail.getByRole('heading', { name: 'Published figures' }).waitFor();
  await detail.getByRole('link', { name: 'Trust in the police', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Trust in the police' }).waitFor();
  assert.equal(where(page), '/indicators/trust_police');
  await page.close();
});
