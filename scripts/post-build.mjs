// Trunk's post-build hook (see Trunk.toml): runs on the staged build before it becomes dist/.
//
// 0. Trunk has built the framework's islands module (`islands-framework`); the others are
//    compiled in the background while the pages are written, then finished (1c).
// 0b. The chart module (`src/bin/charts.rs`): the ECharts options builders, in a small wasm
//    of their own that the app fetches with ECharts when a page first draws a chart.
// 1. Every page, prerendered: `src/bin/prerender.rs` (the app's own components, rendered
//    natively) writes a real HTML document per page and place, plus sitemap.xml and
//    robots.txt, using Trunk's index.html as the template; a page loads its section's module.
// 1b. Every chart drawn at build time, as SVG, into its page (chart-pictures.mjs says why).
// 1c. The other browser modules: the indicators' and the data page's islands, and the
//    whole-page module (each pruned of code it can never run, `src/bin/prune.rs`, and
//    optimised with wasm-opt; Trunk's own wasm-opt step is off, as it would run first).
// 2. The Content Security Policy. Trunk starts the app with an inline module script (the page's
//    loader, the same on every page), so the policy allows exactly it by its SHA-256 hash; everything else must come from
//    our own origin. (The page record, a data block, is not a script to the browser.)
//    The policy goes into every page as a <meta> tag (so it holds on any static host), and,
//    with `frame-ancestors` (which a <meta> cannot carry), into `csp.txt` and `_headers` for
//    hosts that set headers.
// 3. A release build works offline: a service worker generated with Workbox (workbox-build),
//    named in every page so the app registers it (see src/offline.rs for what the app does).
// 4. Precompressed copies (.gz, .br) of every text and wasm file, for hosts that serve them.
//
// Environment (from Trunk): TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL. Optional: CE_SITE_URL, the
// site's origin for canonical links and the sitemap (see src/bin/prerender.rs);
// CE_FRAME_ANCESTORS, the origins allowed to embed the app (default `*`: any site may embed
// it; an agency narrows this); CE_MODULES_FROM, a finished release build of the same sources
// whose browser modules are taken as they are instead of being built, pruned and optimised
// again (the modules do not depend on the base path: the app reads it from `<base href>`), so
// a build for a sub-path costs little more than its pages (scripts/test.sh uses it).
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, rmSync, cpSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzip, brotliCompress, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { generateSW } from 'workbox-build';
import { pictureCharts } from './chart-pictures.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const release = process.env.TRUNK_PROFILE === 'release';
const modulesFrom = process.env.CE_MODULES_FROM;
/** A module file from `CE_MODULES_FROM`, copied into this build; false when there is none. */
const reuse = (name) => {
  if (!modulesFrom || !existsSync(join(modulesFrom, name))) return false;
  cpSync(join(modulesFrom, name), join(dir, name));
  return true;
};
/** The site's sub-path, without its trailing slash ("" at a host's root). */
const sub = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/$/, '');
const frameAncestors = process.env.CE_FRAME_ANCESTORS ?? '*';
const started = Date.now();

const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const trunkModule = readdirSync(dir).find((n) => /^cohesion-explorer-[0-9a-f]+_bg\.wasm$/.test(n));
if (!trunkModule) throw new Error('post-build: Trunk wrote no cohesion-explorer module');
const trunkGlue = trunkModule.replace('_bg.wasm', '.js');

