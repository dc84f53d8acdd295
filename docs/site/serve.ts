/**
 * Serving the built site for `notepress preview`: static files from the output folder,
 * clean URLs as static hosts map them (`/notes/a` → `notes/a.html`), the site's 404
 * page, and a free port when the asked one is taken.
 */
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import sirv from 'sirv';
import { freePort } from '../../extension/core/node/net';

export { freePort };

/**
 * Serves `root` on the first free port from `port`. sirv in dev mode reads the disk on
 * every request instead of listing the folder once, so a rebuild while it serves (the
 * folder emptied and written again) never breaks it.
 */
export async function serveStatic(root: string, port: number, host = '127.0.0.1'): Promise<{ server: http.Server; url: string }> {
  const files = sirv(root, { dev: true, extensions: ['html'], dotfiles: false });
  const server = http.createServer((req, res) => {
    files(req, res, async () => {
      // Not a file: the site's own 404 page, as static hosts serve it.
      try {
        const page = await fs.readFile(path.join(root, '404.html'));
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      }
    });
  });
  const chosen = await freePort(port, host);
  await new Promise<void>((resolve) => server.listen(chosen, host, resolve));
  return { server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${chosen}/` };
}
