// A small static file server for the benchmarks, on a free loopback port. Routes map URL
// paths to files or directories; everything else is a 404. Files are read when asked for
// (the 100k dataset is over 100 MB), never kept, and large ones are streamed. Over
// HTTP/1.1, or over HTTP/2 (with TLS, as browsers speak it) as static hosts and CDNs serve
// today: one connection carries every request at once, where HTTP/1.1 queues them six at
// a time.

import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TLS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/bench/tls');

/**
 * A throwaway self-signed certificate for 127.0.0.1 (made once with `openssl`; the browser
 * is launched with `--ignore-certificate-errors`).
 */
function selfSigned() {
  const key = path.join(TLS_DIR, 'key.pem');
  const cert = path.join(TLS_DIR, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(TLS_DIR, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-subj', '/CN=127.0.0.1', '-days', '30', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Content types by file extension, as a static host sends them. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Files up to this size are read in one call and sent in one write, as static servers send
 * small files; larger ones stream. Streaming every file (open, read, close and the pipe, each
 * a hop through Node's thread pool) made a 5 kB file take 45–100 ms to arrive when a page
 * asked for twenty at once on the 2-core bench machine, where the browser and this server
 * share the cores: the server, not the page, set the pace.
 */
const SMALL = 1024 * 1024;

/**
 * `routes`: `{ "/exact/path": "/abs/file", "/prefix/": "/abs/dir/" }` (a key ending in "/"
 * maps a directory). `headers` are added to every response. `onResponse({ method, path,
 * status, file })`, if given, hears of every response (`file`: the file sent, or null).
 * `h2`: serve HTTP/2 over TLS (self-signed). Returns `{ origin, close }`.
 */
export async function serveRoutes(routes, headers = {}, { onResponse = null, h2 = false } = {}) {
  const entries = Object.entries(routes).sort((a, b) => b[0].length - a[0].length);
  const handler = async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, body) => {
      onResponse?.({ method: req.method, path: pathname, status, file: null });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let file = null;
    for (const [key, target] of entries) {
      if (key.endsWith('/') ? pathname.startsWith(key) : pathname === key) {
        if (!key.endsWith('/')) file = target;
        else {
          let rel = pathname.slice(key.length);
          if (rel === '' || rel.endsWith('/')) rel += 'index.html';
          const root = path.resolve(target);
          file = path.resolve(root, rel);
          if (!file.startsWith(root + path.sep)) return send(403, 'forbidden');
        }
        break;
      }
    }
    if (!file) return send(404, 'not found');
    try {
      const st = await stat(file);
      if (!st.isFile()) return send(404, 'not found');
      onResponse?.({ method: req.method, path: pathname, status: 200, file });
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      if (st.size <= SMALL) return res.end(await readFile(file));
      createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found');
    }
  };
  const server = h2 ? http2.createSecureServer({ ...selfSigned(), allowHTTP1: true }, handler) : http.createServer(handler);
  const sessions = new Set();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `${h2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
