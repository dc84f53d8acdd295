/**
 * Every link a note writes, with where it is written, read from markdown-it's tokens so
 * that a link in a code span is not one and a link in a table, a list or a quote is:
 * markdown links (`[a](../notes/b.md#c)`), reference definitions (`[b]: ./b.md`),
 * wikilinks (`[[B]]`), and `<a href>` in raw HTML (read with htmlparser2). Positions are
 * those of what a rename rewrites: the destination, the wikilink's target, the
 * attribute's value. Pure: what a link leads to is `resolve.ts`'s question.
 */
import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';
import { full as emoji } from 'markdown-it-emoji';
import { MARKDOWN_OPTIONS } from '../markdown';
import { mathSyntax } from '../blocks/mathSyntax';
import { Heading, headingsOf, TokenLike } from './headings';
import { Wikilink, WikilinkMeta, wikilinkSyntax } from './wikilink';

export type LinkForm = 'markdown' | 'reference' | 'wiki' | 'html';

export interface NoteLink {
  readonly form: LinkForm;
  /** A URL as written (escapes and `<>` removed), or for a wikilink its target. */
  readonly href: string;
  /** A wikilink's parts. */
  readonly wiki?: Wikilink;
  /** 1-based file positions of the destination (the wikilink's target; for `[[#h]]`, the heading), end exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface NoteLinks {
  readonly links: readonly NoteLink[];
  readonly headings: readonly Heading[];
}

type Token = TokenLike & { attrGet(name: string): string | null; hidden: boolean };
type Md = InstanceType<typeof MarkdownIt> & { helpers: { parseLinkDestination(s: string, pos: number, max: number): { ok: boolean; pos: number; str: string } } };

let parser: Md | undefined;

function md(): Md {
  if (parser) return parser;
  // Bare URLs found in text (linkify) lead elsewhere, and read as text in a heading's
  // anchor either way: this parser leaves them as text, which is quicker.
  const m = new MarkdownIt({ ...MARKDOWN_OPTIONS, linkify: false }) as Md;
  mathSyntax(m);
  wikilinkSyntax(m);
  // VitePress turns `:tada:` into an emoji, which a heading's anchor leaves out; here only
  // headings need it, so the plugin's rule is run on them alone. The plugin (VitePress's
  // version) also calls two helpers markdown-it 15 dropped: given to it alone, on a view
  // of this instance, not added to markdown-it's shared utils.
  let emojiRule: ((state: unknown) => void) | undefined;
  const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  emoji(Object.assign(Object.create(m) as Md, {
    utils: { ...m.utils, assign: Object.assign, has },
    core: { ruler: { after: (_after: string, _name: string, rule: (state: unknown) => void) => { emojiRule = rule; } } },
  }));
  m.core.ruler.after('inline', 'notepress_heading_emoji', (state: { tokens: unknown[] }) => {
    const tokens = state.tokens as Token[];
    const headings = tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'heading_open');
    if (headings.length && emojiRule) emojiRule({ ...state, tokens: headings });
  });
  // Reference definitions stay in the token stream, with their lines.
  m.core.ruler.disable('strip_references');
  m.core.ruler.before('text_join', 'notepress_headings', (state: { env: unknown; tokens: unknown[] }) => {
    const env = state.env as { bodyLine: number; headings?: Heading[] };
    env.headings = headingsOf(state.tokens as unknown as Token[], (l) => env.bodyLine + l);
  });
  return (parser = m);
}

/** The links and headings of a note body whose first line is file line `bodyLine`. */
export function readLinks(body: string, bodyLine: number): NoteLinks {
  const env: { bodyLine: number; headings?: Heading[] } = { bodyLine };
  const m = md();
  const tokens = m.parse(body, env) as unknown as Token[];
  const lines = body.split('\n');
  const links: NoteLink[] = [];
  const at = (line: number, col: number, endLine: number, endCol: number) => ({ line: bodyLine + line, column: col + 1, endLine: bodyLine + endLine, endColumn: endCol + 1 });
  // Table cells share a line: each cell is looked for after the previous one.
  const cursor = new Map<number, number>();
  let rowLine = 0;
  for (const t of tokens) {
    if (t.map) rowLine = t.map[0];
    if (t.type === 'reference_definition') {
      const d = referenceDestination(m, lines, t.map![0]);
      if (d) links.push({ form: 'reference', href: d.href, ...at(d.line, d.start, d.line, d.end) });
    } else if (t.type === 'html_block') {
      const place = placeLines(lines, t.map![0], t.content);
      for (const a of anchorsIn(t.content)) {
        const [l0, c0] = place(a.start);
        const [l1, c1] = place(a.end);
        links.push({ form: 'html', href: a.href, ...at(l0, c0, l1, c1) });
      }
    } else if (t.type === 'inline' && t.children) {
      // A table cell's inline token has no lines of its own: its row's.
      const place = placeLines(lines, t.map?.[0] ?? rowLine, t.content, t.map ? undefined : cursor);
      let mdFrom = 0;
      let htmlFrom = 0;
      for (const c of t.children as Token[]) {
        let range: [number, number] | undefined;
        let link: Omit<NoteLink, 'line' | 'column' | 'endLine' | 'endColumn'> | undefined;
        if (c.type === 'link_open' && c.markup !== 'linkify' && c.markup !== 'autolink') {
          const found = inlineDestination(m, t.content, c.attrGet('href') ?? '', mdFrom);
          // Not found after `](`: a reference link, whose definition is read as one.
          if (!found) continue;
          mdFrom = found.end;
          range = [found.start, found.end];
          link = { form: 'markdown', href: found.href };
        } else if (c.type === 'wikilink') {
          const w = c.meta as WikilinkMeta;
          const start = w.target ? w.targetOffset : t.content.indexOf('#', w.offset) + 1;
          range = [start, w.target ? start + w.targetLength : start + (w.heading?.length ?? 0)];
          const { offset: _o, length: _l, ...wiki } = w;
          link = { form: 'wiki', href: w.target, wiki };
        } else if (c.type === 'html_inline' && /^<a\s/i.test(c.content)) {
          const offset = t.content.indexOf(c.content, htmlFrom);
          if (offset < 0) continue;
          htmlFrom = offset + c.content.length;
          const a = anchorsIn(c.content)[0];
          if (!a) continue;
          range = [offset + a.start, offset + a.end];
          link = { form: 'html', href: a.href };
        }
        if (!range || !link) continue;
        const [l0, c0] = place(range[0]);
        const [l1, c1] = place(range[1]);
        links.push({ ...link, ...at(l0, c0, l1, c1) });
      }
    }
  }
  return { links, headings: env.headings ?? [] };
}

/**
 * Maps offsets in a block's text (its lines without indentation, list or quote markers)
 * to 0-based body lines and columns: each line of the text ends its source line, except
 * where markdown-it cut the end off (a heading's closing `#`s). Table cells share their
 * row's line, and are looked for from where the previous cell ended (`cursor`).
 */
function placeLines(lines: readonly string[], first: number, content: string, cursor?: Map<number, number>): (offset: number) => [number, number] {
  const parts = content.split('\n');
  const starts: number[] = [];
  for (let i = 0, off = 0; i < parts.length; off += parts[i].length + 1, i++) starts.push(off);
  const col = new Map<number, number>();
  const startOf = (i: number): number => {
    let c = col.get(i);
    if (c !== undefined) return c;
    const src = lines[first + i] ?? '';
    const text = parts[i].trimEnd();
    if (!cursor && text && src.trimEnd().endsWith(text)) c = src.trimEnd().length - text.length;
    else {
      const found = src.indexOf(text, cursor?.get(first + i) ?? 0);
      c = found >= 0 ? found : 0;
      cursor?.set(first + i, c + text.length);
    }
    col.set(i, c);
    return c;
  };
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    return [first + i, startOf(i) + offset - starts[i]];
  };
}

