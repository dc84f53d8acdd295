/**
 * Addresses on the site, derived in one place. A URL comes from the file's path, so the
 * extension, the site and the preview's link opener agree, and renaming a title never
 * silently moves a page. Tags and series are identified by their slug: `Event Loop` and
 * `event-loop` are one tag with one page.
 */
import { posix } from 'node:path';
import { slugify } from './slug';
import { KindSpec } from './kinds';

/**
 * The site URL of a content file (clean URLs, as the site is built): `notes/a.md` →
 * `/notes/a`, `notes/index.md` → `/notes/`, `index.md` → `/`.
 */
export function urlOf(relPath: string): string {
  const stem = relPath.replace(/\.md$/, '');
  if (stem === 'index') return '/';
  if (stem.endsWith('/index')) return `/${stem.slice(0, -'index'.length)}`;
  return `/${stem}`;
}

/**
 * The content files a site URL may be, most likely first: `/notes/a` → `notes/a.md`,
 * `notes/a/index.md`. The inverse of `urlOf`; query, hash, `.html` and `.md` endings are
 * ignored, and a URL that leaves the site gives nothing.
 */
export function filesOfUrl(url: string): string[] {
  let p = url.replace(/[?#].*$/, '');
  try {
    p = decodeURI(p);
  } catch {
    return [];
  }
  p = posix.normalize(`/${p}`).slice(1).replace(/\.(md|html)$/, '');
  if (p.startsWith('..')) return [];
  if (p === '' || p === '.') return ['index.md'];
  if (p.endsWith('/')) return [`${p}index.md`];
  return [`${p}.md`, `${p}/index.md`];
}

/** Resolves a link written in a note (relative to the note, or root-relative) to a site path. */
export function resolveLink(fromRelPath: string, href: string): string {
  const clean = href.replace(/[?#].*$/, '');
  if (clean.startsWith('/')) return clean;
  const base = posix.dirname(`/${fromRelPath}`);
  const joined = posix.join(base, clean);
  return clean.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}

/** A tag's identity: its slug. Tags that share one share a page. */
export function tagKey(tag: string): string {
  return slugify(tag) || 'tag';
}

export function tagUrl(tag: string): string {
  return `/tags/${tagKey(tag)}`;
}

/** The page of every tag, and of every series. */
export const TAGS_URL = '/tags/';
export const SERIES_URL = '/series/';

/** A series' identity, as for tags. */
export function seriesKey(name: string): string {
  return slugify(name) || 'series';
}

export function seriesUrl(name: string): string {
  return `/series/${seriesKey(name)}`;
}

/** A kind's list page. */
export function kindUrl(kind: Pick<KindSpec, 'folder'>): string {
  return `/${kind.folder}/`;
}

/** The absolute address of a site path, for feeds, canonical links and cards. */
export function absoluteSiteUrl(siteUrl: string, url: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${encodeURI(url)}`;
}

/** The generated social-card image of a page: `/notes/a` → `/og/notes/a.png`, `/` → `/og/index.png`. */
export function ogImageUrl(url: string): string {
  const stem = url === '/' ? 'index' : url.replace(/^\//, '').replace(/\/$/, '/index');
  return `/og/${stem}.png`;
}

/** The site's feeds (written when a kind has `feed` on): RSS, Atom and JSON Feed. */
export const FEED_URLS = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } as const;

/** The site's sitemap, as VitePress writes it. */
export const SITEMAP_URL = '/sitemap.xml';

/** The site's page for addresses it does not have (VitePress writes `404.html`). */
export const NOT_FOUND_URL = '/404';

/**
 * The built file a site URL is served from, with clean URLs: `/` → `index.html`,
 * `/notes/` → `notes/index.html`, `/notes/a` → `notes/a.html`, `/old.html` → `old.html`.
 * Percent-escapes are decoded, as a static host does to find the file.
 */
export function pageFile(url: string): string {
  let p = url.replace(/[?#].*$/, '').replace(/^\/+/, '');
  try {
    p = decodeURI(p);
  } catch { /* kept as written */ }
  if (p === '' || p.endsWith('/')) return `${p}index.html`;
  return p.endsWith('.html') ? p : `${p}.html`;
}

/**
 * An address found in the HTML of the page at site path `pageUrl`, made absolute for
 * readers outside the site (feeds): `./a.png` → `https://site/notes/a.png`, `#x` →
 * the page's own address with `#x`. Addresses with a scheme are kept as they are.
 */
export function absoluteHref(siteUrl: string, pageUrl: string, href: string): string {
  try {
    return new URL(href, absoluteSiteUrl(siteUrl, pageUrl)).href;
  } catch {
    return href;
  }
}

/** The words of a page for its search results' excerpts: `/notes/a` → `/search/notes/a.json`, `/` → `/search/index.json`. */
export function searchTextUrl(url: string): string {
  const stem = url === '/' ? 'index' : url.replace(/^\//, '').replace(/\/$/, '/index');
  return `/search/${stem}.json`;
}
