// A small static server for dist/, used by the end-to-end tests and the benchmarks: serves
// files with the right types, answers unknown paths that look like app routes with
// index.html (so deep links work), and can mount the app under a sub-path.
//
//   node scripts/static-server.mjs [--dir dist] [--port 8090] [--base /] [--cors]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

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
    try {
      if ((await stat(file)).isDirectory()) target = join(file, 'index.html');
    } catch {
      // A route of the app (no file extension) gets the app; a missing file is a real 404.
      target = extname(path) === '' ? join(dir, 'index.html') : null;
    }
    try {
      if (!target) throw new Error('missing');
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', ...headers });
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
  const server = await startServer({ dir: arg('dir', 'dist'), port: Number(arg('port', 8090)), base: arg('base', '/'), headers });
  console.log(`serving on http://127.0.0.1:${server.address().port}${arg('base', '/')}`);
}
