// The main journeys in the three browser engines people use: Chromium (playwright-core),
// Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKit, Safari's engine (WebKitGTK's
// WebDriver with its MiniBrowser, under Xvfb). Short on purpose: the rest of the suite runs in
// Chromium; this proves the diagram by keyboard and by tap, a group on an indicator page and
// the profile's weights work in each engine, on a phone's screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { startServer, cspOf } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const VISION = 'All people, whānau and communities thrive, belong and are respected in Aotearoa New Zealand.';
const KOTAHITANGA = 'Kotahitanga: Working connectively and in partnership';

let server;
let origin;
before(async () => {
  server = await startServer({ dir: 'dist', base: '/', headers: { 'content-security-policy': await cspOf('dist') } });
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

/// Polls `fn` in the page until it returns something truthy (10 s at most).
async function until(page, fn, arg, what) {
  for (let i = 0; i < 100; i++) {
    const value = await page.eval(fn, arg).catch(() => undefined);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${page.engine}: timed out waiting for ${what}`);
}

// Each engine behind the same few verbs: goto, eval (a function and one argument, in the
// page), click and tap (an element by CSS selector, with real input), press (a key, to the
// focused element), close.

async function chromiumPage() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  return {
    engine: 'chromium',
    goto: (url) => page.goto(url),
    eval: (fn, arg) => page.evaluate(fn, arg),
    click: (sel) => page.click(sel),
    tap: (sel) => page.tap(sel),
    press: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}

async function firefoxPage() {
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    // No updates, telemetry or remote settings: the machine's network is closed.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false, 'network.captive-portal-service.enabled': false },
  });
  const page = await browser.newPage();
  await page.setViewport({ ...PHONE, hasTouch: true, isMobile: false });
  return {
    engine: 'firefox',
    goto: (url) => page.goto(url),
    eval: (fn, arg) => page.evaluate(fn, arg),
    click: (sel) => page.click(sel),
    tap: async (sel) => {
      const box = await (await page.$(sel)).boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    },
    press: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}

const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser'].find(existsSync);
// WebDriver's key codes for the keys the journeys press.
const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', Tab: '\uE004', Enter: '\uE007' };

/// WebKit through W3C WebDriver (classic), spoken over HTTP: WebKitWebDriver under xvfb-run
/// starts MiniBrowser in automation mode.
async function webkitPage() {
  const port = 4444 + Math.floor(Math.random() * 1000);
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`webkit: ${method} ${path}: ${json.value?.message ?? res.status}`);
    return json.value;
  };
  let session;
  for (let i = 0; i < 100 && !session; i++) {
    try {
      session = (await call('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } })).sessionId;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!session) throw new Error('webkit: WebKitWebDriver gave no session');
  const s = `/session/${session}`;
  await call('POST', `${s}/window/rect`, { width: PHONE.width, height: PHONE.height });
  const element = async (sel) => Object.values(await call('POST', `${s}/element`, { using: 'css selector', value: sel }))[0];
  const pointer = async (sel, pointerType) => {
    const id = await element(sel);
    // One input source per pointer type: WebDriver refuses a source reused with another type.
    await call('POST', `${s}/actions`, { actions: [{ type: 'pointer', id: pointerType, parameters: { pointerType }, actions: [
      { type: 'pointerMove', origin: { 'element-6066-11e4-a52e-4f735466cecf': id }, x: 0, y: 0 },
      { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
    await call('DELETE', `${s}/actions`);
  };
  return {
    engine: 'webkit',
    goto: (url) => call('POST', `${s}/url`, { url }),
    eval: (fn, arg) => call('POST', `${s}/execute/sync`, { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] }),
    click: (sel) => pointer(sel, 'mouse'),
    tap: (sel) => pointer(sel, 'touch').catch(() => pointer(sel, 'mouse')),
    press: async (key) => {
      const value = KEYS[key] ?? key;
      await call('POST', `${s}/actions`, { actions: [{ type: 'key', id: 'k', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
    },
    close: async () => {
      await call('DELETE', s).catch(() => {});
      try { process.kill(-driver.pid); } catch { /* already gone */ }
    },
  };
}

const ready = (page) => until(page, () => document.documentElement.hasAttribute('data-ready'), null, 'the page to be taken over');
/// Waits for the checkbox labelled `label` and marks it, so real input can be aimed at it by a
/// selector. (A function, not a string: Puppeteer evaluates a string as an expression.)
const markCheckbox = (page, label) => until(page, (text) => {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === text);
  const input = l && (l.querySelector('input') ?? document.getElementById(l.htmlFor));
  if (input) input.setAttribute('data-smoke', '');
  return !!input;
}, label, `the checkbox ${label}`);

async function journeys(page) {
  // The diagram by keyboard: Tab from the top of the page reaches a part, which is scrolled
  // into view; an arrow moves to the next part, also in view.
  await page.goto(origin + '/framework/strategic');
  await ready(page);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.press('Tab');
    reached = await page.eval(() => !!document.activeElement?.classList?.contains('node'));
  }
  assert.ok(reached, `${page.engine}: Tab reaches the diagram`);
  const inView = () => { const r = document.activeElement.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
  await until(page, inView, null, 'the part Tab reached to be in view');
  // The diagram is drawn at several widths and the stylesheet shows one: the part on screen.
  await page.eval((label) => [...document.querySelectorAll(`.node[aria-label="${label}"]`)].find((n) => n.getClientRects().length > 0).focus(), VISION);
  await page.press('ArrowRight');
  assert.equal(await page.eval(() => document.activeElement.getAttribute('aria-label')), 'People, whānau and communities', `${page.engine}: the arrow moves to the next part`);
  await until(page, inView, null, 'the part the arrow reached to be in view');

  // The diagram by tap: a part opens its detail, and the address says which.
  // Its own shape is scrolled to: Firefox does not scroll to an SVG link (issue 23).
  await page.eval((label) => {
    const part = [...document.querySelectorAll(`.node[aria-label="${label}"]`)].find((n) => n.getClientRects().length > 0);
    part.setAttribute('data-smoke-part', '');
    part.querySelector('rect').scrollIntoView({ block: 'center' });
  }, KOTAHITANGA);
  await page.tap('[data-smoke-part] rect');
  await until(page, () => location.pathname === '/framework/strategic/strategic.principle.kotahitanga', null, 'the tapped part in the address');
  await until(page, () => /Working connectively and in partnership/.test(document.querySelector('aside.detail:not([hidden])')?.textContent ?? ''), null, 'the detail panel');

  // A group on an indicator page: ticked, it is in the address and in the table.
  await page.goto(origin + '/indicators/discrimination');
  await ready(page);
  await markCheckbox(page, 'Māori (ethnicity)');
  await page.eval(() => document.querySelector('[data-smoke]').scrollIntoView({ block: 'center' }));
  await page.click('[data-smoke]');
  await until(page, () => decodeURIComponent(location.search) === '?groups=ethnicity:Māori', null, 'the group in the address');
  // (The table holds every group's rows, hidden until chosen: the group's are shown.)
  await until(page, () => [...document.querySelectorAll('section.panel:has(#time-series) tr:not([hidden]) th[scope=row]')].some((c) => c.textContent.includes('Māori')), null, 'the group in the table');

  // The profile's weights, by keyboard: one step down is in the address.
  await page.goto(origin + '/profile');
  await ready(page);
  await page.eval(() => { const w = document.getElementById('weight-0'); w.scrollIntoView({ block: 'center' }); w.focus(); });
  await page.press('ArrowLeft');
  await until(page, () => new URLSearchParams(location.search).get('w') === '0,1,1,1,1', null, 'the weight in the address');
  await until(page, () => document.querySelector('#weight-0 + output')?.textContent === '0', null, 'the weight shown');
  const errors = await page.eval(() => document.querySelectorAll('.error-panel, [role=alert]').length);
  assert.equal(errors, 0, `${page.engine}: no error shown`);
}

for (const [name, open] of [['Chromium', chromiumPage], ['Firefox ESR', firefoxPage], ['WebKit', webkitPage]]) {
  test(`${name}: the diagram by keyboard and by tap, a group on an indicator page, the profile's weights`, async () => {
    const page = await open();
    try {
      await journeys(page);
    } finally {
      await page.close();
    }
  });
}
