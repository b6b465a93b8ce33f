// Trunk's post-build hook (see Trunk.toml): runs on the staged build before it becomes dist/.
//
// 1. The Content Security Policy. Trunk starts the app with an inline module script, so the
//    policy allows exactly that script by its SHA-256 hash; everything else must come from
//    our own origin. The policy goes into index.html as a <meta> tag (so it holds on any
//    static host), and, with `frame-ancestors` (which a <meta> cannot carry), into
//    `csp.txt` and `_headers` for hosts that set headers.
// 2. Precompressed copies (.gz, .br) of every text and wasm file, for hosts that serve them.
//
// Environment (from Trunk): TRUNK_STAGING_DIR. Optional: CE_FRAME_ANCESTORS, the origins
// allowed to embed the app (default `*`: any site may embed it; an agency narrows this).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const frameAncestors = process.env.CE_FRAME_ANCESTORS ?? '*';

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);

/** The policy, without the directives a <meta> tag cannot carry. */
export const directives = [
  "default-src 'self'",
  // wasm needs 'wasm-unsafe-eval' to compile; nothing else may be evaluated.
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Style sheets only from our origin. Inline style *attributes* are allowed: ECharts writes
  // them into its tooltips; they cannot run code.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
const meta = directives.join('; ');
const header = `${meta}; frame-ancestors ${frameAncestors}`;

html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${meta}" />`);
writeFileSync(indexPath, html);
writeFileSync(join(dir, 'csp.txt'), header + '\n');

// Netlify / Cloudflare Pages style headers: hashed assets forever, everything else revalidated.
writeFileSync(join(dir, '_headers'), `/*
  Content-Security-Policy: ${header}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Cache-Control: no-cache

/*.wasm
  Cache-Control: public, max-age=31536000, immutable

/cohesion-explorer-*.js
  Cache-Control: public, max-age=31536000, immutable

/main-*.css
  Cache-Control: public, max-age=31536000, immutable
`);

const COMPRESS = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.csv', '.svg', '.md', '.txt']);
let files = 0;
function compress(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) {
      compress(full);
    } else if (COMPRESS.has(extname(name))) {
      const body = readFileSync(full);
      writeFileSync(full + '.gz', gzipSync(body, { level: 9 }));
      writeFileSync(full + '.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      files += 1;
    }
  }
}
compress(dir);
console.log(`post-build: CSP with ${hashes.length} script hash(es); ${files} files precompressed (gzip, brotli)`);
