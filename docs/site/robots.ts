/**
 * `robots.txt`, naming the sitemap by its absolute address (the form crawlers require).
 * A notebook's own `public/robots.txt` is copied into the site first and is kept.
 */
import { absoluteSiteUrl, SITEMAP_URL } from '../../extension/core/index';
import { writeNewFiles } from '../../extension/core/node/write';

export async function writeRobots(outDir: string, siteUrl: string): Promise<void> {
  const text = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteSiteUrl(siteUrl, SITEMAP_URL)}\n`;
  const result = await writeNewFiles(outDir, [{ path: 'robots.txt', text }]);
  for (const f of result.failed) process.stderr.write(`notepress: robots.txt was not written: ${f.reason}\n`);
}
