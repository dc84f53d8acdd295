/**
 * From MiniSearch's hits to what the search box shows: pages first, each with its
 * matching sections under it, and text cut into plain and marked pieces. Plain
 * functions over plain data; the component renders the pieces as text, never as HTML.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { foldTerm, QUERY_OPTIONS, WORD_BREAK, type Field, type PageWords, type SearchDoc } from './searchIndex';

export interface SectionHit {
  readonly anchor: string;
  readonly heading: string;
  /** The index's words this section matched. */
  readonly terms: readonly string[];
  readonly fields: readonly Field[];
}

export interface PageHit {
  readonly id: number;
  readonly url: string;
  readonly words: string;
  readonly title: string;
  readonly kind: string;
  readonly score: number;
  /** The words the page itself matched (title, summary, tags, text before the first heading); empty when only sections did. */
  readonly terms: readonly string[];
  readonly fields: readonly Field[];
  readonly sections: readonly SectionHit[];
}

export interface Piece { readonly text: string; readonly mark: boolean }

/** Sections shown under a page at most. */
const SECTIONS_PER_PAGE = 3;
/**
 * A page ranks by its best match; its other matching sections add a little, so of two
 * pages with the same best match the one that says more about the query comes first.
 */
const OTHER_MATCHES = 0.1;

/** Every word of the query, else any of them (so a stray word does not empty the list). */
export function search(index: MiniSearch<SearchDoc>, query: string, limit = 8): PageHit[] {
  let hits = index.search(query, { ...QUERY_OPTIONS, combineWith: 'AND' });
  if (!hits.length) hits = index.search(query, { ...QUERY_OPTIONS, combineWith: 'OR' });
  return groupByPage(hits, (id) => index.getStoredFields(id) as Stored | undefined).slice(0, limit);
}

type Stored = { url?: string; words?: string; title?: string; kind?: string; page?: number; heading?: string; anchor?: string };

const fieldsOf = (hit: SearchResult) => [...new Set(Object.values(hit.match).flat())] as Field[];

/** Hits of pages and sections, grouped under their pages, best page first. */
export function groupByPage(hits: readonly SearchResult[], stored: (id: number) => Stored | undefined): PageHit[] {
  const pages = new Map<number, { best: number; sum: number; terms: string[]; fields: Field[]; sections: (SectionHit & { score: number })[] }>();
  for (const hit of hits) {
    const pageId = typeof hit.page === 'number' ? hit.page : (hit.id as number);
    const g = pages.get(pageId) ?? { best: 0, sum: 0, terms: [], fields: [], sections: [] };
    g.best = Math.max(g.best, hit.score);
    g.sum += hit.score;
    if (pageId === hit.id) {
      g.terms = hit.terms;
      g.fields = fieldsOf(hit);
    } else g.sections.push({ anchor: hit.anchor as string, heading: hit.heading as string, terms: hit.terms, fields: fieldsOf(hit), score: hit.score });
    pages.set(pageId, g);
  }
  const out: PageHit[] = [];
  for (const [id, g] of pages) {
    const p = stored(id);
    if (!p?.url) continue;
    const sections = g.sections.sort((a, b) => b.score - a.score).slice(0, SECTIONS_PER_PAGE).map(({ score: _, ...s }) => s);
    out.push({ id, url: p.url, words: p.words ?? '', title: p.title ?? '', kind: p.kind ?? '', score: g.best + OTHER_MATCHES * (g.sum - g.best), terms: g.terms, fields: g.fields, sections });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** `text` in pieces, the words among `terms` (the index's folded words) marked. */
export function pieces(text: string, terms: ReadonlySet<string>): Piece[] {
  const out: Piece[] = [];
  const parts = text.split(new RegExp(`(${WORD_BREAK.source})`, 'u'));
  parts.forEach((part, i) => {
    // split() with a capture alternates words (even) and the breaks between them (odd).
    const mark = i % 2 === 0 && terms.has(foldTerm(part) ?? '');
    const last = out[out.length - 1];
    if (last && !last.mark && !mark) out[out.length - 1] = { text: last.text + part, mark: false };
    else if (part) out.push({ text: part, mark });
  });
  return out;
}

/**
 * About `width` characters of `text` around its first marked word, cut at spaces, with
 * `…` where it was cut (a text not much longer is kept whole); undefined when no word
 * is marked.
 */
export function excerpt(text: string, terms: ReadonlySet<string>, width = 160): Piece[] | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = pieces(flat, terms);
  let at = 0;
  const first = all.findIndex((p) => { if (p.mark) return true; at += p.text.length; return false; });
  if (first < 0) return undefined;
  if (flat.length <= width * 1.25) return all;
  let start = Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(flat.length, start + width);
  const space = flat.indexOf(' ', start);
  if (start > 0 && space >= 0 && space < at) start = space + 1;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > at ? flat.lastIndexOf(' ', end) : end;
  const cut = pieces(flat.slice(start, end), terms);
  return [...(start > 0 ? [{ text: '…', mark: false }] : []), ...cut, ...(end < flat.length ? [{ text: '…', mark: false }] : [])];
}

/** One row of the results a reader can choose: a page, or one of its sections. */
export interface SearchOption {
  /** The element id, for `aria-activedescendant`. */
  readonly id: string;
  /** Where choosing it goes: the page's address, with the section's anchor. */
  readonly url: string;
  readonly page: PageHit;
  readonly section?: SectionHit;
}

/** The rows in reading order, grouped by page: the page's own row, then its sections'. */
export function optionsOf(results: readonly PageHit[]): { page: PageHit; options: SearchOption[] }[] {
  return results.map((page, p) => ({
    page,
    options: [
      { id: `np-search-${p}`, url: page.url, page },
      ...page.sections.map((section, s) => ({ id: `np-search-${p}-${s}`, url: `${page.url}#${section.anchor}`, page, section })),
    ],
  }));
}

/**
 * What a row shows under its title: the first of (a page's summary,) its text and its
 * code that holds a matched word, cut around it; else the start of its summary or text.
 * Undefined until the page's words have arrived.
 */
export function excerptOf(o: SearchOption, words: PageWords | undefined, terms: ReadonlySet<string>): { pieces: Piece[]; code: boolean } | undefined {
  if (!words) return undefined;
  const own = words.sections[o.section ? o.section.anchor : ''] ?? { text: '', code: '' };
  const tries: [string, boolean][] = [...(o.section ? [] : [[words.summary, false] as [string, boolean]]), [own.text, false], [own.code, true]];
  for (const [text, code] of tries) {
    const cut = excerpt(text, terms);
    if (cut) return { pieces: cut, code };
  }
  const plain = (o.section ? own.text : words.summary || own.text).replace(/\s+/g, ' ').trim();
  if (!plain) return undefined;
  return { pieces: [{ text: plain.length > 160 ? `${plain.slice(0, plain.lastIndexOf(' ', 160) > 0 ? plain.lastIndexOf(' ', 160) : 160)}…` : plain, mark: false }], code: false };
}
