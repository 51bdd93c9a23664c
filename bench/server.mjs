// The Lighthouse pages' server: a directory plus in-memory pages on 127.0.0.1, gzip-encoded for any
// client that accepts it (level 9, compressed once per file and kept), as a static host or CDN
// serves the bundle. Lighthouse's simulated throttling prices each response by its transfer size,
// so the encoding is part of what it measures. (The e2e server sends identity; the bench's
// Playwright timings keep using it.)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root`; `pages` maps a path to an HTML string and wins over files (set them any time).
 * Returns { url, pages, close }.
 */
export async function serveGzip(root, pages = new Map()) {
  const cache = new Map(); // path -> { type, body, gzip }
  const load = async (path) => {
    if (pages.has(path)) {
      const body = Buffer.from(pages.get(path));
      return { type: TYPES['.html'], body, gzip: gzipSync(body, { level: 9 }) };
    }
    if (cache.has(path)) return cache.get(path);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) return null;
    try {
      const body = await readFile(file);
      const entry = { type: TYPES[extname(file)] ?? 'application/octet-stream', body, gzip: gzipSync(body, { level: 9 }) };
      cache.set(path, entry);
      return entry;
    } catch {
      return null;
    }
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const entry = await load(path);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const headers = { 'content-type': entry.type, 'cache-control': 'no-store', vary: 'accept-encoding' };
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers).end(gzip ? entry.gzip : entry.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    pages,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
