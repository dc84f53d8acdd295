/**
 * Highlighted code blocks, kept between builds. Highlighting is most of a site build's
 * CPU, and a rebuild highlights the same blocks again: the renderer's `highlight`
 * (VitePress's Shiki, sync) is wrapped so that a block whose key is in the store is
 * taken from it, and only a block never seen is highlighted.
 *
 * Pure: the store (memory, disk) and the hash are given. The key is made of everything
 * that changes a block's HTML, so a stored block is never wrong: the block's source,
 * language and attributes (`{1,3}`, `:line-numbers`, `-vue`), the themes, the
 * highlighter's versions (`context`, from whoever knows the installed packages) and
 * `HIGHLIGHT_CACHE_VERSION`, for changes of our own.
 */

/** markdown-it's `options.highlight`, as VitePress sets it. */
export type Highlight = (code: string, lang: string, attrs: string) => string;

/** Where highlighted blocks are kept, by key. */
export interface HighlightStore {
  get(key: string): string | undefined;
  set(key: string, html: string): void;
}

export interface HighlightCache {
  readonly store: HighlightStore;
  /** What else changes a block's HTML: the highlighter's and its grammars' and themes' versions. */
  readonly context: string;
  /** A digest of a string (hex), e.g. SHA-256. */
  readonly hash: (s: string) => string;
}

/**
 * Bump when anything of ours changes what a stored block holds (e.g. how its markup is
 * written), so that blocks stored before are not used.
 */
export const HIGHLIGHT_CACHE_VERSION = 1;

export interface CodeBlock {
  readonly code: string;
  readonly lang: string;
  readonly attrs: string;
}

/** The store key of a block highlighted with `themes`: every part in a fixed order, hashed. */
export function highlightKey(block: CodeBlock, themes: unknown, cache: Pick<HighlightCache, 'context' | 'hash'>): string {
  return cache.hash(JSON.stringify([HIGHLIGHT_CACHE_VERSION, cache.context, themes, block.lang, block.attrs, block.code]));
}

/** `highlight`, answering from the store when it holds the block, else highlighting and storing it. */
export function cachedHighlight(highlight: Highlight, themes: unknown, cache: HighlightCache): Highlight {
  return (code, lang, attrs) => {
    const key = highlightKey({ code, lang, attrs }, themes, cache);
    const kept = cache.store.get(key);
    if (kept !== undefined) return kept;
    const html = highlight(code, lang, attrs);
    cache.store.set(key, html);
    return html;
  };
}

/** Wraps a markdown-it instance's highlighter (if it has one) with `cache`. */
export function useHighlightCache(md: object, themes: unknown, cache: HighlightCache): void {
  // markdown-it's `options` is not in the structural type the plugin takes (see markdown.ts).
  const options = (md as { options?: { highlight?: Highlight | null } }).options;
  if (options?.highlight) options.highlight = cachedHighlight(options.highlight, themes, cache);
}

/**
 * For VitePress's `shikiSetup`: Shiki gives up on a line after 500 ms by default and
 * leaves the rest of it uncoloured. The first block of a language in a process pays for
 * loading and compiling its grammar, which on a busy machine passes that limit: measured,
 * one run in two coloured the first line of the first TypeScript block in the light theme
 * wrongly. A block's HTML must depend on the block alone, or the cache would keep such a
 * block: no limit.
 */
export function withoutTokenizeTimeLimit(highlighter: object): void {
  const h = highlighter as { codeToHtml: (code: string, options: object) => string };
  const codeToHtml = h.codeToHtml.bind(highlighter);
  h.codeToHtml = (code, options) => codeToHtml(code, { ...options, tokenizeTimeLimit: 0 });
}
