/**
 * A note body as markdown-it reads it: the one parse every reader of blocks shares
 * (reading time, excerpts, chart and diagram checks, image references, search), made
 * with the renderer's own options and math rule, so a chart in a blockquote or a list
 * is the chart the page draws, and a fence inside a list is a fence. The last bodies
 * parsed are kept, so the readers of one note pay for one parse.
 */
import MarkdownIt from 'markdown-it';
import { MARKDOWN_OPTIONS } from './markdown';
import { mathSyntax } from './blocks/mathSyntax';

/** The parts of a markdown-it token the core's readers use. */
export type Token = {
  type: string; tag: string; info: string; content: string; level: number;
  map: [number, number] | null; meta: Record<string, unknown> | null; children: Token[] | null;
  attrGet(name: string): string | null;
};

let md: { parse(src: string, env: object): unknown[] } | undefined;
const recent = new Map<string, Token[]>();
const KEEP = 16;

/** A body's markdown-it tokens, parsed with the renderer's block and inline rules (math included). */
export function bodyTokens(body: string): Token[] {
  const kept = recent.get(body);
  if (kept) return kept;
  if (!md) {
    const m = new MarkdownIt(MARKDOWN_OPTIONS);
    mathSyntax(m);
    md = m;
  }
  const tokens = md.parse(body, {}) as Token[];
  if (recent.size >= KEEP) recent.delete(recent.keys().next().value as string);
  recent.set(body, tokens);
  return tokens;
}

/** A fenced or indented code block, wherever it stands (in a list, a quote), with its file line. */
export interface CodeBlock {
  /** The first word of the info string (`rust`, `chart`), or '' for an indented block. */
  readonly lang: string;
  readonly content: string;
  /** 1-based file line of the block's first content line. */
  readonly line: number;
  /**
   * For each content line, the file columns before it: what markdown-it took off as a
   * quote's `> ` or a list item's indentation, so a place in the content is placed in the file.
   */
  readonly prefixes: readonly number[];
}

/** Every code block of a body whose first line is file line `bodyLine`. */
export function codeBlocks(body: string, bodyLine: number): CodeBlock[] {
  let lines: string[] | undefined;
  return bodyTokens(body).filter((t) => t.type === 'fence' || t.type === 'code_block').map((t) => {
    const first = (t.map?.[0] ?? 0) + (t.type === 'fence' ? 1 : 0);
    lines ??= body.split('\n');
    // A content line is its file line with the container's markers taken off the front.
    const prefixes = t.content.split('\n').map((c, i) => Math.max(0, (lines![first + i]?.replace(/\r$/, '').length ?? 0) - c.length));
    return { lang: t.type === 'fence' ? t.info.trim().split(/\s+/)[0] : '', content: t.content, line: bodyLine + first, prefixes };
  });
}

/** The words an inline token shows: text, code spans, link text and image alt text; never addresses or raw HTML. */
export function inlineText(t: Token): string {
  let out = '';
  for (const c of t.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'image') out += inlineText(c);
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
  }
  return out;
}
