/**
 * Notepress's generated pages: a kind's list page where the notebook has no
 * `<folder>/index.md`, `/tags/` and one page per tag, `/series/` and one page per
 * series. VitePress finds dynamic routes only inside the content folder, so one route
 * lives there, `[notepress].md` with its `[notepress].paths.mts`: a fixed stub with no
 * import, which asks the site config (same process) for the list.
 */
import { Notebook } from '../../extension/core/index';

export type RouteParams =
  | { readonly notepress: string; readonly np: 'section'; readonly key: string }
  | { readonly notepress: string; readonly np: 'tags'; readonly key: '' }
  | { readonly notepress: string; readonly np: 'tag'; readonly key: string }
  | { readonly notepress: string; readonly np: 'series'; readonly key: string };

export function routeParams(nb: Notebook, existing: (rel: string) => boolean): { params: RouteParams }[] {
  const out: { params: RouteParams }[] = [];
  for (const k of nb.kinds.all) {
    if (!existing(`${k.folder}/index.md`)) out.push({ params: { notepress: `${k.folder}/index`, np: 'section', key: k.id } });
  }
  const tags = nb.tags();
  if (tags.length) out.push({ params: { notepress: 'tags/index', np: 'tags', key: '' } });
  for (const t of tags) out.push({ params: { notepress: `tags/${t.key}`, np: 'tag', key: t.key } });
  const series = nb.allSeries();
  if (series.length) out.push({ params: { notepress: 'series/index', np: 'series', key: '' } });
  for (const s of series) out.push({ params: { notepress: `series/${s.key}`, np: 'series', key: s.key } });
  return out;
}

/** Publishes the route list for the stub to read. */
export function provideRoutes(list: () => Promise<{ params: RouteParams }[]>): void {
  (globalThis as { __notepressRoutes?: typeof list }).__notepressRoutes = list;
}
