/**
 * The facts each page shows, computed at build time from the notebook and attached
 * to that page alone (`pageData.np`). The theme only displays them.
 */
import { Entry, KindId, Notebook, PROFILE_PATH, classify, formatDate } from '../../extension/core/index';
import { Item, tagLink, TagLink, toItem } from './notebook';

export interface Group { readonly key: string; readonly items: readonly Item[] }

export type PageFacts =
  | { view: 'home'; profile: { name?: string; role: string; tagline: string; focus: readonly (readonly [string, string])[]; links: readonly { label: string; url: string; description?: string }[] };
      research: Item[]; caseStudies: Item[]; notes: Item[]; openSource: Item[];
      /** How many of each kind there are; the lists above hold at most HOME_LIMIT. */
      totals: { research: number; caseStudies: number; notes: number; openSource: number } }
  | { view: 'section'; kind: KindId; heading: string; intro: string; groups: Group[] }
  | { view: 'tag'; tag: string; items: Item[] }
  | { view: 'entry'; entry: Item; kindUrl: string; kindLabel: string; tags: TagLink[]; stack: string[];
      repository?: string; updated?: string;
      series?: { name: string; items: { title: string; url: string; current: boolean }[] };
      prev?: { title: string; url: string }; next?: { title: string; url: string } };

const items = (list: readonly Entry[]) => list.map(toItem);

/**
 * The home page shows at most this many of each kind, newest (or first) first, and links
 * to the full list. Its data travels in its own page chunk and HTML: measured at 1,000
 * notes, listing them all made the home page 161 KB gzipped against 93 KB for the default theme.
 */
export const HOME_LIMIT = 10;

export function pageFacts(nb: Notebook, relativePath: string, params?: Record<string, string>):
  { page: { title?: string; description?: string }; np: PageFacts } | undefined {
  if (relativePath === PROFILE_PATH) {
    const p = nb.profile;
    return {
      page: { title: p?.role ?? 'Home', description: p?.tagline ?? '' },
      np: {
        view: 'home',
        profile: { ...(p?.name ? { name: p.name } : {}), role: p?.role ?? '', tagline: p?.tagline ?? '', focus: p?.focus ?? [], links: p?.links ?? [] },
        research: items(nb.list('research').slice(0, HOME_LIMIT)),
        caseStudies: items(nb.list('case-study').slice(0, HOME_LIMIT)),
        notes: items(nb.list('note').slice(0, HOME_LIMIT)),
        openSource: items(nb.list('open-source').slice(0, HOME_LIMIT)),
        totals: { research: nb.list('research').length, caseStudies: nb.list('case-study').length, notes: nb.list('note').length, openSource: nb.list('open-source').length },
      },
    };
  }
  if (relativePath.startsWith('tags/') && params?.name) {
    const tag = params.name;
    const list = nb.tags().find((g) => g.key === tag)?.items ?? [];
    return { page: { title: `Tagged “${tag}”`, description: `Entries tagged ${tag}.` }, np: { view: 'tag', tag, items: items(list) } };
  }
  const role = classify(relativePath);
  if (!role || role.role === 'profile') return undefined;
  const kind = role.kind;
  if (role.role === 'section') {
    const groups: Group[] =
      kind.id === 'note' ? nb.byYear().map((g) => ({ key: g.key, items: items(g.items) }))
      : kind.id === 'case-study' ? nb.byCategory().map((g) => ({ key: g.key, items: items(g.items) }))
      : [{ key: '', items: items(nb.list(kind.id)) }];
    return { page: {}, np: { view: 'section', kind: kind.id, heading: kind.plural, intro: '', groups } };
  }
  const e = nb.get(relativePath);
  if (!e) return undefined;
  const { prev, next } = nb.neighbours(e.path);
  const link = (x?: Entry) => (x ? { title: x.title, url: x.url } : undefined);
  const series = e.series
    ? { name: e.series, items: nb.series(e.series).map((s) => ({ title: s.title, url: s.url, current: s.path === e.path })) }
    : undefined;
  const stack = Array.isArray(e.data.stack) ? e.data.stack.map(String) : [];
  return {
    page: { title: e.title, description: e.summary || e.excerpt },
    np: {
      view: 'entry', entry: toItem(e), kindUrl: `/${kind.folder}/`, kindLabel: kind.plural,
      tags: e.tags.map(tagLink), stack,
      ...(typeof e.data.repository === 'string' ? { repository: e.data.repository } : {}),
      ...(e.updated ? { updated: formatDate(e.updated) } : {}),
      ...(series ? { series } : {}),
      ...(prev ? { prev: link(prev) } : {}),
      ...(next ? { next: link(next) } : {}),
    },
  };
}
