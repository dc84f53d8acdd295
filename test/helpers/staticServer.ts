import * as http from 'node:http';
import { promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain',
};

/**
 * Serves a built site on 127.0.0.1 the way a static host with clean URLs does:
 * `/notes/a` → `notes/a.html`, `/notes/` → `notes/index.html`, unknown → `404.html` with status 404.
 * Text is gzipped for clients that accept it, as every static host does: Lighthouse's
 * simulated network times what is transferred.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}.html`, `${pathname}/index.html`];
    for (const c of candidates) {
      const file = path.join(root, path.normalize(c));
      if (!file.startsWith(root)) break;
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) continue;
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        const body = await fs.readFile(file);
        if (/text|javascript|json|xml|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
          res.end(gzipSync(body));
        } else {
          res.writeHead(200, { 'content-type': type });
          res.end(body);
        }
        return;
      } catch { /* next candidate */ }
    }
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(await fs.readFile(path.join(root, '404.html')).catch(() => 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
