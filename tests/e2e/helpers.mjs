// Shared set-up for the end-to-end tests: serve the release build in dist/ on 127.0.0.1 and
// drive Debian's Chromium with playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { startServer, cspOf } from '../../scripts/static-server.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/// Every test runs the app under the Content Security Policy the build wrote, sent as a header
/// the way a host would: a violation shows as a console error, which the tests assert against.
export async function launch({ dir = 'dist', base = '/' } = {}) {
  const headers = { 'content-security-policy': await cspOf(dir) };
  const server = await startServer({ dir, base, headers });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    browser,
    /// `options` go to Playwright (`bypassCSP` only for test tooling such as axe-core).
    async page(viewport = { width: 1280, height: 800 }, options = {}) {
      const page = await browser.newPage({ viewport, ...options });
      // Every page arrives prerendered; the app then takes it over. Going to a page waits for
      // that (the root's `data-ready`), so a test acts on the running app, as a person who
      // waits a moment would. With scripts off there is nothing to wait for.
      if (options.javaScriptEnabled !== false) {
        // `gotoServed` goes without waiting, for a test that holds the app back on purpose.
        page.gotoServed = page.goto.bind(page);
        for (const method of ['goto', 'reload']) {
          const original = page[method].bind(page);
          page[method] = async (...args) => {
            const response = await original(...args);
            if (page.url().startsWith(origin)) {
              await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
            }
            return response;
          };
        }
      }
      page.consoleErrors = [];
      page.consoleWarnings = [];
      page.on('console', (m) => {
        if (m.type() === 'error') page.consoleErrors.push(m.text());
        if (m.type() === 'warning') page.consoleWarnings.push(m.text());
      });
      page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/// The path and query of a page's URL.
export const where = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };

/// Waits until the app has taken over the page it was served (for pages not made by `page()`).
export const ready = (page) => page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
