/**
 * The facts each page shows, computed at build time from the notebook and attached to
 * that page alone (`pageData.np`). The theme only displays them.
 */
import {
  Entry, headerFacts, kindUrl, Notebook, PROFILE_PATH, renderHeader, SERIES_URL, seriesUrl, TAGS_URL, tagUrl,
} from '../../extension/core/index';
import { toItem } from './notebook';
import type { HomeSectionFacts, Item, PageFacts } from './facts';
import type { RouteParams } from './routes';

export interface PageResult { readonly page: { title?: string; description?: string }; readonly np: PageFacts }

const itemsOf = (nb: Notebook, list: readonly Entry[]): Item[] => list.map((e) => toItem(e, nb.kinds.spec(e.kind)));

export function pageFacts(nb: Notebook, relativePath: string, params?: Partial<RouteParams>): PageResult | undefined {
  if (params?.np) return generatedFacts(nb, params as RouteParams);
  if (relativePath === PROFILE_PATH) {
    const p = nb.profile;
    const sections: HomeSectionFacts[] = nb.config.home.map((s) => {
      const kind = nb.kinds.spec(s.kind);
      const all = nb.list(kind.id);
      return { kind: kind.id, heading: kind.plural, url: kindUrl(kind), style: s.style, items: itemsOf(nb, all.slice(0, s.limit)), total: all.length, links: !!s.links };
    });
    return {
      page: { title: p?.role ?? 'Home', description: p?.tagline ?? '' },
      np: {
        view: 'home', sections,
        profile: { ...(p?.name ? { name: p.name } : {}), role: p?.role ?? '', tagline: p?.tagline ?? '', focus: p?.focus ?? [], links: p?.links ?? [] },
      },
    };
  }
  const role = nb.kinds.classify(relativePath);
  if (!role) return undefined;
  if (role.role === 'page') {
    const page = nb.page(relativePath);
    return page ? { page: { title: page.title, description: page.summary }, np: { view: 'page', title: page.title, summary: page.summary } } : undefined;
  }
  if (role.role === 'section') return sectionFacts(nb, role.kind.id);
  if (role.role !== 'entry') return undefined;
  const e = nb.get(relativePath);
  if (!e) return undefined;
  const kind = role.kind;
  const { prev, next } = nb.neighbours(e.path);
  const link = (x: Entry) => ({ title: x.title, url: x.url });
  const series = e.series.flatMap((name) => {
    const s = nb.series(name);
    return s ? [{ name: s.name, url: seriesUrl(s.name), items: s.items.map((x) => ({ ...link(x), current: x.path === e.path })) }] : [];
  });
  return {
    page: { title: e.title, description: e.summary || e.excerpt },
    np: {
      view: 'entry', kind: kind.id, header: renderHeader(headerFacts(e, kind)), series,
      ...(prev ? { prev: link(prev) } : {}),
      ...(next ? { next: link(next) } : {}),
      pager: kind.sort === 'date' ? ['Newer', 'Older'] : ['Previous', 'Next'],
    },
  };
}

function sectionFacts(nb: Notebook, kindId: string): PageResult {
  const kind = nb.kinds.spec(kindId);
  const groups = nb.groups(kind).map((g) => ({ key: g.key, items: itemsOf(nb, g.items) }));
  return { page: { title: kind.plural, description: `${kind.plural}: ${nb.list(kind.id).length} entries.` }, np: { view: 'section', kind: kind.id, heading: kind.plural, groups } };
}

/** Pages the notebook does not write itself: list pages, tags, series. */
function generatedFacts(nb: Notebook, params: RouteParams): PageResult | undefined {
  switch (params.np) {
    case 'section':
      return nb.kinds.get(params.key) ? sectionFacts(nb, params.key) : undefined;
    case 'tags': {
      const tags = nb.tags().map((t) => ({ name: t.name, url: tagUrl(t.name), count: t.items.length }));
      return { page: { title: 'Tags', description: `All ${tags.length} tags.` }, np: { view: 'tags', tags: [...tags].sort((a, b) => a.name.localeCompare(b.name)) } };
    }
    case 'tag': {
      const t = nb.tags().find((x) => x.key === params.key);
      return t ? { page: { title: `Tagged “${t.name}”`, description: `Entries tagged ${t.name}.` }, np: { view: 'tag', name: t.name, items: itemsOf(nb, t.items), allUrl: TAGS_URL } } : undefined;
    }
    case 'series': {
      const all = nb.allSeries().map((s) => ({ name: s.name, url: seriesUrl(s.name), count: s.items.length }));
      const s = nb.allSeries().find((x) => x.key === params.key);
      if (params.key === '' ) return { page: { title: 'Series', description: `All ${all.length} series.` }, np: { view: 'series', name: '', items: [], all, allUrl: SERIES_URL } };
      return s ? { page: { title: `Series: ${s.name}`, description: `The ${s.items.length} parts of ${s.name}, in order.` }, np: { view: 'series', name: s.name, items: itemsOf(nb, s.items), all, allUrl: SERIES_URL } } : undefined;
    }
  }
}

