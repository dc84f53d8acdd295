/**
 * RSS 2.0, Atom and JSON Feed 1.1 of the newest published entries of every kind whose
 * `feed` setting is on (notes, by default), written at the end of the build. Each item
 * carries the entry's summary and its full text (`feedContent.ts`). Named `.xml` and
 * `.json` so VitePress's router leaves them alone.
 *
 * RSS and Atom are written by the `feed` package. Its JSON Feed is version 1, so version
 * 1.1 (`authors`, `language`) is written here directly, being plain JSON.
 *
 * Titles and summaries are text. RSS and Atom (`type="html"`) readers read an item's
 * title and summary as HTML, so there they are escaped: a summary holding `<img onerror>`
 * shows as written instead of running in a reader. JSON Feed's `title` and `summary` are
 * plain text. The full text is the page's, which passed the site's one sanitizer.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Feed } from 'feed';
import { absoluteSiteUrl, FEED_URLS, type Entry, type Notebook, type Profile } from '../../extension/core/index';
import { feedHtml } from './feedContent';

/** How many entries the feeds carry, newest first: with full texts, a feed of every entry would grow without end. */
export const FEED_SIZE = 20;

const DC = 'http://purl.org/dc/elements/1.1/';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Item { readonly entry: Entry; readonly link: string; readonly summary: string; readonly html?: string; readonly updated: Date; readonly published?: Date }

export async function writeFeeds(nb: Notebook, outDir: string, o: { siteUrl: string; siteTitle: string; profile: Profile | undefined; lang: string }): Promise<void> {
  const author = o.profile?.name ? { name: o.profile.name, link: o.profile.links[0]?.url ?? o.siteUrl } : undefined;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const entries = nb.kinds.all.filter((k) => k.feed).flatMap((k) => nb.list(k.id)).filter((e) => e.date)
    .sort((a, b) => ((b.updated ?? b.date ?? '') < (a.updated ?? a.date ?? '') ? -1 : 1)).slice(0, FEED_SIZE);
  const items: Item[] = await Promise.all(entries.map(async (e) => {
    const html = await feedHtml(outDir, o.siteUrl, e.url);
    if (html === undefined) process.stderr.write(`notepress: ${e.path}: the feeds carry only its summary: the build wrote no page for ${e.url}\n`);
    return { entry: e, link: absoluteSiteUrl(o.siteUrl, e.url), summary: e.summary || e.excerpt, html, updated: day(e.updated ?? e.date!), published: e.date ? day(e.date) : undefined };
  }));
  const home = absoluteSiteUrl(o.siteUrl, '/');
  const links = { rss: absoluteSiteUrl(o.siteUrl, FEED_URLS.rss), atom: absoluteSiteUrl(o.siteUrl, FEED_URLS.atom), json: absoluteSiteUrl(o.siteUrl, FEED_URLS.json) };
  // Built twice: RSS names the author with `dc:creator` (its own `<author>` must be an
  // e-mail address, which a profile does not have), Atom with `<author>`.
  const makeFeed = (rss: boolean) => {
    const feed = new Feed({
      title: o.siteTitle,
      description: o.profile?.tagline ?? '',
      id: home,
      link: home,
      language: o.lang,
      copyright: `© ${o.profile?.name ?? o.siteTitle}`,
      updated: items[0]?.updated ?? new Date(0),
      generator: 'Notepress',
      feedLinks: links,
      ...(author ? { author } : {}),
    });
    const by = author ? (rss ? { extensions: [{ name: 'dc:creator', objects: { _text: author.name } }] } : { author: [author] }) : {};
    for (const i of items) {
      feed.addItem({
        title: escapeHtml(i.entry.title), id: i.link, link: i.link, description: escapeHtml(i.summary), content: i.html, date: i.updated, published: i.published,
        category: i.entry.tags.map((t) => ({ name: t })), ...by,
      });
    }
    return feed;
  };
  const atom = makeFeed(false).atom1();
  const rss = withDublinCore(makeFeed(true).rss2());
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: o.siteTitle,
    home_page_url: home,
    feed_url: links.json,
    ...(o.profile?.tagline ? { description: o.profile.tagline } : {}),
    language: o.lang,
    ...(author ? { authors: [{ name: author.name, url: author.link }] } : {}),
    items: items.map((i) => ({
      id: i.link, url: i.link, title: i.entry.title,
      ...(i.html !== undefined ? { content_html: i.html } : { content_text: i.summary }),
      summary: i.summary,
      ...(i.published ? { date_published: i.published.toISOString() } : {}),
      date_modified: i.updated.toISOString(),
      ...(i.entry.tags.length ? { tags: [...i.entry.tags] } : {}),
    })),
  };
  await Promise.all([
    fs.writeFile(path.join(outDir, FEED_URLS.rss.slice(1)), rss),
    fs.writeFile(path.join(outDir, FEED_URLS.atom.slice(1)), atom),
    fs.writeFile(path.join(outDir, FEED_URLS.json.slice(1)), `${JSON.stringify(json, null, 2)}\n`),
  ]);
}

/** Binds the `dc:` prefix, which the `feed` package declares only when some item has content. */
function withDublinCore(rss: string): string {
  return rss.includes('xmlns:dc=') ? rss : rss.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DC}"`);
}
