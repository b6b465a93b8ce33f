// Lighthouse (mobile profile) on the built app's main routes, served from dist/ with the
// build's Content Security Policy, in Debian's Chromium.
//   node scripts/lighthouse.mjs [route ...]     prints the four scores per route
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, cspOf } from './static-server.mjs';

export const ROUTES = ['/framework/strategic', '/indicators', '/indicators/discrimination', '/profile', '/open-data', '/about'];

/** Scores (0–100) for each route: { route: { performance, accessibility, 'best-practices', seo } }. */
export async function audit(routes = ROUTES, dir = 'dist') {
  const server = await startServer({ dir, headers: { 'content-security-policy': await cspOf(dir) } });
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const scores = {};
  try {
    for (const route of routes) {
      const url = `http://127.0.0.1:${server.address().port}${route}`;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      const c = result.lhr.categories;
      scores[route] = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v.score * 100)]));
      scores[route].failing = Object.values(result.lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const routes = process.argv.slice(2);
  const scores = await audit(routes.length ? routes : ROUTES);
  for (const [route, s] of Object.entries(scores)) {
    console.log(`${route.padEnd(30)} performance ${s.performance}  accessibility ${s.accessibility}  best practices ${s['best-practices']}  SEO ${s.seo}${s.failing.length ? `  (failing: ${s.failing.join(', ')})` : ''}`);
  }
}
