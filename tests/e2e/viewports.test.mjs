// Every route at four screen sizes (two phones, a tablet, a laptop): a screenshot to look at
// (target/screenshots/e2e/), the page no wider than the screen, and every control a finger
// can hit (44 px, or inline in a sentence, which WCAG 2.2's target-size rule exempts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch } from './helpers.mjs';

const ROUTES = [
  '/framework/strategic',
  '/framework/strategic/strategic.principle.aroha',
  '/framework/strategic/text',
  '/framework/dimensions',
  '/framework/focus',
  '/framework/cef',
  '/framework/cdc',
  '/framework/isw',
  '/framework/crosswalk',
  '/indicators',
  '/indicators/discrimination?groups=ethnicity:M%C4%81ori',
  '/profile',
  '/open-data',
  '/worksheet',
  '/about',
  '/embed/framework/strategic',
];
const SIZES = [[360, 740], [390, 844], [768, 1024], [1280, 800]];
const OUT = 'target/screenshots/e2e';

let app;
before(async () => { app = await launch(); mkdirSync(OUT, { recursive: true }); });
after(async () => { await app.close(); });

/// Loads each route at one size and lists what is wrong: sideways scrolling, small targets.
async function check(page, width, routes) {
  const problems = [];
  for (const route of routes) {
    await page.goto(app.origin + route);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) problems.push(`${route}: ${wide}px wide`);
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main select, main input, main summary, nav a, .view-actions button, label.file-button, .language-switch')]
      .filter((e) => e.offsetParent !== null && !['checkbox', 'radio', 'file'].includes(e.type)) // a file input is hidden; its label is the target
      .map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.height < 43.5 || r.width < 43.5))
      .map(([e, r]) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`));
    for (const s of small) problems.push(`${route}: small target ${s}`);
    await page.screenshot({ path: `${OUT}/${page.viewportSize().width}x${page.viewportSize().height}${route.replace(/[^a-z0-9]+/gi, '_')}.png` });
  }
  return problems;
}

for (const [width, height] of SIZES) {
  test(`every route at ${width}x${height}: nothing scrolls sideways, targets are big enough`, async () => {
    const page = await app.page({ width, height });
    assert.deepEqual(await check(page, width, ROUTES), []);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}

// Te reo Māori words run longer than English ones: the same checks on the smallest phone and
// the laptop, on the main routes, in te reo.
for (const [width, height] of [SIZES[0], SIZES[3]]) {
  test(`in te reo Māori at ${width}x${height}: nothing scrolls sideways, targets are big enough`, async () => {
    const page = await app.page({ width, height });
    const routes = ['/framework/strategic/strategic.principle.aroha', '/framework/crosswalk', '/indicators', '/indicators/discrimination?groups=ethnicity:M%C4%81ori',
      '/profile', '/open-data', '/about'].map((r) => '/mi' + r);
    assert.deepEqual(await check(page, width, routes), []);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}

test('the text version and an indicator page print on A4 without controls', async () => {
  const page = await app.page();
  for (const [route, ready] of [['/framework/strategic/text', 'article.text-version'], ['/indicators/discrimination', '#breakdown .chart-picture:visible']]) {
    await page.goto(app.origin + route);
    await page.locator(ready).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => [...document.querySelectorAll('button, select, nav, .filters, .view-actions')]
      .filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 60)));
    assert.deepEqual(shown, [], `${route}: controls hidden in print`);
    const pdf = await page.pdf({ format: 'A4', path: `${OUT}/print${route.replace(/[^a-z0-9]+/gi, '_')}.pdf` });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 12, `${route}: ${pages} A4 pages`);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.close();
});

// Tables read on a phone: at 360 px every data table is stacked, so no cell runs past the
// screen or hides in a sideways scroll, and no row is much taller than its lines of text.
test('at 360 px no table cell runs past the screen, and rows are no taller than their text', async () => {
  const page = await app.page({ width: 360, height: 740 });
  const problems = [];
  for (const route of ['/indicators/discrimination?groups=ethnicity:M%C4%81ori', '/profile', '/mi/profile']) {
    await page.goto(app.origin + route);
    await page.locator('table.data-table').first().waitFor();
    problems.push(...await page.evaluate((route) => {
      const found = [];
      for (const table of document.querySelectorAll('main table.data-table')) {
        const scroller = table.closest('.table-scroll');
        if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) found.push(`${route}: "${table.caption?.textContent}" scrolls sideways`);
        // Rows the view hides (an indicator page holds every row it can show) take no room.
        for (const cell of table.querySelectorAll('tbody tr:not([hidden]) td, tbody tr:not([hidden]) th')) {
          const r = cell.getBoundingClientRect();
          if (r.right > 360.5) found.push(`${route}: a cell ends at ${Math.round(r.right)}px: ${cell.textContent.slice(0, 30)}`);
        }
        for (const row of table.querySelectorAll('tbody tr:not([hidden])')) {
          // A row's height against the lines its cells need: each cell's text as lines of the
          // cell's own line height (with a line of slack per cell for padding and borders).
          const cells = [...row.children];
          const lines = cells.reduce((sum, c) => {
            const range = document.createRange();
            range.selectNodeContents(c);
            const text = [...range.getClientRects()].reduce((h, r) => Math.max(h, r.bottom), 0) - c.getBoundingClientRect().top;
            return sum + Math.max(text, 0) + parseFloat(getComputedStyle(c).lineHeight || '24');
          }, 0);
          const height = row.getBoundingClientRect().height;
          if (height > lines + 24) found.push(`${route}: a row is ${Math.round(height)}px tall for ${Math.round(lines)}px of text`);
        }
      }
      return found;
    }, route));
  }
  assert.deepEqual(problems, []);
  await page.close();
});