/** The next `](destination` after `from` in an inline text whose normalised URL is `href`. */
function inlineDestination(m: Md, src: string, href: string, from: number): { href: string; start: number; end: number } | undefined {
  for (let i = src.indexOf('](', from); i >= 0; i = src.indexOf('](', i + 1)) {
    let p = i + 2;
    while (p < src.length && /\s/.test(src[p])) p++;
    const d = m.helpers.parseLinkDestination(src, p, src.length);
    if (d.ok && m.normalizeLink(d.str) === href) return angled(src, p, d.pos, d.str);
  }
  return undefined;
}

/** A destination's range without its `<>`, if written in them. */
function angled(src: string, start: number, end: number, href: string) {
  return src[start] === '<' ? { href, start: start + 1, end: end - 1 } : { href, start, end };
}

/** The destination of a reference definition starting on body line `line`: `[label]: destination`. */
function referenceDestination(m: Md, lines: readonly string[], line: number): { href: string; line: number; start: number; end: number } | undefined {
  for (let l = line, seen = false; l < lines.length && l < line + 3; l++) {
    const text = lines[l];
    let p = 0;
    if (!seen) {
      const colon = /\]:/.exec(text);
      if (!colon) continue;
      seen = true;
      p = colon.index + 2;
    }
    while (p < text.length && /\s/.test(text[p])) p++;
    if (p >= text.length) continue;
    const d = m.helpers.parseLinkDestination(text, p, text.length);
    return d.ok ? { ...angled(text, p, d.pos, d.str), line: l } : undefined;
  }
  return undefined;
}

/** `<a href>` values in a piece of HTML, decoded, with the value's offsets. */
function anchorsIn(html: string): { href: string; start: number; end: number }[] {
  const out: { href: string; start: number; end: number }[] = [];
  let tag = '';
  const p = new Parser({
    onopentagname: (name) => { tag = name; },
    onattribute: (name, value, quote) => {
      if (tag !== 'a' || name !== 'href') return;
      const raw = html.slice(p.startIndex, p.endIndex);
      let v = raw.indexOf('=') + 1;
      while (/\s/.test(raw[v] ?? '')) v++;
      const quoted = quote === '"' || quote === "'";
      out.push({ href: value.trim(), start: p.startIndex + v + (quoted ? 1 : 0), end: p.startIndex + raw.length - (quoted ? 1 : 0) });
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  p.write(html);
  p.end();
  return out;
}
