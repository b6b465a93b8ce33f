// The app shell: navigation between the four sections, deep links, the back button, the
// not-found page, and no sideways scrolling on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, where } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

test('a visitor moves between the four sections and back', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/');
  await page.getByRole('heading', { level: 1, name: 'Bringing together Aotearoa New Zealand: a social cohesion strategic framework' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
  assert.equal(where(page), '/indicators');

  await nav.getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  assert.equal(where(page), '/open-data');

  await nav.getByRole('link', { name: 'About' }).click();
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  assert.equal(where(page), '/about');
  assert.equal(await page.title(), 'About · Cohesion Explorer');

  await nav.getByRole('link', { name: 'Framework' }).click();
  await page.getByRole('heading', { level: 1, name: /social cohesion strategic framework/ }).waitFor();
  assert.equal(where(page), '/framework');
  assert.equal(await nav.getByRole('link', { name: 'Framework' }).getAttribute('aria-current'), 'page');

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  assert.equal(where(page), '/about');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a deep link opens its page directly', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators');
  await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
  await page.getByRole('link', { name: 'Proportion of people who trust in others' }).waitFor();
  await page.close();
});

test('an unknown address shows a not-found page, with the app still around it', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.match(await page.locator('main').innerText(), /\/no\/such\/page/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  await page.close();
});

test('the skip link moves focus to the main content', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/about');
  await page.getByRole('heading', { level: 1, name: 'About Cohesion Explorer' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await page.close();
});

for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`nothing scrolls sideways at ${width}x${height}`, async () => {
    const page = await app.page({ width, height });
    for (const route of ['/framework/strategic', '/framework/strategic/strategic.vision', '/framework/focus', '/framework/cef', '/framework/cdc', '/framework/isw', '/framework/dimensions', '/framework/crosswalk', '/framework/strategic/text', '/indicators', '/indicators/belonging_nz?groups=ethnicity:M%C4%81ori', '/open-data', '/about', '/missing']) {
      await page.goto(app.origin + route);
      await page.locator('main h1').first().waitFor();
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `${route} is ${scroll}px wide at ${width}px`);
    }
    assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('404')), []);
    await page.close();
  });
}
