/**
 * The words of a note as search reads them: its prose and its code, split into the
 * sections its headings open, each with the heading's id on the page. Read from
 * markdown-it's tokens (the renderer's own rules), never from rendered HTML, so the
 * site's index costs one parse per note and no highlighting.
 */
import { Parser } from 'htmlparser2';
import { bodyTokens, type Token } from './blocks/find';
import { isDroppedTag } from './allowlist';
import { headingSlug } from './links/headings';

export interface SearchSection {
  /** The heading as the page shows it. */
  readonly heading: string;
  /** The heading's id on the page, unique within it as VitePress makes it (`x`, `x-1`, ...). */
  readonly anchor: string;
  readonly level: number;
  readonly text: string;
  readonly code: string;
}

export interface SearchText {
  /** Prose and code before the first heading. */
  readonly intro: { readonly text: string; readonly code: string };
  readonly sections: readonly SearchSection[];
}

/** Container markers (`::: tip`, `:::`) are layout, not words; a container's own title is kept. */
const CONTAINER = /^:{3,}\s*(?:info|tip|warning|danger|details|code-group|raw|v-pre)?\s*/gm;
/** An explicit heading id, as VitePress's attribute syntax writes it: `## Title {#id .class}`. */
const HEADING_ATTRS = /\s*\{([^{}]*)\}\s*$/;

/** The searchable text of a note's body (frontmatter already removed). */
export function searchText(body: string): SearchText {
  const sections: { heading: string; anchor: string; level: number; text: string[]; code: string[] }[] = [];
  const intro = { text: [] as string[], code: [] as string[] };
  const used = new Set<string>();
  let current: { text: string[]; code: string[] } = intro;
  const tokens = bodyTokens(body);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const code: string[] = [];
      const { heading, anchor } = headingOf(tokens[i + 1]?.children ?? [], code);
      const section = { heading, anchor: unique(anchor, used), level: Number(t.tag.slice(1)), text: [] as string[], code };
      sections.push(section);
      current = section;
      i += 2; // the heading's inline and closing tokens
    } else if (t.type === 'inline') {
      const words = inlineText(t.children ?? [], current.code).replace(CONTAINER, '').trim();
      if (words) current.text.push(words);
    } else if (t.type === 'fence') {
      // A chart's data is looked at, not read (as for reading time).
      if (t.info.trim().split(/\s+/)[0] !== 'chart') current.code.push(t.content.trim());
    } else if (t.type === 'code_block' || t.type === 'math_block') {
      current.code.push(t.content.trim());
    } else if (t.type === 'html_block') {
      const words = htmlText(t.content);
      if (words) current.text.push(words);
    }
  }
  const join = (parts: string[]) => parts.filter(Boolean).join('\n');
  return {
    intro: { text: join(intro.text), code: join(intro.code) },
    sections: sections.map((s) => ({ heading: s.heading, anchor: s.anchor, level: s.level, text: join(s.text), code: join(s.code) })),
  };
}

/**
 * A heading's text and id. The id is made from the text and inline code only, as
 * VitePress's anchor plugin makes it; `{#id}` at the end sets it outright.
 */
function headingOf(children: Token[], code: string[]): { heading: string; anchor: string } {
  const shown = inlineText(children, code);
  const forId = children.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');
  const attrs = HEADING_ATTRS.exec(forId);
  const explicit = attrs ? /(?:^|\s)#([^\s#.]+)/.exec(attrs[1])?.[1] : undefined;
  const heading = attrs ? shown.replace(HEADING_ATTRS, '') : shown;
  return { heading: heading.trim(), anchor: explicit ?? headingSlug(attrs ? forId.replace(HEADING_ATTRS, '') : forId) };
}

function unique(slug: string, used: Set<string>): string {
  let id = slug;
  for (let n = 1; used.has(id); n++) id = `${slug}-${n}`;
  used.add(id);
  return id;
}

/**
 * The words of a paragraph or heading: text, inline code and image descriptions.
 * Raw tags are not words, and what the sanitizer drops with its content (`<script>`,
 * `<svg>`) is not either; inline formulas go to `code`.
 */
function inlineText(children: Token[], code: string[]): string {
  let out = '';
  let dropped = 0;
  for (const c of children) {
    if (c.type === 'html_inline') {
      const m = /^<\s*(\/)?\s*([a-zA-Z][\w-]*)/.exec(c.content);
      if (m && isDroppedTag(m[2]) && !/\/\s*>$/.test(c.content)) dropped = Math.max(0, dropped + (m[1] ? -1 : 1));
      continue;
    }
    if (dropped) continue;
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'image') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += '\n';
    else if (c.type === 'math_inline') code.push(c.content);
  }
  return out.replace(/[ \t]{2,}/g, ' ');
}

/** The text of a raw HTML block, without the elements the sanitizer drops. */
function htmlText(html: string): string {
  let out = '';
  let dropped = 0;
  const parser = new Parser({
    onopentagname: (name) => { if (isDroppedTag(name)) dropped++; },
    onclosetag: (name) => { if (isDroppedTag(name)) dropped = Math.max(0, dropped - 1); },
    ontext: (text) => { if (!dropped) out += text; },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, ' ').trim();
}
