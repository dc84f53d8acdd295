/**
 * RSS 2.0, Atom and JSON Feed of the published entries of every kind whose `feed`
 * setting is on (notes, by default), written at the end of the build with the `feed`
 * package. Named `.xml` and `.json` so VitePress's router leaves them alone.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Feed } from 'feed';
import { absoluteSiteUrl, FEED_URLS, type Notebook, type Profile } from '../../extension/core/index';

export async function writeFeeds(nb: Notebook, outDir: string, o: { siteUrl: string; siteTitle: string; profile: Profile | undefined }): Promise<void> {
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
      title: e.title,
      id: link,
      link,
      description: e.summary || e.excerpt,
      date: new Date(`${e.updated ?? e.date}T00:00:00Z`),
      published: e.date ? new Date(`${e.date}T00:00:00Z`) : undefined,
      category: e.tags.map((t) => ({ name: t })),
      ...(author ? { author: [author] } : {}),
    });
  }
  await Promise.all([
    fs.writeFile(path.join(outDir, FEED_URLS.rss.slice(1)), feed.rss2()),
    fs.writeFile(path.join(outDir, FEED_URLS.atom.slice(1)), feed.atom1()),
    fs.writeFile(path.join(outDir, FEED_URLS.json.slice(1)), feed.json1()),
  ]);
}
