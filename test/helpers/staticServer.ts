import * as http from 'node:http';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
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
 */
export async function serveStatic(root: string, o: { csp?: CspMode } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const send = (res: http.ServerResponse, status: number, type: string, body: Buffer | string) => {
    if (o.csp === 'report-only' && type === TYPES['.html']) {
      const html = String(body).replace(CSP_META, '');
      res.writeHead(status, { 'content-type': type, 'content-security-policy-report-only': reportOnlyPolicy(html) });
      res.end(html);
      return;
    }
    res.writeHead(status, { 'content-type': type });
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
        send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', await fs.readFile(file));
        return;
      } catch { /* next candidate */ }
    }
    send(res, 404, TYPES['.html'], await fs.readFile(path.join(root, '404.html')).catch(() => 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
