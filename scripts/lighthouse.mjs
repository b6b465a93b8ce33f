// Lighthouse 12 (mobile profile: a mid-range phone on a slow 4G network, simulated) on the
// built app's main routes, served from dist/ as a host would (precompressed, with the build's
// Content Security Policy), in Debian's Chromium.
//   node scripts/lighthouse.mjs [--runs 3] [--fresh] [route ...]
// Prints, per route, the median of the runs with the minimum and maximum: the four scores, and
// LCP, CLS and TBT. With --fresh, every run has a browser of its own with a new, empty profile
// (a first visit: no compiled-code cache, no HTTP cache, no service worker); without it, the runs
// share one browser, as a returning visitor's would be warm.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, cspOf } from './static-server.mjs';

export const ROUTES = ['/', '/framework/strategic', '/indicators', '/indicators/trust_police', '/indicators/discrimination', '/profile', '/open-data', '/about'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One audit per route and run: { route: { performance, accessibility, 'best-practices', seo, lcp, cls, tbt, failing } }, medians over `runs`. */
export async function audit(routes = ROUTES, { dir = 'dist', runs = 1, fresh = false } = {}) {
  const server = await startServer({ dir, headers: { 'content-security-policy': await cspOf(dir) } });
  // chrome-launcher gives every launch a new temporary profile.
  const launch = () => chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let chrome = await launch();
  const results = {};
  try {
    for (const route of routes) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        if (fresh && (run > 0 || route !== routes[0])) {
          await chrome.kill();
          chrome = await launch();
        }
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
      const spread = (k) => [Math.min(...samples.map((s) => s[k])), Math.max(...samples.map((s) => s[k]))];
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
        tbtRuns: samples.map((s) => Math.round(s.tbt)),
        lcpSpread: spread('lcp'),
        tbtSpread: spread('tbt'),
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
  const freshAt = args.indexOf('--fresh');
  const fresh = freshAt >= 0;
  if (fresh) args.splice(freshAt, 1);
  const results = await audit(args.length ? args : ROUTES, { runs, fresh });
  console.log(`Lighthouse mobile, median of ${runs} run(s) [min-max], ${fresh ? 'a fresh browser profile for every run (a first visit)' : 'one browser for all runs'}; ${new Date().toISOString()}`);
  console.log('route                          perf (runs)        a11y  best  SEO   LCP s [min-max]      CLS    TBT ms [runs]');
  for (const [route, r] of Object.entries(results)) {
    const lcp = `${(r.lcp / 1000).toFixed(2)} [${(r.lcpSpread[0] / 1000).toFixed(2)}-${(r.lcpSpread[1] / 1000).toFixed(2)}]`;
    console.log(`${route.padEnd(30)} ${String(r.performance).padStart(4)} (${r.runs.join(', ')})`.padEnd(50) + ` ${String(r.accessibility).padStart(4)}  ${String(r['best-practices']).padStart(4)}  ${String(r.seo).padStart(3)}  ${lcp.padEnd(20)} ${r.cls.toFixed(3)}  ${String(Math.round(r.tbt)).padStart(5)} [${r.tbtRuns.join(', ')}]${r.failing.length ? `  failing: ${r.failing.join(', ')}` : ''}`);
  }
}
