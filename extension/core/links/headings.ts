/**
 * The anchors of a note's headings, exactly as the site gives them. VitePress sets a
 * heading's `id` with markdown-it-anchor: the text and inline-code children of the
 * heading, joined (an entity keeps its written form, `&amp;`, as VitePress's own
 * `text_join` keeps it), slugified by `@mdit-vue/shared` (VitePress's `slugify`), made
 * unique in the page with `-1`, `-2`; a `{#id}` at the end of the heading (markdown-it-attrs)
 * sets the id as written. Every heading level gets one.
 */
import { slugify } from '@mdit-vue/shared';

export interface Heading {
  /** The heading's text as the anchor reads it (attributes removed). */
  readonly text: string;
  /** The `id` the site gives it: a link's `#fragment` must be this. */
  readonly slug: string;
  /** 1-based file line. */
  readonly line: number;
}

/** The parts of markdown-it's Token this module reads. */
export interface TokenLike {
  type: string;
  content: string;
  markup: string;
  info: string;
  map: [number, number] | null;
  meta: unknown;
  children: TokenLike[] | null;
}

/** Trailing `{#id .class key=value}` on a heading, as markdown-it-attrs reads it. */
const ATTRS = /\s*\{\s*((?:[#.][^\s{}#.=]+|[^\s{}#.="]+(?:=(?:"[^"]*"|[^\s{}"]+))?)(?:\s+(?:[#.][^\s{}#.=]+|[^\s{}#.="]+(?:=(?:"[^"]*"|[^\s{}"]+))?))*)\s*\}$/;

/**
 * A heading's text as VitePress's anchor plugin joins it, from the inline children
 * before markdown-it's `text_join` ran (VitePress replaces that rule with one that keeps
 * entities as written). A wikilink counts as its shown text: it renders as a link.
 */
export function headingText(children: readonly TokenLike[]): string {
  let out = '';
  for (const c of children) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'text_special') out += c.info === 'entity' ? c.markup : c.info === 'escape' && c.content === '&' ? '&amp;' : c.content;
    else if (c.type === 'wikilink') out += (c.meta as { shown: string }).shown;
  }
  return out;
}

/** The id a heading's text gets when the note sets none: VitePress's slug. */
export function headingSlug(text: string): string {
  return slugify(text);
}
// It is also handed to VitePress (`siteMarkdownOptions`), so the page's anchors, link
// checks and the search index's links to sections come from one function.

/**
 * Every heading of a parsed note (tokens from before `text_join`), with its anchor.
 * `lineOf` turns a token's 0-based map line into a file line.
 */
export function headingsOf(tokens: readonly TokenLike[], lineOf: (mapLine: number) => number): Heading[] {
  const used = new Set<string>();
  const out: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    if (!inline?.children) continue;
    let text = headingText(inline.children);
    const attrs = ATTRS.exec(text);
    const id = attrs ? /(?:^|\s)#([^\s{}#.=]+)/.exec(attrs[1])?.[1] : undefined;
    if (attrs) text = text.slice(0, attrs.index);
    let slug = id ?? headingSlug(text);
    // markdown-it-anchor's uniqueSlug: the first keeps the slug, the next get -1, -2, …
    if (!id) for (let n = 1, base = slug; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.push({ text: text.trim(), slug, line: lineOf(tokens[i].map?.[0] ?? 0) });
  }
  return out;
}
