/**
 * What a post's body holds that Notepress cannot render: MDX imports, exports,
 * components and expressions, Hugo shortcodes, Liquid tags and output. They are left
 * in the body, where they show as text, and each is reported where it stands.
 * Code (fenced and indented blocks, inline code spans) is literal text and never
 * reported: markdown-it, the notebook's own parser, says which lines are code.
 */
import MarkdownIt from 'markdown-it';

/** Which syntaxes a body may hold: MDX in `.mdx` files, shortcodes in Hugo, Liquid in Jekyll. */
export interface Dialect {
  readonly mdx: boolean;
  readonly hugo: boolean;
  readonly liquid: boolean;
  /**
   * MDX `{expressions}` and Liquid `{{ output }}`: reported when importing (default),
   * left alone in a notebook's own notes, where braces are ordinary text.
   */
  readonly expressions?: boolean;
}

export interface BodyFinding {
  /** 0-based line within the body. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

/** Every construct of the dialect outside code, in the order they appear. */
export function untranslatable(body: string, dialect: Dialect): BodyFinding[] {
  if (!dialect.mdx && !dialect.hugo && !dialect.liquid) return [];
  let text = proseOnly(body);
  const found: { at: number; message: string }[] = [];
  const report = (at: number, message: string) => found.push({ at, message });
  // Each scanner blanks what it reported, so a later one does not report it again.
  const scan = (re: RegExp, each: (m: RegExpExecArray) => string | undefined, end?: (m: RegExpExecArray) => number) => {
    for (const m of [...text.matchAll(re)]) {
      if (text[m.index] !== m[0][0]) continue; // inside something already reported
      const message = each(m);
      if (message === undefined) continue;
      report(m.index, message);
      text = blank(text, m.index, end ? end(m) : m.index + m[0].length);
    }
  };
  if (dialect.liquid) {
    scan(/\{%-?\s*(raw|comment)\s*-?%\}[\s\S]*?(?:\{%-?\s*end\1\s*-?%\}|$)/g, (m) => m[1] === 'raw'
      ? 'Liquid `{% raw %}` is kept as text: remove it and its `{% endraw %}` (Notepress shows `{{` and `{%` as written)'
      : 'Liquid `{% comment %}` is kept as text, with what it hid: use `<!-- -->` or remove it');
    scan(/\{%-?\s*(\w+)[^%]*?-?%\}/g, (m) => /^(end\w*|else|elsif|when)$/.test(m[1]) ? undefined
      : `Liquid tag \`${snippet(m[0])}\` is kept as text: ${LIQUID_ADVICE[m[1]] ?? 'replace it with markdown or remove it'}`);
    if (dialect.expressions !== false) scan(/\{\{[\s\S]*?\}\}/g, (m) => `Liquid output \`${snippet(m[0])}\` is kept as text: write the value itself`);
  }
  if (dialect.hugo) {
    scan(/\{\{([<%])\s*(\/\*)?\s*(\/)?\s*([\w./-]*)[\s\S]*?[>%]\}\}/g, (m) => m[3] ? undefined
      : `Hugo shortcode \`${snippet(m[0])}\` is kept as text: ${m[2] ? 'it is an escaped shortcode; remove the `/*` and `*/`' : HUGO_ADVICE[m[4]] ?? 'replace it with markdown or HTML'}`);
  }
  if (dialect.mdx) {
    scan(/^(import|export)\b[^\n]*/gm, (m) => `MDX \`${m[1]}\` is kept as text: ${m[1] === 'import' ? 'notes cannot import components; remove the line' : 'notes cannot export values; remove it'}`);
    scan(/<([A-Z][\w]*(?:\.[\w]+)*)(?=[\s/>])/g, (m) => `MDX component \`<${m[1]}>\` is not converted: replace it with markdown or HTML`, (m) => tagEnd(text, m.index));
    if (dialect.expressions !== false) scan(/\{/g, (m) => /^\{\s*\/\*/.test(text.slice(m.index))
      ? 'MDX comment `{/* */}` is kept as text: use `<!-- -->`'
      : `MDX expression \`${snippet(text.slice(m.index, braceEnd(text, m.index)))}\` is kept as text: write its value`, (m) => braceEnd(text, m.index));
  }
  const starts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  return found.sort((a, b) => a.at - b.at).map(({ at, message }) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= at) line++;
    return { line, column: at - starts[line] + 1, message };
  });
}

const LIQUID_ADVICE: Record<string, string> = {
  highlight: 'use a fenced code block (```lang) instead',
  include: 'paste the text of the included file',
  link: 'write a link to the note',
  post_url: 'write a link to the note',
  assign: 'remove it',
};

const HUGO_ADVICE: Record<string, string> = {
  figure: 'write a markdown image, `![alt](src)`',
  highlight: 'use a fenced code block (```lang) instead',
  ref: 'write a link to the note',
  relref: 'write a link to the note',
  youtube: 'write a link to the video',
  vimeo: 'write a link to the video',
  gist: 'write a link to the gist',
  details: 'use HTML `<details><summary>`',
};

/** The body with code blanked out, same length and line breaks, so offsets still point into the body. */
function proseOnly(body: string): string {
  parser ??= new MarkdownIt({ html: true });
  const lines = body.split('\n');
  for (const t of parser.parse(body, {})) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) {
      for (let i = t.map[0]; i < t.map[1] && i < lines.length; i++) lines[i] = ' '.repeat(lines[i].length);
    }
  }
  let text = lines.join('\n');
  // Code spans: a run of backticks up to the next run of the same length, within a paragraph.
  for (let i = 0; i < text.length; ) {
    const run = /`+/g;
    run.lastIndex = i;
    const open = run.exec(text);
    if (!open) break;
    let close: RegExpExecArray | null = null;
    for (let m = run.exec(text); m; m = run.exec(text)) if (m[0].length === open[0].length) { close = m; break; }
    const end = close ? close.index + close[0].length : -1;
    if (close && !/\n[ \t]*\n/.test(text.slice(open.index, end))) {
      text = blank(text, open.index, end);
      i = end;
    } else i = open.index + open[0].length;
  }
  return text;
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
}

/** End of a JSX tag starting at `from`: the `>` outside quotes and braces. */
function tagEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close;
    } else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

function braceEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

function snippet(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
