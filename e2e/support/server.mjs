// A static file server for the tests and benchmark: serves a directory on 127.0.0.1 (random port),
// plus extra routes a test registers (fault injection, custom headers). Never listens beyond loopback.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { instrument } from './engines/probe.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Starts a server for `root`. `routes` maps a path to a handler `(req, res) => void` that wins over files.
 * `headers` are added to every file response (such as the CORS header a host serving dist/ to
 * sandboxed frames must send). Returns { url, routes, close }.
 */
export async function serve(root, routes = new Map(), { headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    if (instrument(req, res)) return; // WebKit only: the in-page recorder (engines/probe.mjs)
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const route = routes.get(path);
    if (route) return route(req, res);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
