// Page weight, from a build's precompressed files (as a host serves them):
// - every asset (wasm, JavaScript, CSS, the chart module, ECharts) raw, gzip and brotli;
// - the pages: how many, and what blocks rendering on each (its HTML and the CSS, brotli),
//   largest first, against the budget of 60 KB;
// - each browser module against the budget of 150 KB brotli for a page's wasm, and the
//   framework view's first load in all (HTML, CSS, JavaScript, wasm, data) against 150 KB.
//   node scripts/size-report.mjs [dist]
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const RENDER_BLOCKING_BUDGET = 60 * 1024;
const WASM_BUDGET = 150 * 1024;
const FIRST_LOAD_BUDGET = 150 * 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!/\.(gz|br)$/.test(entry.name)) yield path;
  }
}

/** A file's size as served: its precompressed copy where the build wrote one. */
async function sizes(path) {
  const body = await readFile(path);
  const copy = async (suffix, make) => {
    try {
      return (await stat(path + suffix)).size;
    } catch {
      return make(body).length;
    }
  };
  return {
    raw: body.length,
    gzip: await copy('.gz', (b) => gzipSync(b, { level: 9 })),
    brotli: await copy('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const assets = [];
const pages = [];
for await (const path of files(root)) {
  const file = relative(root, path);
  if (file.endsWith('.html')) pages.push({ file, ...(await sizes(path)) });
  else if (!file.startsWith('data/')) assets.push({ file, ...(await sizes(path)) });
}
assets.sort((a, b) => b.brotli - a.brotli);
console.log(`${'asset'.padEnd(52)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`);
for (const r of assets.filter((a) => a.raw > 2048)) console.log(`${r.file.padEnd(52)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);

const css = assets.filter((a) => a.file.endsWith('.css') && !a.file.startsWith('noscript')).reduce((t, a) => t + a.brotli, 0);
pages.sort((a, b) => b.brotli - a.brotli);
const blocking = (p) => p.brotli + css;
console.log(`\n${pages.length} pages; render-blocking bytes per page (its HTML and the CSS, brotli), budget ${kb(RENDER_BLOCKING_BUDGET).trim()} KB:`);
for (const p of [...pages.slice(0, 3), ...pages.filter((p) => ['index.html', 'indicators/index.html', 'indicators/trust_police/index.html', 'profile/index.html'].includes(p.file))]) {
  console.log(`  ${p.file.padEnd(58)}${kb(blocking(p))} KB`);
}
const over = pages.filter((p) => blocking(p) > RENDER_BLOCKING_BUDGET);
console.log(`  largest ${kb(blocking(pages[0])).trim()} KB; median ${kb(blocking(pages[Math.floor(pages.length / 2)])).trim()} KB; ${over.length ? `${over.length} over budget` : 'all within budget'}`);

// The browser's modules: each section's islands module (a page loads its own), the whole-page
// module (only for a page the build could not write, or whose data changed), the chart and
// workbook modules (loaded on demand).
const modules = assets.filter((a) => /_bg\.wasm$/.test(a.file));
const what = (file) => file.match(/^cohesion-explorer-([a-z]+)-[0-9a-f]{16}_bg\.wasm$/)?.[1]
  ?? (file.startsWith('cohesion-explorer-') ? 'framework' : file.replace(/_bg\.wasm$/, ''));
console.log(`\nwasm modules, brotli (budget for a page's wasm ${kb(WASM_BUDGET).trim()} KB):`);
for (const m of modules) {
  console.log(`  ${what(m.file).padEnd(12)}${kb(m.brotli)} KB ${m.brotli <= WASM_BUDGET ? 'within' : `${kb(m.brotli - WASM_BUDGET).trim()} KB over`}  (${m.file})`);
}

// What a first visit to the framework view downloads: its HTML, the CSS, the loader's module
// and its glue (named in the page's meta tags) and the data files its page record lists.
{
  const page = join(root, 'framework', 'strategic', 'index.html');
  const html = await readFile(page, 'utf8');
  const metaOf = (name) => html.match(new RegExp(`<meta name="${name}" content="([^"]+)"`))?.[1];
  // The data sets the page was rendered from (the record's `atlas` and `indicators` lines),
  // which the page fetches before it is taken over; not its `warm` line, which the offline
  // worker fetches in the background once it runs.
  const record = html.match(/<script type="text\/plain" id="ce-page">([\s\S]*?)<\/script>/)?.[1] ?? '';
  const dataFiles = record.split('\n').filter((l) => /^(atlas|indicators) /.test(l)).flatMap((l) => l.split(' ').slice(2));
  const parts = [['HTML', (await sizes(page)).brotli], ['CSS', css]];
  for (const name of ['ce-islands', 'ce-islands-js']) {
    const file = metaOf(name);
    if (file) parts.push([file, (await sizes(join(root, file.replace(/^\.?\//, '')))).brotli]);
  }
  for (const file of dataFiles) parts.push([file, (await sizes(join(root, file))).brotli]);
  const total = parts.reduce((t, [, n]) => t + n, 0);
  console.log(`\nthe framework view's first load (/framework/strategic), brotli, budget ${kb(FIRST_LOAD_BUDGET).trim()} KB:`);
  for (const [name, n] of parts) console.log(`  ${name.padEnd(58)}${kb(n)} KB`);
  console.log(`  ${'in all'.padEnd(58)}${kb(total)} KB ${total <= FIRST_LOAD_BUDGET ? 'within' : `${kb(total - FIRST_LOAD_BUDGET).trim()} KB over`}`);
}