// Compiling the browser modules (wasm, release) is most of a build, and each ends in
// link-time optimisation on one core. So they are compiled in the background, one after
// another (they share cargo's lock on the wasm target's directory and its output file, so each
// is given to wasm-bindgen before the next starts), while the pages are rendered by a native
// build, which has a directory of its own: on two cores the two overlap instead of queuing.
/** Runs a command with its output shown; resolves when it has succeeded. */
const run = (command, args) => new Promise((resolve, reject) => {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('error', reject);
  child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`post-build: ${command} ${args.join(' ')} exited with ${code}`))));
});
/** Compiles one binary of this crate for the browser and gives it to wasm-bindgen. */
const compile = async (bin, feature, outDir, outName, optimised) => {
  const begun = Date.now();
  await run('cargo', ['build', '--quiet', '--locked', ...(optimised ? ['--release'] : []), '--target', 'wasm32-unknown-unknown',
    '--features', feature, '--bin', bin]);
  await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', outDir, '--out-name', outName,
    join('target', 'wasm32-unknown-unknown', optimised ? 'release' : 'debug', `${bin}.wasm`)]);
  console.log(`post-build: ${bin} (${feature}) compiled in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
};

// 0b. The chart module (the ECharts options builders) and 0c. the workbook module (calamine,
//    which the Data page runs in a worker, public/workbook-worker.js, only when a person
//    chooses a workbook): each a wasm of its own, always optimised (they are small, and a
//    debug build of either is not).
const smallModules = ['charts', 'workbook'].filter((bin) => !(reuse(`${bin}.js`) && reuse(`${bin}_bg.wasm`)));
// The sections' modules (1c), unless a finished build gives them.
const MODULES = [['islands-worksheet', 'worksheet'], ['islands-indicators', 'indicators'], ['islands-overview', 'overview'], ['islands-profile', 'profile'], ['islands-data', 'data'], ['app-module', 'app']];
const builtModule = (stem) => modulesFrom && readdirSync(modulesFrom).find((n) => n.startsWith(`cohesion-explorer-${stem}-`) && n.endsWith('_bg.wasm'));
const compiling = (async () => {
  for (const bin of smallModules) {
    await compile(bin, bin === 'charts' ? 'chart-module' : 'workbook-module', dir, bin, true);
    await run(join('node_modules', '.bin', 'wasm-opt'), ['-Oz', ...WASM_FEATURES, join(dir, `${bin}_bg.wasm`), '-o', join(dir, `${bin}_bg.wasm`)]);
  }
  for (const [feature, stem] of MODULES) {
    if (builtModule(stem)) continue;
    const out = join('target', 'modules', stem);
    rmSync(out, { recursive: true, force: true });
    await compile('cohesion-explorer', feature, out, 'module', release);
  }
})();
// Not left unhandled while the pages are rendered: awaited below, where a failure stops the build.
compiling.catch(() => {});

// 1. The pages. The renderer is an ordinary native build of this crate (feature `ssr`).
await run('cargo', ['run', '--quiet', '--locked', '--features', 'ssr', '--bin', 'prerender', '--', dir]);
// The pruner (1c), a native build too, compiled while the modules still are.
if (release && MODULES.some(([, stem]) => !builtModule(stem))) await run('cargo', ['build', '--quiet', '--locked', '--features', 'prune', '--bin', 'prune']);
// 1b. Every chart on every page, drawn by ECharts as SVG into its box (chart-pictures.mjs).
{
  const cache = new Map();
  const drawing = Date.now();
  let charts = 0;
  for (const page of walk(dir).filter((f) => f.endsWith('.html'))) {
    const { html, drawn } = pictureCharts(readFileSync(page, 'utf8'), cache);
    if (drawn > 0) writeFileSync(page, html);
    charts += drawn;
  }
  console.log(`post-build: ${charts} charts given their pictures (${cache.size} pictures drawn, the rest the same as one drawn) in ${((Date.now() - drawing) / 1000).toFixed(1)} s`);
}
// 1c. The browser modules. Trunk built the framework's islands module; the others are built
//    here the same way, each with its feature (see Cargo.toml): the indicators' (the overview,
//    every indicator's page and the profile), the data page's, and the whole-page module. In a
//    release build each is pruned (src/bin/prune.rs says why) and optimised with wasm-opt, and
//    every module is named with its content's hash, as Trunk names its own, so hosts may keep
//    it forever. Then each page's placeholders name its modules.
{
  const building = Date.now();
  const names = new Map();
  const optimise = async (wasm) => {
    if (!release) return;
    const pruned = `${wasm}.pruned`;
    await run('cargo', ['run', '--quiet', '--locked', '--features', 'prune', '--bin', 'prune', '--', wasm, pruned]);
    await run(join('node_modules', '.bin', 'wasm-opt'), ['-Oz', ...(process.env.CE_KEEP_NAMES ? ['-g'] : []), ...WASM_FEATURES, pruned, '-o', wasm]);
    unlinkSync(pruned);
  };
  // Trunk names its module by the unoptimised build's hash, so the same name is the same module.
  if (!reuse(trunkModule)) await optimise(join(dir, trunkModule));
  await compiling;
  const module = async (stem) => {
    const built = builtModule(stem);
    if (built && reuse(built) && reuse(built.replace('_bg.wasm', '.js'))) {
      if (existsSync(join(modulesFrom, 'snippets'))) cpSync(join(modulesFrom, 'snippets'), join(dir, 'snippets'), { recursive: true });
      return { wasm: built, js: built.replace('_bg.wasm', '.js') };
    }
    const out = join('target', 'modules', stem);
    await optimise(join(out, 'module_bg.wasm'));
    const wasm = readFileSync(join(out, 'module_bg.wasm'));
    const js = readFileSync(join(out, 'module.js'), 'utf8');
    const name = `cohesion-explorer-${stem}-${createHash('sha256').update(wasm).update(js).digest('hex').slice(0, 16)}`;
    writeFileSync(join(dir, `${name}_bg.wasm`), wasm);
    writeFileSync(join(dir, `${name}.js`), js.replaceAll('module_bg.wasm', `${name}_bg.wasm`));
    if (existsSync(join(out, 'snippets'))) cpSync(join(out, 'snippets'), join(dir, 'snippets'), { recursive: true });
    return { wasm: `${name}_bg.wasm`, js: `${name}.js` };
  };
  const framework = { wasm: trunkModule, js: trunkGlue };
  const bySection = { framework };
  for (const stem of ['worksheet', 'indicators', 'overview', 'profile', 'data']) bySection[stem] = await module(stem);
  const app = await module('app');
  // Which module each section's pages load: its own.
  for (const [section, m] of Object.entries(bySection)) {
    names.set(`@islands-${section}@`, m.wasm);
    names.set(`@islands-js-${section}@`, m.js);
  }
  names.set('@app@', app.wasm);
  names.set('@app-js@', app.js);
  for (const page of walk(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(page, 'utf8');
    const named = html.replace(/@(islands-js-[a-z]+|islands-[a-z]+|app-js|app)@/g, (m) => names.get(m) ?? m);
    if (named !== html) writeFileSync(page, named);
  }
  console.log(`post-build: every browser module compiled, pruned and optimised ${((Date.now() - started) / 1000).toFixed(1)} s into the post-build (the last ${((Date.now() - building) / 1000).toFixed(1)} s after the pages)`);
}
// What the prerenderer says about the sections, for the service worker; not part of the site.
const sections = JSON.parse(readFileSync(join(dir, 'sections.json'), 'utf8'));
unlinkSync(join(dir, 'sections.json'));

function walk(path, out = []) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// 2. The policy, from the pages' inline scripts (each section's pages have their own loader).
const files = walk(dir);
const pages = files.filter((f) => f.endsWith('.html'));
const inlineScripts = pages.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)])
  // A data block (the page record, `type="text/plain"`) is not a script to the browser.
  .filter((m) => !/type="text\/plain"/.test(m[1]));
const hashes = [...new Set(inlineScripts.map(
  (m) => `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`,
))];

/** The policy, without the directives a <meta> tag cannot carry. */
export const directives = [
  "default-src 'self'",
  // wasm needs 'wasm-unsafe-eval' to compile; nothing else may be evaluated.
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Style sheets only from our origin. Inline style *attributes* are allowed: ECharts writes
  // them into its tooltips, and the diagram caps its scale with one; they cannot run code.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  // The offline service worker and the web app manifest, from our origin only.
  "worker-src 'self'",
  "manifest-src 'self'",
];
const meta = directives.join('; ');
const header = `${meta}; frame-ancestors ${frameAncestors}`;

for (const page of pages) {
  let html = readFileSync(page, 'utf8');
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${meta}" />`);
  // Where the service worker is: a release build has one (the app registers it if named).
  if (release) html = html.replace('</head>', '  <meta name="ce-service-worker" content="sw.js" />\n  </head>');
  writeFileSync(page, html);
}
writeFileSync(join(dir, 'csp.txt'), header + '\n');

