/**
 * RSS 2.0, Atom and JSON Feed of the published entries of every kind whose `feed`
 * setting is on (notes, by default), written at the end of the build with the `feed`
 * package. Named `.xml` and `.json` so VitePress's router leaves them alone.
 *
 * Titles and summaries are text. RSS and Atom (`type="html"`) readers read an item's
 * title and summary as HTML, so there they are escaped: a summary holding `<img onerror>` shows as written
 * instead of running in a reader. JSON Feed's `title` and `summary` are plain text.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Feed } from 'feed';
import { absoluteSiteUrl, FEED_URLS, type Notebook, type Profile } from '../../extension/core/index';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function writeFeeds(nb: Notebook, outDir: string, o: { siteUrl: string; siteTitle: string; profile: Profile | undefined }): Promise<void> {
  const html = feedOf(nb, o, escapeHtml);
  const json = feedOf(nb, o, (s) => s, escapeHtml);
  await Promise.all([
    fs.writeFile(path.join(outDir, FEED_URLS.rss.slice(1)), html.rss2()),
    fs.writeFile(path.join(outDir, FEED_URLS.atom.slice(1)), html.atom1()),
    fs.writeFile(path.join(outDir, FEED_URLS.json.slice(1)), json.json1()),
  ]);
}

/** The feed, with each item's title passed through `t` and its summary through `d`. */
function feedOf(nb: Notebook, o: { siteUrl: string; siteTitle: string; profile: Profile | undefined }, t: (s: string) => string, d = t): Feed {
  const author = o.profile?.name ? { name: o.profile.name, link: o.profile.links[0]?.url ?? o.siteUrl } : undefined;
  const notes = nb.kinds.all.filter((k) => k.feed).flatMap((k) => nb.list(k.id))
    .filter((e) => e.date).sort((a, b) => ((b.updated ?? b.date ?? '') < (a.updated ?? a.date ?? '') ? -1 : 1));
  const newest = notes[0]?.updated ?? notes[0]?.date;
  const feed = new Feed({
    title: o.siteTitle,
    description: o.profile?.tagline ?? '',
    id: `${o.siteUrl}/`,
    link: `${o.siteUrl}/`,
    language: 'en',
    copyright: `© ${o.profile?.name ?? o.siteTitle}`,
    updated: newest ? new Date(`${newest}T00:00:00Z`) : new Date(0),
    generator: 'Notepress',
    feedLinks: { rss: absoluteSiteUrl(o.siteUrl, FEED_URLS.rss), atom: absoluteSiteUrl(o.siteUrl, FEED_URLS.atom), json: absoluteSiteUrl(o.siteUrl, FEED_URLS.json) },
    ...(author ? { author } : {}),
  });
  for (const e of notes) {
    const link = absoluteSiteUrl(o.siteUrl, e.url);
    feed.addItem({
      title: t(e.title),
      id: link,
      link,
      description: d(e.summary || e.excerpt),
      date: new Date(`${e.updated ?? e.date}T00:00:00Z`),
      published: e.date ? new Date(`${e.date}T00:00:00Z`) : undefined,
      category: e.tags.map((name) => ({ name })),
      ...(author ? { author: [author] } : {}),
    });
  }
  return feed;
}
