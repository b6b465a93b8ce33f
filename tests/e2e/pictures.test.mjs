// The charts drawn at build time (scripts/chart-pictures.mjs): each prerendered chart's box
// gets ECharts' own SVG in the light look and the dark, at a phone's width and a desktop's, fit for the page's policy (no
// <style> element), with ids of its own, and the options it was drawn from leave the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pictureCharts, WIDTHS } from '../../scripts/chart-pictures.mjs';

const options = {
  legend: { data: ['Everyone', 'Māori & Pacific'] },
  xAxis: { type: 'category', data: ['2021', '2023'] },
  yAxis: { type: 'value', name: 'mean score 0-10' },
  series: [{ type: 'line', name: 'Everyone', data: [7.7, 7.4] }, { type: 'line', name: 'Māori & Pacific', data: [7.1, 7.0] }],
};
// As the prerenderer writes an attribute: `&` and `"` escaped.
const escaped = JSON.stringify(options).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const box = (id, height) => `<div id="${id}" role="img" aria-label="A chart" data-picture="${escaped}" data-pictured="0123456789abcdef" data-picture-dark="${escaped}" data-pictured-dark="fedcba9876543210" class="chart is-loading" style="height:${height}px;"></div>`;

test('a chart box gets its pictures, cleaned for the page, and loses the options', () => {
  const { html, drawn } = pictureCharts(`<main>${box('time-series', 320)}<p>after</p>${box('gaps', 200)}</main>`);
  assert.equal(drawn, 2);
  assert.ok(!html.includes('data-picture='), 'the options are gone');
  assert.ok(!html.includes('data-picture-dark='), 'the dark look\'s options too');
  assert.ok(html.includes('data-pictured="0123456789abcdef" data-pictured-dark="fedcba9876543210"'), 'the marks stay, for the browser to compare');
  assert.equal((html.match(/<div class="chart-pictures" data-look="light"><svg/g) ?? []).length, 2, 'each box has its light pictures');
  assert.equal((html.match(/<div class="chart-pictures" data-look="dark"><svg/g) ?? []).length, 2, 'and its dark ones');
  assert.ok(!html.includes('is-loading'), 'a drawn box does not pulse');
  assert.ok(!/<style/.test(html), 'no <style>: the policy allows style sheets from the site only');
  assert.ok(!/ecmeta_|zr\d+-/.test(html), 'no ECharts bookkeeping');
  const pictures = [...html.matchAll(/<svg class="chart-picture" data-width="(\d+)" aria-hidden="true" focusable="false"[^>]*viewBox="0 0 (\d+) (\d+)"/g)];
  assert.deepEqual(pictures.map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]),
    [320, 320, 200, 200].flatMap((height) => WIDTHS.map((width) => [width, width, height])));
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `every id once: ${ids.join(' ')}`);
  assert.ok(html.includes('>Māori &amp; Pacific<'), 'the legend, read from the attribute and escaped once as SVG text');
  assert.ok(html.startsWith('<main><div id="time-series"') && html.includes('</svg></div></div><p>after</p><div id="gaps"') && html.endsWith('</svg></div></div></main>'),
    'the rest of the page is untouched');
});

test('a chart box with no height is an error that names the chart', () => {
  const bad = box('time-series', 320).replace(' style="height:320px;"', '');
  assert.throws(() => pictureCharts(bad), /chart time-series: no height/);
});

test('the build left no options in any page, and every marked chart has its pictures', { skip: !statSync('dist', { throwIfNoEntry: false }) && 'no build' }, () => {
  const pages = [];
  const walk = (dir) => readdirSync(dir).forEach((n) => {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) walk(full);
    else if (n.endsWith('.html')) pages.push(full);
  });
  walk('dist');
  let boxes = 0;
  let pictured = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    assert.ok(!html.includes('data-picture='), `${page} still carries chart options`);
    boxes += (html.match(/data-pictured=/g) ?? []).length;
    const picture = '<svg class="chart-picture"[^>]*>[\\s\\S]*?<\\/svg>';
    const look = (name) => `<div class="chart-pictures" data-look="${name}">${picture}${picture}<\\/div>`;
    pictured += (html.match(new RegExp(`data-pictured="[0-9a-f]{16}" data-pictured-dark="[0-9a-f]{16}"[^>]*>${look('light')}${look('dark')}<\\/div>`, 'g')) ?? []).length;
  }
  assert.ok(boxes > 100, `charts on the prerendered pages: ${boxes}`);
  assert.equal(pictured, boxes, 'each marked box holds its two pictures in each look');
});
