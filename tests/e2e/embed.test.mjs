// Sharing and embedding: a host page on one port embeds the app from another; the frame
// shows the view, resizes to its content, sends links to a new tab, and ignores messages from
// the wrong origin. A shared link opens exactly the shared view. The app also runs under a
// sub-path with the strict policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { launch, where, ready } from './helpers.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app.close(); });

/** A page server on its own port (a different origin from the app). */
function serve(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(typeof html === 'function' ? html(req) : html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const originOf = (server) => `http://127.0.0.1:${server.address().port}`;

test('a host page embeds a view that resizes to its content, opens links in a new tab, and ignores a wrong origin', async () => {
  // A third origin that posts a forged resize message to its parent.
  const forger = await serve('<!doctype html><title>forger</title><script>parent.postMessage({ type: "cohesion-explorer:resize", version: 1, height: 77 }, "*")</script>');
  const host = await serve(() => `<!doctype html><html lang="en"><title>Agency page</title>
    <h1>Our agency</h1>
    <iframe id="view" title="Indicators" src="${app.origin}/embed/indicators?q=trust" data-cohesion-explorer width="100%" height="300"
      sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads" allow="" style="border:0"></iframe>
    <iframe id="forger" title="Not ours" src="${originOf(forger)}/" height="50"></iframe>
    <script src="${app.origin}/embed.js"></script>`);
  const page = await app.page({ width: 800, height: 700 });
  await page.goto(originOf(host) + '/');
  const frame = page.frameLocator('#view');
  await frame.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
  assert.equal(await frame.getByRole('navigation', { name: 'Main' }).count(), 0, 'no site navigation in an embed');
  await frame.getByText('Source: New Zealand government frameworks').waitFor();

  const height = () => page.locator('#view').evaluate((f) => f.getBoundingClientRect().height);
  const content = () => frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await page.waitForFunction(() => Number(document.querySelector('#view').dataset.cohesionHeight) > 300);
  assert.equal(Math.round(await height()), await content(), 'the frame is as tall as its content');

  // The content changes (a search that matches two indicators, the GSS's and the OECD's): the frame follows.
  const before = await height();
  await frame.getByRole('searchbox', { name: 'Search' }).fill('parliament');
  await frame.getByRole('status').filter({ hasText: '2 indicators' }).waitFor();
  await page.waitForFunction((b) => document.querySelector('#view').getBoundingClientRect().height < b - 100, before);
  assert.equal(Math.round(await height()), await content());

  // The forged message from another origin changed nothing.
  await page.frameLocator('#forger').locator('title').count();
  assert.notEqual(Math.round(await height()), 77);
  // Nor does one posted by the host page itself (right type, wrong source window).
  await page.evaluate(() => window.postMessage({ type: 'cohesion-explorer:resize', version: 1, height: 55 }, '*'));
  await page.waitForTimeout(200);
  assert.notEqual(Math.round(await height()), 55);

  // Links leave the frame in a new tab, as the full explorer; the frame stays put.
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    frame.getByRole('link', { name: 'Trust in Parliament', exact: true }).click(),
  ]);
  await popup.waitForLoadState();
  assert.equal(where(popup), '/indicators/trust_parliament');
  await popup.getByRole('navigation', { name: 'Main' }).waitFor();
  const [full] = await Promise.all([
    page.waitForEvent('popup'),
    frame.getByRole('link', { name: 'Open in the full explorer' }).click(),
  ]);
  await full.waitForLoadState();
  assert.equal(decodeURIComponent(where(full)), '/indicators?q=parliament');
  assert.match(await frame.locator('html').evaluate(() => location.pathname), /^\/embed\/indicators$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
  host.close();
  forger.close();
});

test('the theme parameters recolour an embed, and the embed dialog gives both snippets', async () => {
  const page = await app.page();
  await page.goto(app.origin + '/embed/framework/strategic?theme=dark&accent=b5285a&font=Georgia');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const look = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { accent: s.getPropertyValue('--ce-accent').trim(), bg: s.getPropertyValue('--ce-bg').trim(), font: getComputedStyle(document.body).fontFamily };
  });
  assert.deepEqual(look, { accent: '#b5285a', bg: '#111719', font: 'Georgia' });

  await page.goto(app.origin + '/framework/strategic/strategic.vision');
  await page.getByRole('complementary').waitFor();
  const opener = page.getByRole('button', { name: 'Embed this view' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.waitFor();
  const resizing = await dialog.getByRole('textbox', { name: /Resizes to its content/ }).inputValue();
  assert.match(resizing, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/framework\/strategic\/strategic\.vision" title="[^"]+" data-cohesion-explorer /);
  assert.match(resizing, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"/);
  assert.match(resizing, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>$/);
  const plain = await dialog.getByRole('textbox', { name: /Plain iframe/ }).inputValue();
  assert.match(plain, /loading="lazy"/);
  assert.doesNotMatch(plain, /<script/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await opener.evaluate((b) => b === document.activeElement), 'focus returns to the button that opened it');
  await page.close();
});

test('a shared link opens exactly the view that was shared', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  const page = await context.newPage();
  await page.goto(app.origin + '/framework/strategic');
  await ready(page);
  await page.getByRole('combobox', { name: 'Lens' }).selectOption({ label: 'Recognition' });
  await page.getByRole('button', { name: /^Kotahitanga/ }).click();
  await page.getByRole('complementary').waitFor();
  await page.getByRole('button', { name: 'Share this view' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(shared, page.url());

  const other = await context.newPage();
  await other.goto(shared);
  await ready(other);
  await other.getByRole('complementary', { name: /Kotahitanga/ }).waitFor();
  assert.equal(await other.getByRole('combobox', { name: 'Lens' }).inputValue(), 'dimensions.recognition');
  assert.equal(where(other), where(page));
  await context.close();
});

test('under a sub-path with the strict policy: deep links, data, charts and navigation work with no console error', { skip: !existsSync('target/dist-sub/index.html') && 'run scripts/test.sh to build target/dist-sub' }, async () => {
  const sub = await launch({ dir: 'target/dist-sub', base: '/social-cohesion/' });
  try {
    const page = await sub.page({ width: 390, height: 844 });
    const response = await page.goto(sub.origin + '/social-cohesion/indicators/discrimination?groups=ethnicity:M%C4%81ori');
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    await page.getByRole('heading', { level: 1, name: /Experienced discrimination/ }).waitFor();
    await page.locator('#time-series canvas').waitFor();
    // A tooltip on tap: ECharts writes inline style attributes, which the policy allows.
    const box = await page.locator('#time-series').boundingBox();
    await page.mouse.click(box.x + box.width - 30, box.y + box.height / 2);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Framework' }).click();
    await page.waitForFunction(() => location.pathname === '/social-cohesion/framework');
    await page.getByRole('button', { name: /^All people, whānau/ }).click();
    await page.getByRole('complementary').waitFor();
    assert.equal(where(page), '/social-cohesion/framework/strategic/strategic.vision');
    await page.reload();
    await page.getByRole('complementary').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.waitForFunction(() => location.pathname === '/social-cohesion/open-data');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  } finally {
    await sub.close();
  }
});
