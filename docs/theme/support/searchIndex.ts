/**
 * The search index's shape and settings, shared by the build that writes it
 * (`docs/site/search.ts`) and the search box that reads it: MiniSearch must split and
 * fold words the same way on both sides.
 */
import type { Options, SearchOptions } from 'minisearch';

/** Where the build writes the index, under the site's base. */
export const SEARCH_INDEX_FILE = 'search-index.json';

/** A page (an entry, the home page or a top-level page): what a result shows of it and where its words are. */
export interface PageDoc {
  readonly id: number;
  readonly url: string;
  /** Where this page's words are, for excerpts (`searchTextUrl`). */
  readonly words: string;
  readonly title: string;
  /** What it is: `Note`, `Case Study`, `Page`. */
  readonly kind: string;
  readonly summary: string;
  readonly tags: string;
  /** Prose and code before the first heading. */
  readonly text: string;
  readonly code: string;
}

/** A section under a heading: found on its own, shown under its page. */
export interface SectionDoc {
  readonly id: number;
  /** Its page's document id. */
  readonly page: number;
  readonly heading: string;
  /** The heading's id on the page. */
  readonly anchor: string;
  readonly text: string;
  readonly code: string;
}

export type SearchDoc = PageDoc | SectionDoc;

/** A page's words, the file at `PageDoc.words`: its summary, and each section's by anchor (`''` before the first heading). */
export interface PageWords {
  readonly summary: string;
  readonly sections: Readonly<Record<string, { readonly text: string; readonly code: string }>>;
}

/** The fields searched: a page fills some, a section the others. */
export const FIELDS = ['title', 'heading', 'summary', 'tags', 'text', 'code'] as const;
export type Field = (typeof FIELDS)[number];

/** What a result shows before its page's words arrive. */
const STORE_FIELDS = ['url', 'words', 'title', 'kind', 'page', 'heading', 'anchor'];

/**
 * How much a match in each field counts. A title names what a page is about; tags and
 * headings are words chosen by the writer; code shares many words across notes and is
 * skimmed more than read, so it counts least.
 */
export const BOOST: Record<Field, number> = { title: 8, tags: 4, heading: 3, summary: 2, text: 1, code: 0.3 };

/** Where words split: spaces, punctuation (MiniSearch's own rule) and symbols, so `Vec<u8>` and `a+b` are two words each. */
export const WORD_BREAK = /[\n\r\p{Z}\p{P}\p{S}]+/u;

/**
 * A word as the index keeps it: lower case, Latin accents folded (`café` finds `cafe`).
 * In code, numbers and one-letter names are left out: they are most of a block's
 * words, and nobody searches for them.
 */
export function foldTerm(term: string, field?: string): string | null {
  const t = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (!t || (field === 'code' && (t.length < 2 || /^\d+$/.test(t)))) return null;
  return t;
}

/** MiniSearch's settings, the same when the index is written and when it is read. */
export function indexOptions(): Options<SearchDoc> {
  return { fields: [...FIELDS], storeFields: [...STORE_FIELDS], processTerm: foldTerm, tokenize: (text) => text.split(WORD_BREAK) };
}

/**
 * Query settings: the word being typed matches as a prefix, as do longer words; longer
 * words also forgive one typo. `combineWith` is set by the caller (every word, then any).
 */
export const QUERY_OPTIONS: SearchOptions = {
  boost: BOOST,
  prefix: (term, i, terms) => i === terms.length - 1 || term.length > 3,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
};
