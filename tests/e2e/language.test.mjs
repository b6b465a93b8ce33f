// The interface in English and te reo Māori: the language link, the address (`/mi/...`),
// remembering the choice, `<html lang>`, and English content marked as English inside a te
// reo page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, where, ready } from './helpers.mjs';

let app;
const mi = JSON.parse(await readFile(new URL('../../locales/mi.json', import.meta.url), 'utf8'));
const en = JSON.parse(await readFile(new URL('../../locales/en.json', import.meta.url), 'utf8'));
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

test('switching to te reo Māori changes the interface, the address and <html lang>, and is remembered', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/indicators?dimension=dimensions.recognition');
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  // A link to the same view at its te reo address, named in te reo and marked so.
  const toMi = page.getByRole('link', { name: 'Te reo Māori', exact: true });
  assert.equal(await toMi.getAttribute('lang'), 'mi');
  assert.equal(await toMi.getAttribute('href'), '/mi/indicators?dimension=dimensions.recognition');
  await toMi.click();
  await page.waitForURL('**/mi/indicators?dimension=dimensions.recognition');
  await ready(page);
  const nav = page.getByRole('navigation', { name: mi.nav.label });
  await nav.getByRole('link', { name: mi.nav.indicators }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  // Every link stays in te reo.
  assert.equal(await nav.getByRole('link', { name: mi.nav.about }).getAttribute('href'), '/mi/about');
  await page.getByRole('heading', { level: 1, name: mi.indicators.title }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: mi.indicators.dimension }).inputValue(), 'dimensions.recognition');

  // A link followed keeps the language; a reload keeps it; so does a fresh visit to an
  // address that names no language (the choice is remembered).
  await nav.getByRole('link', { name: mi.nav.data }).click();
  await page.getByRole('heading', { level: 1, name: mi.data.title }).waitFor();
  assert.equal(where(page), '/mi/open-data');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: mi.data.title }).waitFor();
  await page.goto(app.origin + '/about');
  await page.waitForURL('**/mi/about');
  await page.getByRole('navigation', { name: mi.nav.label }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');

  // And back: English has no prefix, and is remembered too.
  const toEn = page.getByRole('link', { name: 'English' });
  assert.equal(await toEn.getAttribute('lang'), 'en');
  await toEn.click();
  await page.waitForURL((u) => u.pathname === '/about');
  await ready(page);
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.goto(app.origin + '/framework');
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  assert.equal(where(page), '/framework');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a link with lang=mi opens in te reo Māori for someone who chose English, without changing their choice', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/framework');
  await page.evaluate(() => localStorage.setItem('cohesion-explorer:lang', 'en'));
  await page.goto(app.origin + '/framework/strategic?node=strategic.principle.manaakitanga&lang=mi');
  await page.getByRole('navigation', { name: mi.nav.label }).waitFor();
  // Framework content is quoted in English (the source's language) and marked so.
  const heading = page.locator('h1').first();
  assert.equal(await heading.getAttribute('lang'), 'en');
  assert.equal(await page.locator('.detail:not([hidden]) h2').evaluate((h) => h.closest('[lang]').getAttribute('lang')), 'en');
  assert.equal(await page.evaluate(() => localStorage.getItem('cohesion-explorer:lang')), 'en');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

/// Text on the page that a screen reader would read as te reo Māori (its nearest `lang` is
/// `mi`) but that reads as English: it has common English words in it. Attributes that are
/// read out (aria-label, placeholder, title) count too.
async function englishReadAsMaori(page) {
  return page.evaluate(() => {
    const english = /\b(the|and|with|from|your|this|of|to|in|is|are|no|not|by|for)\b/i;
    const found = [];
    const langOf = (el) => el.closest('[lang]')?.getAttribute('lang');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, code, [aria-hidden="true"]')) continue;
      const text = n.textContent.trim();
      if (text && english.test(text) && langOf(el) === 'mi' && el.getClientRects().length) found.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v && english.test(v) && langOf(el) === 'mi') found.push(`${a}: ${v}`);
      }
    }
    return found;
  });
}

for (const route of ['/framework/strategic/strategic.principle.manaakitanga', '/framework/strategic/text', '/framework/crosswalk',
  '/indicators', '/indicators/discrimination', '/profile', '/open-data', '/worksheet', '/about', '/no-such-page']) {
  test(`in te reo Māori, no English text on ${route} is marked as te reo`, async () => {
    const page = await app.page();
    await page.goto(app.origin + '/mi' + route);
    await page.getByRole('navigation', { name: mi.nav.label }).waitFor();
    await page.locator('main h1').first().waitFor();
    if (route.startsWith('/indicators/')) await page.locator('#time-series canvas, #time-series .chart-picture:visible').first().waitFor();
    assert.deepEqual(await englishReadAsMaori(page), []);
    // A page that is not there is answered with status 404, which the browser reports.
    assert.deepEqual(page.consoleErrors.filter((e) => !(route === '/no-such-page' && e.includes('404'))), []);
    await page.close();
  });
}

test('an unknown lang value falls back to the remembered or default language, not an error', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/about?lang=fr');
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('the te reo strings file says its translations are our own and need review, and About says so in both languages', async () => {
  assert.match(mi.translation.status, /arotake/);
  const page = await app.page();
  for (const [lang, strings] of [['en', en], ['mi', mi]]) {
    await page.goto(app.origin + (lang === 'mi' ? '/mi/about' : '/about'));
    const note = page.locator('#translation-note');
    await note.waitFor();
    const text = await note.innerText();
    assert.match(text, /our own translation/i, `About (${lang}) says the te reo is our own translation`);
    assert.match(text, /review/i);
    assert.ok(text.includes(mi.translation.status), `About (${lang}) quotes the strings file's mark`);
    assert.equal(await note.locator(`[lang="mi"]`).first().innerText(), mi.translation.status);
    void strings;
  }
  await page.close();
});
