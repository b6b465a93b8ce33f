// Lighthouse, mobile profile, on the main routes of the built app under its Content Security
// Policy: accessibility, best practices and SEO 100. Performance, LCP, CLS and TBT are
// reported (`node scripts/lighthouse.mjs` prints their medians), not asserted: they depend on
// the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, ROUTES } from '../../scripts/lighthouse.mjs';

test('Lighthouse: accessibility, best practices and SEO 100 on every main route', async () => {
  const scores = await audit(ROUTES);
  const low = [];
  for (const [route, s] of Object.entries(scores)) {
    console.log(`# ${route}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}, LCP ${Math.round(s.lcp)} ms, CLS ${s.cls.toFixed(3)}, TBT ${Math.round(s.tbt)} ms`);
    for (const category of ['accessibility', 'best-practices', 'seo']) {
      if (s[category] < 100) low.push(`${route}: ${category} ${s[category]} (${s.failing.join(', ')})`);
    }
  }
  assert.deepEqual(low, []);
});
