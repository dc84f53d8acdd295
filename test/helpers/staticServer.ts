import * as http from 'node:http';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain',
};

/**
 * How pages are served: `built` as the build wrote them (with their CSP `<meta>`), or
 * `report-only` with that `<meta>` removed and a report-only policy in its place, which
 * blocks nothing and reports every script the page did not ship (the hostile-content
 * detector counts those reports as scripts that ran).
 */
export type CspMode = 'built' | 'report-only';

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;

/** A policy that allows 'self' and the page's own inline scripts, and reports everything else. */
export function reportOnlyPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return `script-src 'self' ${[...new Set(hashes)].join(' ')} 'report-sample'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-src 'none'`;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host with clean URLs does:
 * `/notes/a` → `notes/a.html`, `/notes/` → `notes/index.html`, unknown → `404.html` with status 404.
 * Text is gzipped for clients that accept it, as every static host does: Lighthouse's
 * simulated network times what is transferred.
 */
export async function serveStatic(root: string, o: { csp?: CspMode } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, file: Buffer | string) => {
    const headers: Record<string, string> = { 'content-type': type };
    let body: Buffer | string = file;
    if (o.csp === 'report-only' && type === TYPES['.html']) {
      body = String(file).replace(CSP_META, '');
      headers['content-security-policy-report-only'] = reportOnlyPolicy(body);
    }
    if (/text|javascript|json|xml|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipSync(body));
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
  };
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}.html`, `${pathname}/index.html`];
    for (const c of candidates) {
      const file = path.join(root, path.normalize(c));
      if (!file.startsWith(root)) break;
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) continue;
        send(req, res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', await fs.readFile(file));
        return;
      } catch { /* next candidate */ }
    }
    send(req, res, 404, TYPES['.html'], await fs.readFile(path.join(root, '404.html')).catch(() => 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
