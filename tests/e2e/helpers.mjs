// Shared set-up for the end-to-end tests: serve the release build in dist/ on 127.0.0.1 and
// drive Debian's Chromium with playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch() {
  const server = await startServer({ dir: 'dist' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    browser,
    async page(viewport = { width: 1280, height: 800 }) {
      const page = await browser.newPage({ viewport });
      page.consoleErrors = [];
      page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
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
