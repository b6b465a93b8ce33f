// Lighthouse, mobile profile, on the main routes of the built app under its Content Security
// Policy: accessibility 100, best practices at least 95, SEO at least 90. Performance is
// reported (scripts/lighthouse.mjs prints it), not asserted: it depends on the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, ROUTES } from '../../scripts/lighthouse.mjs';

test('Lighthouse: accessibility 100, best practices ≥ 95, SEO ≥ 90 on every main route', async () => {
  const scores = await audit(ROUTES);
  const low = [];
  for (const [route, s] of Object.entries(scores)) {
    console.log(`# ${route}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}`);
    if (s.accessibility < 100) low.push(`${route}: accessibility ${s.accessibility} (${s.failing.join(', ')})`);
    if (s['best-practices'] < 95) low.push(`${route}: best practices ${s['best-practices']} (${s.failing.join(', ')})`);
    if (s.seo < 90) low.push(`${route}: SEO ${s.seo} (${s.failing.join(', ')})`);
  }
  assert.deepEqual(low, []);
});
