// Page weight, from a build's precompressed files (as a host serves them):
// - every asset (wasm, JavaScript, CSS, the chart module, ECharts) raw, gzip and brotli;
// - the pages: how many, and what blocks rendering on each (its HTML and the CSS, brotli),
//   largest first, against the budget of 60 KB;
// - the wasm against its budget of 350 KB brotli.
//   node scripts/size-report.mjs [dist]
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const RENDER_BLOCKING_BUDGET = 60 * 1024;
const WASM_BUDGET = 350 * 1024;

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

// One module per section of the app (src/sections.rs); a page loads its section's only.
const modules = assets.filter((a) => /^cohesion-explorer-.*_bg\.wasm$/.test(a.file));
if (modules.length) console.log(`\nwasm, one module per section (a page loads one), budget ${kb(WASM_BUDGET).trim()} KB brotli each:`);
for (const m of modules) {
  const section = m.file.match(/^cohesion-explorer-(indicators|profile|data)-/)?.[1] ?? 'framework';
  console.log(`  ${section.padEnd(12)}${kb(m.brotli)} KB ${m.brotli <= WASM_BUDGET ? 'within' : `${kb(m.brotli - WASM_BUDGET).trim()} KB over`}  (${m.file})`);
}
