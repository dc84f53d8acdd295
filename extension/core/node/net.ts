/**
 * A free port to listen on, for the site's preview server (the CLI) and Serve Site (the
 * editor): the asked one when it is free, else the next that is.
 */
import * as net from 'node:net';

export async function freePort(start: number, host = '127.0.0.1'): Promise<number> {
  for (let port = start; port < start + 50 && port < 65536; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, host, () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`no free port between ${start} and ${start + 49}`);
}
