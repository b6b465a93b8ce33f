// Every chart of a prerendered page, drawn at build time as SVG by ECharts itself (its
// server-side renderer, in Node), into the chart's box. The page then shows its charts from
// the first paint, and the browser loads ECharts only when a chart must change or the person
// reaches for one (src/charts/render.rs says when): on a phone, ECharts' evaluation and first
// draw were most of a chart page's blocking time.
//
// The prerenderer leaves each chart as `<div class="chart" … data-picture="OPTIONS"
// data-pictured="MARK" data-picture-dark="…" data-pictured-dark="…">`: the options, as
// JSON, are exactly those the chart module would give the browser in the light look and the
// dark (`ChartRequest::options_json`), and each MARK is that request's fingerprint, which the
// browser compares with its own before it trusts a picture. This step draws each look's options
// at a phone's width and a desktop's (`WIDTHS`), puts the four pictures in the box (the
// stylesheet shows the one in the page's look that fits the box, by a container query), and
// removes the options from the page.
//
// The pictures are cleaned for the page's policy and for a page of many charts: no <style>
// element (ECharts adds hover styles; `style-src 'self'` would refuse it and say so in the
// console), ids made unique to the chart and width, and hidden from assistive technology
// (the box is `role="img"` with its own label, and the data table beside it has the numbers).
import * as echarts from 'echarts';

/** The widths each chart is drawn at: its box on a phone (390 px wide) and on a desktop (1280
 * px wide). style/main.css names them, to show the one nearer the box's width. */
export const WIDTHS = [340, 1216];

const ENTITIES = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

function unescapeAttribute(text) {
  return text.replace(/&(quot|#x27|#39|lt|gt|amp);/g, (m) => ENTITIES[m]);
}

/** One chart's options drawn as SVG, `width` by `height`, in ECharts' `theme` (null: its
 * default, as the app's light look), with ids starting `prefix`. */
export function drawPicture(options, width, height, prefix, theme = null) {
  const chart = echarts.init(null, theme, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...options, animation: false });
    return tidy(chart.renderToSVGString(), width, height, prefix);
  } finally {
    chart.dispose();
  }
}

/** ECharts' SVG made fit for the page (see the top of this file). */
function tidy(svg, width, height, prefix) {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/\s(?:ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, `${prefix}-`)
    .replace(/^<svg width="[^"]*" height="[^"]*"/, `<svg class="chart-picture" data-width="${width}" aria-hidden="true" focusable="false"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="0 0 ${width} ${height}"`)
    .replace(/>\s*\n\s*</g, '><');
}

/** A chart box the prerenderer wrote: its attributes, with the options in each look. */
const BOX = /<div\b([^>]*\sdata-picture="[^"]*"[^>]*)><\/div>/g;
const LOOKS = [['light', 'data-picture', null], ['dark', 'data-picture-dark', 'dark']];

/**
 * `html` with every chart box that carries options given its pictures. `cache` (a Map) saves
 * drawing the same chart twice. Returns the new html and how many charts were drawn.
 */
export function pictureCharts(html, cache = new Map()) {
  let drawn = 0;
  const out = html.replace(BOX, (whole, attributes) => {
    const height = Number(/height:\s*(\d+)px/.exec(attributes)?.[1]);
    const id = /\bid="([^"]+)"/.exec(attributes)?.[1] ?? 'chart';
    if (!Number.isFinite(height) || height <= 0) throw new Error(`chart ${id}: no height in its box`);
    let kept = attributes;
    const looks = LOOKS.map(([look, attribute, theme]) => {
      const found = new RegExp(`\\s${attribute}="([^"]*)"`).exec(attributes);
      if (!found) throw new Error(`chart ${id}: no ${attribute}`);
      kept = kept.replace(found[0], '');
      const json = unescapeAttribute(found[1]);
      const pictures = WIDTHS.map((width) => {
        const key = `${look}:${width}x${height}:${id}:${json}`;
        if (!cache.has(key)) cache.set(key, drawPicture(JSON.parse(json), width, height, `${id}-${look}-${width}`, theme));
        return cache.get(key);
      }).join('');
      return `<div class="chart-pictures" data-look="${look}">${pictures}</div>`;
    }).join('');
    drawn += 1;
    const opened = `<div${kept}>`.replace(/\bclass="chart is-loading"/, 'class="chart"');
    return `${opened}${looks}</div>`;
  });
  return { html: out, drawn };
}
