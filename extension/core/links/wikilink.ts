/**
 * Wikilinks, Foam's form: `[[Note title]]`, `[[file-name]]`, `[[notes/file-name]]`,
 * `[[target#Heading]]`, `[[#Heading]]` and `[[target|shown text]]` (`\|` inside a table).
 * A small markdown-it inline rule that only finds them, with their offsets, as a
 * `wikilink` token; resolving them is the notebook's (`linkIndex.ts`) and drawing them
 * the renderer's (`wikilinkRender` below). Written here rather than taken from
 * `markdown-it-wikilinks`, which builds its URL from the text and gives no positions.
 */

import { Heading, headingsOf } from './headings';

/** What a wikilink says, as written. */
export interface Wikilink {
  /** The note it names (a title, a file name or a content path), trimmed; empty for `[[#Heading]]`. */
  readonly target: string;
  /** The heading after `#`, as written, if any. */
  readonly heading?: string;
  /** The text after `|`, if any. */
  readonly alias?: string;
  /** What the page shows: the alias, else what was written before it. */
  readonly shown: string;
  /** Offset of the target's first character within the bracketed text, and its length (for edits). */
  readonly targetOffset: number;
  readonly targetLength: number;
}

/** A `wikilink` token's meta: the link, and its offset and length in the inline source. */
export type WikilinkMeta = Wikilink & { readonly offset: number; readonly length: number };

/** Splits the text between `[[` and `]]`. Undefined when it is not a wikilink. */
export function parseWikilink(inner: string): Wikilink | undefined {
  if (!inner.trim() || /[[\]\n]/.test(inner)) return undefined;
  const bar = /\\?\|/.exec(inner);
  const ref = bar ? inner.slice(0, bar.index) : inner;
  const alias = bar ? inner.slice(bar.index + bar[0].length).trim() : undefined;
  const hash = ref.indexOf('#');
  const rawTarget = hash >= 0 ? ref.slice(0, hash) : ref;
  const target = rawTarget.trim();
  const heading = hash >= 0 ? ref.slice(hash + 1).trim() : undefined;
  if (!target && !heading) return undefined;
  return {
    target,
    ...(heading ? { heading } : {}),
    ...(alias ? { alias } : {}),
    shown: alias || ref.trim(),
    targetOffset: rawTarget.length - rawTarget.trimStart().length,
    targetLength: target.length,
  };
}

// markdown-it's state types differ between its typings' forms, as in markdown.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
function wikilinkRule(state: any, silent: boolean): boolean {
  const src: string = state.src;
  const start: number = state.pos;
  if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return false;
  // Inside a link's text a wikilink would nest one link in another: it stays text there.
  if (state.linkLevel > 0) return false;
  const end = src.indexOf(']]', start + 2);
  if (end < 0 || end + 2 > state.posMax) return false;
  const link = parseWikilink(src.slice(start + 2, end));
  if (!link) return false;
  if (!silent) {
    const t = state.push('wikilink', '', 0);
    t.content = src.slice(start, end + 2);
    t.meta = { ...link, targetOffset: start + 2 + link.targetOffset, offset: start, length: end + 2 - start } satisfies WikilinkMeta;
  }
  state.pos = end + 2;
  return true;
}

/** Adds the wikilink rule, ahead of markdown-it's link rule: `[[x]]` is never a reference link. */
export function wikilinkSyntax(md: { inline: { ruler: { before(b: string, n: string, f: any): void } } }): void {
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
}

/**
 * The URL a wikilink leads to, or undefined when it leads nowhere (unknown or ambiguous:
 * a problem the notebook reports). `own` are the headings of the note being rendered.
 */
export type WikilinkResolver = (fromPath: string, link: Wikilink, own: readonly Heading[]) => string | undefined;

/**
 * Turns each `wikilink` token into markdown's own tokens: a link to the entry's URL
 * (so the site's link rule treats it as any link: base path, dead-link check), or, when
 * it leads nowhere, its text in a `<span class="np-wikilink-unresolved">`. Runs right
 * after the inline rules, before heading anchors are made, so a wikilink in a heading
 * reads as its text there too.
 */
export function wikilinkRender(md: { core: { ruler: { after(a: string, n: string, f: (state: any) => void): void } } }, resolver: (env: any) => WikilinkResolver | undefined): void {
  md.core.ruler.after('inline', 'notepress_wikilinks', (state: any) => {
    const resolve = resolver(state.env ?? {});
    const from: string = state.env?.relativePath ?? '';
    let own: Heading[] | undefined;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children?.some((c: any) => c.type === 'wikilink')) continue;
      const out: any[] = [];
      for (const c of block.children) {
        if (c.type !== 'wikilink') {
          out.push(c);
          continue;
        }
        const link = c.meta as WikilinkMeta;
        const url = resolve?.(from, link, (own ??= headingsOf(state.tokens, (l) => l + 1)));
        const open = new state.Token(url ? 'link_open' : 'wikilink_open', url ? 'a' : 'span', 1);
        if (url) open.attrSet('href', url);
        else open.attrSet('class', 'np-wikilink-unresolved');
        const text = new state.Token('text', '', 0);
        text.content = link.shown;
        const close = new state.Token(url ? 'link_close' : 'wikilink_close', url ? 'a' : 'span', -1);
        open.level = close.level = c.level;
        text.level = c.level + 1;
        out.push(open, text, close);
      }
      block.children = out;
    }
  });
}