// Netlify / Cloudflare Pages style headers: hashed assets forever, everything else revalidated.
writeFileSync(join(dir, '_headers'), `/*
  Content-Security-Policy: ${header}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Cache-Control: no-cache

/cohesion-explorer-*.wasm
  Cache-Control: public, max-age=31536000, immutable

/cohesion-explorer-*.js
  Cache-Control: public, max-age=31536000, immutable

/main-*.css
  Cache-Control: public, max-age=31536000, immutable
`);

// 3. The service worker (release builds). Workbox generates all of it; these are its rules:
//    - kept ahead ("precached", cache-first, replaced when a build changes them): the app's
//      files (wasm, JavaScript, CSS, icons, manifest), ECharts and the chart module (a chart
//      page shows the build's picture of its chart and may never load them online, yet a chart
//      changed offline needs them), and each place's offline shell;
//    - pages: network first (4 s on a flaky network), the saved copy when the network fails,
//      and for a page never saved, its place's offline shell, from which the app draws it;
//    - data files: stale-while-revalidate (the saved copy at once, the server's new copy for
//      the next visit), so an agency's data update shows without a rebuild;
if (release) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const place = (prefix) => new RegExp(`^https?://[^/]+${escape(sub + prefix)}(/|\\?|$)`);
  // A page of one of a section's first path segments, at a place.
  const inPlace = (prefix, segments) =>
    new RegExp(`^https?://[^/]+${escape(sub + prefix)}/(${segments.map(escape).join('|')})(/|\\?|$)`);
  // Most specific place first: the root's rule takes every page left.
  const placePrefixes = ['/mi/embed', '/mi', '/embed', ''];
  const shellFile = (prefix, section) => `${prefix.slice(1)}${prefix ? '/' : ''}${section.shell.slice(1)}/index.html`;
  const pages = (urlPattern, shell) => ({
    urlPattern,
    handler: 'NetworkFirst',
    options: { cacheName: 'ce-pages', networkTimeoutSeconds: 4, precacheFallback: { fallbackURL: shell } },
  });
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    swDest: join(dir, 'sw.js'),
    globPatterns: [
      'cohesion-explorer-*.{js,wasm}', 'main-*.css', 'favicon-*.svg', 'snippets/**/*.js',
      'icons/*.{png,svg}', 'manifest.webmanifest', 'embed-theme.js', 'echarts.js', 'charts.js', 'charts_bg.wasm',
      ...placePrefixes.flatMap((prefix) => sections.map((s) => shellFile(prefix, s))),
    ],
    // Hashed names change with their content: no revision needed.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}[._]/,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    cleanupOutdatedCaches: true,
    // A new version waits until the person chooses to reload (the app's prompt).
    skipWaiting: false,
    clientsClaim: true,
    runtimeCaching: [
      { urlPattern: /\/data\/[^?]*\.(json|csv)$/, handler: 'StaleWhileRevalidate', options: { cacheName: 'ce-data' } },
      // Each place's pages, each section's first (a page of a section is drawn from its shell).
      ...placePrefixes.flatMap((prefix) => [
        ...sections.filter((s) => s.segments.length > 0)
          .map((s) => pages(inPlace(prefix, s.segments), shellFile(prefix, s))),
        pages(prefix ? place(prefix) : ({ request }) => request.mode === 'navigate', shellFile(prefix, sections[0])),
      ]),
    ],
  });
  for (const w of warnings) console.warn(`post-build: workbox: ${w}`);
  console.log(`post-build: service worker keeps ${count} files ahead (${(size / 1024).toFixed(0)} KB)`);
}

// 4. Precompressed copies.
const COMPRESS = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.csv', '.svg', '.md', '.txt', '.xml']);
// Release builds only: a development build's module is tens of megabytes, and the
// development server compresses as it serves. zlib's asynchronous calls run on libuv's
// thread pool, so several files are compressed at once, one per core and more.
const toCompress = (release ? walk(dir) : []).filter((file) => COMPRESS.has(extname(file)));
const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);
let next = 0;
await Promise.all(Array.from({ length: 4 }, async () => {
  while (next < toCompress.length) {
    const file = toCompress[next++];
    const body = readFileSync(file);
    const [gz, br] = await Promise.all([
      gzipped(body, { level: 9 }),
      brotlied(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    ]);
    writeFileSync(file + '.gz', gz);
    writeFileSync(file + '.br', br);
  }
}));
const compressed = toCompress.length;
console.log(`post-build: ${pages.length} pages; CSP with ${hashes.length} script hash(es); ${compressed} files precompressed (gzip, brotli) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
