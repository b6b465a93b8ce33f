// Lighthouse 12 (mobile profile: a mid-range phone on a slow 4G network, simulated) on the
// built app's main routes, served from dist/ as a host would (precompressed, with the build's
// Content Security Policy), in Debian's Chromium.
//   node scripts/lighthouse.mjs [--runs 3] [route ...]
// Prints, per route, the median of the runs: the four scores, and LCP, CLS and TBT.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, cspOf } from './static-server.mjs';

export const ROUTES = ['/framework/strategic', '/indicators', '/indicators/trust_police', '/indicators/discrimination', '/profile', '/open-data', '/about'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One audit per route and run: { route: { performance, accessibility, 'best-practices', seo, lcp, cls, tbt, failing } }, medians over `runs`. */
export async function audit(routes = ROUTES, { dir = 'dist', runs = 1 } = {}) {
  const server = await startServer({ dir, headers: { 'content-security-policy': await cspOf(dir) } });
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const results = {};
  try {
    for (const route of routes) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const url = `http://127.0.0.1:${server.address().port}${route}`;
        const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
        samples.push({
          ...scores,
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          failing: Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
            .map((a) => a.id),
        });
      }
      const pick = (k) => median(samples.map((s) => s[k]));
      results[route] = {
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        'best-practices': pick('best-practices'),
        seo: pick('seo'),
        lcp: pick('lcp'),
        cls: pick('cls'),
        tbt: pick('tbt'),
        failing: [...new Set(samples.flatMap((s) => s.failing))],
        runs: samples.map((s) => s.performance),
      };
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 3;
  const results = await audit(args.length ? args : ROUTES, { runs });
  console.log(`Lighthouse mobile, median of ${runs} run(s)`);
  console.log('route                          perf  a11y  best  SEO   LCP s  CLS    TBT ms  (perf per run)');
  for (const [route, r] of Object.entries(results)) {
    console.log(`${route.padEnd(30)} ${String(r.performance).padStart(4)}  ${String(r.accessibility).padStart(4)}  ${String(r['best-practices']).padStart(4)}  ${String(r.seo).padStart(3)}  ${(r.lcp / 1000).toFixed(2).padStart(5)}  ${r.cls.toFixed(3)}  ${String(Math.round(r.tbt)).padStart(6)}  (${r.runs.join(', ')})${r.failing.length ? `  failing: ${r.failing.join(', ')}` : ''}`);
  }
}
