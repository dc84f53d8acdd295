/**
 * Per-page head tags: description, canonical URL, Open Graph, Twitter card and JSON-LD.
 *
 * Every value here can hold a note's text. VitePress writes its own description meta
 * without escaping, so the description is written here instead (VitePress then leaves
 * out its own). VitePress escapes the attribute values of these tags, except an `&` that
 * looks like an entity: `amp` escapes every `&` first, so `AT&amp;T` shows as written.
 */
import type { HeadConfig, PageData } from 'vitepress';
import type { Profile } from '../../extension/core/index';
import type { PageFacts } from './pages';

export function headFor(o: {
  siteUrl: string; siteTitle: string; profile: Profile | undefined; pageData: PageData; title: string; description: string;
}): HeadConfig[] {
  const np = (o.pageData as PageData & { np?: PageFacts }).np;
  const rel = o.pageData.relativePath.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '');
  const url = `${o.siteUrl}/${encodeURI(rel)}`;
  const isEntry = np?.view === 'entry';
  // Social cards show the page's own title; the browser tab gets the site suffix.
  const title = o.pageData.title || o.title;
  const head: HeadConfig[] = [
    ['meta', { name: 'description', content: o.description }],
    ['link', { rel: 'canonical', href: url }],
    ['meta', { property: 'og:type', content: isEntry ? 'article' : 'website' }],
    ['meta', { property: 'og:site_name', content: o.siteTitle }],
    ['meta', { property: 'og:title', content: title }],
    ['meta', { property: 'og:description', content: o.description }],
    ['meta', { property: 'og:url', content: url }],
    ['meta', { name: 'twitter:card', content: 'summary' }],
    ['meta', { name: 'twitter:title', content: title }],
    ['meta', { name: 'twitter:description', content: o.description }],
  ];
  const author = o.profile?.name ? { '@type': 'Person', name: o.profile.name, ...(o.profile.links[0] ? { url: o.profile.links[0].url } : {}) } : undefined;
  let ld: Record<string, unknown>;
  if (np?.view === 'entry') {
    if (np.entry.date) head.push(['meta', { property: 'article:published_time', content: np.entry.date }]);
    ld = {
      '@context': 'https://schema.org', '@type': np.entry.kind === 'Note' ? 'BlogPosting' : 'Article',
      headline: np.entry.title, description: o.description, url, mainEntityOfPage: url,
      ...(np.entry.date ? { datePublished: np.entry.date } : {}),
      ...(author ? { author } : {}),
      keywords: np.tags.map((t) => t.name).join(', ') || undefined,
    };
  } else if (np?.view === 'home') {
    ld = { '@context': 'https://schema.org', '@type': 'ProfilePage', url, name: o.siteTitle,
      mainEntity: { '@type': 'Person', name: o.profile?.name ?? o.siteTitle, jobTitle: o.profile?.role, description: o.profile?.tagline,
        sameAs: o.profile?.links.map((l) => l.url) } };
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
