// A small static server for dist/, used by the end-to-end tests and the benchmarks: serves
// files with the right types and each page's own prerendered file (`/about` is
// `about/index.html`), answers an address with no file with the nearest `404.html` and status
// 404, as static hosts do (Cloudflare Pages, Netlify, GitHub Pages), and can mount the app
// under a sub-path.
//
// Serves the build's .br/.gz copies when the browser accepts them, and any extra headers
// (the end-to-end tests pass the build's Content Security Policy).
//
//   node scripts/static-server.mjs [--dir dist] [--port 8090] [--base /] [--cors] [--csp]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** The nearest 404.html above `path` (a file path under `dir`), if any. */
async function notFoundPage(dir, path) {
  let at = path;
  while (at.startsWith(normalize(dir))) {
    const candidate = join(at, '404.html');
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // keep looking upwards
    }
    const up = normalize(join(at, '..'));
    if (up === at) break;
    at = up;
  }
  return null;
}

/** The policy the build wrote (scripts/post-build.mjs). */
export async function cspOf(dir) {
  return (await readFile(join(dir, 'csp.txt'), 'utf8')).trim();
}

export function startServer({ dir = 'dist', port = 0, base = '/', headers = {} } = {}) {
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix) && path + '/' !== prefix) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    path = path.slice(prefix.length - 1) || '/';
    const file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403);
      return res.end();
    }
    let target = file;
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) {
        target = join(file, 'index.html');
        await stat(target);
      }
    } catch {
      // No such file: the nearest not-found page, with status 404, as a static host answers.
      target = await notFoundPage(dir, normalize(join(dir, path, '..')));
      status = 404;
    }
    try {
      if (!target) throw new Error('missing');
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      // The build's precompressed copy, when the browser takes it (as a CDN would serve it).
      const accepts = req.headers['accept-encoding'] ?? '';
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts.includes(encoding)) continue;
        try {
          const body = await readFile(target + suffix);
          res.writeHead(status, { 'content-type': type, 'content-encoding': encoding, vary: 'accept-encoding', ...headers });
          return res.end(body);
        } catch {
          // No precompressed copy: serve the file itself.
        }
      }
      const body = await readFile(target);
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const headers = process.argv.includes('--cors') ? { 'access-control-allow-origin': '*' } : {};
  if (process.argv.includes('--csp')) headers['content-security-policy'] = await cspOf(arg('dir', 'dist'));
  const server = await startServer({ dir: arg('dir', 'dist'), port: Number(arg('port', 8090)), base: arg('base', '/'), headers });
  console.log(`serving on http://127.0.0.1:${server.address().port}${arg('base', '/')}`);
}
