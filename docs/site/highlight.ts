/**
 * The site's highlight cache: highlighted code blocks in `<cacheDir>/notepress/highlight/`
 * (VitePress's cache folder), so that a rebuild, or a dev server started again, highlights
 * only the blocks that changed. The markdown options wrap VitePress's highlighter with it
 * (extension/core/highlightCache.ts); the file is found when Vite's config is resolved
 * (VitePress's site config rides on it), before any page renders.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { Plugin } from 'vite';
import type { SiteConfig } from 'vitepress';
import type { HighlightCache } from '../../extension/core/index';
import { DiskHighlightStore, highlighterContext } from '../../extension/core/node/highlightStore';
import { sha256 } from '../../extension/core/node/cacheFile';

export interface SiteHighlightCache {
  /** For the markdown options (`highlightCache`). */
  readonly markdown: HighlightCache;
  /** Opens the cache file in VitePress's cache folder; in the dev server, writes it when the server closes. */
  readonly plugin: Plugin;
  /** At the end of a build: writes the blocks this build used, and says how many were highlighted. */
  write(log?: (line: string) => void): Promise<void>;
}

/** Dev server: how long after the last newly highlighted block the file is written. */
const DEV_WRITE_DELAY_MS = 1000;

export function siteHighlightCache(isBuild: boolean): SiteHighlightCache {
  let timer: NodeJS.Timeout | undefined;
  // In the dev server pages render as they are visited: the file keeps every block it held.
  const writeAll = () => store.write({ all: true }).catch(() => undefined);
  const store = new DiskHighlightStore({
    onSet: isBuild ? undefined : () => {
      clearTimeout(timer);
      timer = setTimeout(writeAll, DEV_WRITE_DELAY_MS);
      timer.unref();
    },
  });
  const markdown: HighlightCache = { store, context: highlighterContext(path.dirname(fileURLToPath(import.meta.url))), hash: sha256 };
  const plugin: Plugin = {
    name: 'notepress:highlight-cache',
    configResolved(config) {
      const site = (config as { vitepress?: SiteConfig }).vitepress;
      if (site?.cacheDir) store.open(path.join(site.cacheDir, 'notepress', 'highlight'));
    },
    async closeBundle() {
      if (isBuild) return;
      clearTimeout(timer);
      await writeAll();
    },
  };
  return {
    markdown,
    plugin,
    async write(log = (line) => process.stdout.write(line)) {
      // Costs time only: a build whose cache cannot be written still succeeds.
      await store.write({ all: false }).catch((e: Error) => log(`notepress: the highlight cache was not written: ${e.message}\n`));
      const { highlighted, cached } = store.stats;
      log(`notepress: code blocks: ${highlighted} highlighted, ${cached} from the cache\n`);
    },
  };
}
