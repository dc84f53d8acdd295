/**
 * Every page's Open Graph card, for the site build: head tags while VitePress renders
 * each page, then, at `buildEnd`, one PNG per page at `<outDir>/og/<page>.png`, drawn
 * or taken from the cache (`<cacheDir>/og/`), a few at a time.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Plugin } from 'vite';
import type { HeadConfig, PageData, SiteConfig } from 'vitepress';
import type { OgCard } from './ogImage';
import { absoluteSiteUrl, formatReadingTime, urlOf, type Entry, type Notebook } from '../../extension/core/index';
import type { PageFacts } from './facts';
import { startWarmup, type Warmup } from './ogWarmup';

/** The site's cards: `head` is called per rendered page, `write` once at the end. */
export interface OgImages {
  /** The image tags of the page at `url` (none for the 404 page), remembering its card for `write`. */
  head(pageData: PageData, title: string, url: string): HeadConfig[];
  /** Writes every remembered page's PNG into `outDir/og/`; says how many were drawn and how many came from the cache. */
  write(outDir: string, cacheDir: string): Promise<{ drawn: number; cached: number }>;
  /** Starts drawing the entries' cards early, once VitePress has said where its cache is (`ogWarmup.ts`). */
  plugin: Plugin;
}

/**
 * The site's cards, or undefined when they are off: `NOTEPRESS_OG_IMAGES=off`, or the
 * renderer cannot load here (resvg ships a native binary per platform). Either way the
 * build goes on, with a one-line note, and pages keep their `summary` card.
 */
export async function ogImages(o: { siteUrl: string; siteTitle: string; notebook: Notebook }): Promise<OgImages | undefined> {
  if (process.env.NOTEPRESS_OG_IMAGES === 'off') return undefined;
  let cache: typeof import('./ogCache');
  try {
    cache = await import('./ogCache');
    cache.defaultRenderer();
  } catch (e) {
    process.stderr.write(`notepress: Open Graph images are off: ${(e as Error).message.split('\n')[0]}\n`);
    return undefined;
  }
  const cards = new Map<string, OgCard>();
  let warmup: Warmup | undefined;
  return {
    plugin: {
      name: 'notepress:og-warmup',
      configResolved(config) {
        // Called for the client bundle and again for the server's: the cards are drawn once.
        const site = (config as { vitepress?: SiteConfig }).vitepress;
        if (warmup || !site?.cacheDir) return;
        const entries = o.notebook.published();
        warmup = startWarmup(entries.map((e) => entryCard(o.notebook, e, o.siteTitle, absoluteSiteUrl(o.siteUrl, urlOf(e.path)))), path.join(site.cacheDir, 'og'));
      },
    },
    head(pageData, title, url) {
      if (pageData.isNotFound || pageData.relativePath === '404.md') return [];
      const page = pageName(pageData.relativePath);
      const card = cardFor(o.notebook, pageData, title, o.siteTitle, url);
      cards.set(page, card);
      const image = `${o.siteUrl}/og/${page.split('/').map(encodeURIComponent).join('/')}.png`;
      const alt = `${card.kind ? `${card.kind}: ` : ''}${card.title} (${o.siteTitle})`;
      return [
        ['meta', { property: 'og:image', content: image }],
        ['meta', { property: 'og:image:type', content: 'image/png' }],
        ['meta', { property: 'og:image:width', content: '1200' }],
        ['meta', { property: 'og:image:height', content: '630' }],
        ['meta', { property: 'og:image:alt', content: alt }],
        ['meta', { name: 'twitter:image', content: image }],
        ['meta', { name: 'twitter:image:alt', content: alt }],
      ];
    },
    async write(outDir, cacheDir) {
      const dir = path.join(cacheDir, 'og');
      const root = path.resolve(outDir, 'og');
      // The cards drawn early count as drawn: found in the cache now, but not from an earlier build.
      const early = (await warmup?.done) ?? new Set<string>();
      let drawn = 0;
      let cached = 0;
      // resvg rasterises on libuv's threads while satori lays out the next card here.
      await eachLimited([...cards], Math.min(4, os.availableParallelism()), async ([page, card]) => {
        const target = path.resolve(root, `${page}.png`);
        if (!target.startsWith(root + path.sep)) return; // page names come from VitePress; kept inside og/ all the same
        const r = await cache.ogImage(card, dir);
        if (r.drawn || early.has(r.hash)) drawn++; else cached++;
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.copyFile(r.file, target);
      });
      await cache.pruneCache(dir);
      process.stdout.write(`notepress: ${cards.size} Open Graph images (${drawn} drawn, ${cached} from the cache)\n`);
      return { drawn, cached };
    },
  };
}

/** `notes/a.md` → `notes/a`, `index.md` → `index`, `notes/index.md` → `notes/index`. */
const pageName = (relativePath: string) => relativePath.replace(/\.md$/, '');

/** What the card of a page shows, from the notebook and the facts `pages.ts` attached to it. */
export function cardFor(nb: Notebook, pageData: PageData, title: string, siteName: string, url: string): OgCard {
  const np = (pageData as PageData & { np?: PageFacts }).np;
  const base = { title, siteName, url };
  const e = nb.get(pageData.relativePath);
  if (e) return entryCard(nb, e, siteName, url);
  switch (np?.view) {
    case 'home': return { ...base, kind: 'Profile' };
    case 'tag': case 'tags': return { ...base, kind: 'Tag' };
    case 'series': return { ...base, kind: 'Series' };
    case 'section': return { ...base, kind: 'List' };
    default: return { ...base, kind: '' };
  }
}

/** An entry's card: what its page's card shows, known before its page is rendered. */
export function entryCard(nb: Notebook, e: Entry, siteName: string, url: string): OgCard {
  return { title: e.title, siteName, url, kind: nb.kinds.spec(e.kind).label, ...(e.date ? { date: e.date } : {}), readingTime: formatReadingTime(e.reading.minutes) };
}

/** Runs `f` over `items`, at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => { while (next < items.length) await f(items[next++]); };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
