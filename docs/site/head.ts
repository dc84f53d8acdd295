/**
 * Per-page head tags: description, canonical URL, Open Graph, Twitter card and JSON-LD.
 *
 * Every value here can hold a note's text. VitePress writes its own description meta
 * without escaping, so the description is written here instead (VitePress then leaves
 * out its own). VitePress escapes the attribute values of these tags, except an `&` that
 * looks like an entity: `amp` escapes every `&` first, so `AT&amp;T` shows as written.
 */
import type { HeadConfig, PageData } from 'vitepress';
import { absoluteSiteUrl, Entry, Notebook, Profile, urlOf } from '../../extension/core/index';
import type { OgImages } from './ogPages';

export function headFor(o: {
  siteUrl: string; siteTitle: string; notebook: Notebook; pageData: PageData; title: string; description: string; og?: OgImages;
}): HeadConfig[] {
  const profile: Profile | undefined = o.notebook.profile;
  const rel = o.pageData.relativePath;
  const url = absoluteSiteUrl(o.siteUrl, urlOf(rel));
  const entry: Entry | undefined = o.notebook.get(rel);
  // Social cards show the page's own title; the browser tab gets the site suffix.
  const title = o.pageData.title || o.title;
  const image = o.og?.head(o.pageData, title, url) ?? [];
  const head: HeadConfig[] = [
    ['meta', { name: 'description', content: o.description }],
    ['link', { rel: 'canonical', href: url }],
    ['meta', { property: 'og:type', content: entry ? 'article' : 'website' }],
    ['meta', { property: 'og:site_name', content: o.siteTitle }],
    ['meta', { property: 'og:title', content: title }],
    ['meta', { property: 'og:description', content: o.description }],
    ['meta', { property: 'og:url', content: url }],
    ...image,
    ['meta', { name: 'twitter:card', content: image.length ? 'summary_large_image' : 'summary' }],
    ['meta', { name: 'twitter:title', content: title }],
    ['meta', { name: 'twitter:description', content: o.description }],
  ];
  const author = profile?.name ? { '@type': 'Person', name: profile.name, ...(profile.links[0] ? { url: profile.links[0].url } : {}) } : undefined;
  let ld: Record<string, unknown>;
  if (entry) {
    if (entry.date) head.push(['meta', { property: 'article:published_time', content: entry.date }]);
    if (entry.updated) head.push(['meta', { property: 'article:modified_time', content: entry.updated }]);
    ld = {
      '@context': 'https://schema.org', '@type': o.notebook.kinds.spec(entry.kind).sort === 'date' ? 'BlogPosting' : 'Article',
      headline: entry.title, description: o.description, url, mainEntityOfPage: url,
      ...(entry.date ? { datePublished: entry.date } : {}),
      ...(entry.updated ? { dateModified: entry.updated } : {}),
      ...(author ? { author } : {}),
      keywords: entry.tags.join(', ') || undefined,
    };
  } else if (rel === 'index.md') {
    ld = { '@context': 'https://schema.org', '@type': 'ProfilePage', url, name: o.siteTitle,
      mainEntity: { '@type': 'Person', name: profile?.name ?? o.siteTitle, jobTitle: profile?.role, description: profile?.tagline,
        sameAs: profile?.links.map((l) => l.url) } };
  } else {
    ld = { '@context': 'https://schema.org', '@type': 'WebPage', url, name: title, description: o.description };
  }
  // `<` escaped so that no value can close the script element.
  head.push(['script', { type: 'application/ld+json' }, JSON.stringify(ld).replace(/</g, '\\u003c')]);
  return head.map(([tag, attrs, ...rest]) => [tag, Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, amp(v)])), ...rest] as HeadConfig);
}

const amp = (v: string) => v.replace(/&/g, '&amp;');

/**
 * The page's `<title>` escaped exactly: VitePress's own escaping leaves an `&` that looks
 * like an entity, so a title `AT&amp;T` showed as `AT&T` until the page's script ran.
 */
export function exactTitle(html: string, title: string): string {
  const text = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${text}</title>`);
}
