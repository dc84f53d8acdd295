/**
 * Where math is in markdown: `$…$` and `$$…$$` inside text, and `$$` blocks on lines of
 * their own. The rule for `$` is Pandoc's, so that prices stay prose: an opening `$` is
 * not followed by a space, a closing `$` is not preceded by one nor followed by a digit
 * (`$5 and $10` is text), a formula holds no unescaped `$`, and `\$` is a dollar sign. Written here rather than taken from a
 * plugin: `@vscode/markdown-it-katex` accepts `$ x $` and loads KaTeX when installed,
 * and `markdown-it-texmath` renders inside its rules; these rules only find, and
 * markdown.ts renders what they find.
 */

/** A token's `meta` for math: display or inline, and where the TeX starts (0-based line within the token, and column). */
export interface MathMeta { readonly display: boolean; readonly line: number; readonly column: number }

// markdown-it's state types differ between its typings' forms, as in markdown.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Md = { inline: { ruler: { after(a: string, n: string, f: any): void } }; block: { ruler: { after(a: string, n: string, f: any, o?: any): void } } };

const escaped = (src: string, at: number) => {
  let n = 0;
  while (at - 1 - n >= 0 && src[at - 1 - n] === '\\') n++;
  return n % 2 === 1;
};
const SPACE = /\s/;

function inlineMath(state: any, silent: boolean): boolean {
  const src: string = state.src;
  const start: number = state.pos;
  const max: number = state.posMax;
  if (src[start] !== '$') return false;
  const display = src[start + 1] === '$';
  let end = -1;
  if (display) {
    for (let i = src.indexOf('$$', start + 3); i !== -1 && i < max; i = src.indexOf('$$', i + 1)) {
      if (!escaped(src, i)) { end = i; break; }
    }
  } else {
    if (start + 1 >= max || SPACE.test(src[start + 1])) return false;
    // The first unescaped `$` closes the formula or nothing does: in `$5 and $10, $x$`
    // the `$` of `$10` cannot close, so `$5` opens nothing and `$x$` is still math.
    let i = src.indexOf('$', start + 2);
    while (i !== -1 && i < max && escaped(src, i)) i = src.indexOf('$', i + 1);
    if (i !== -1 && i < max && !SPACE.test(src[i - 1]) && !/\d/.test(src[i + 1] ?? '')) end = i;
  }
  if (end < 0) return false;
  const open = display ? 2 : 1;
  if (!silent) {
    const t = state.push('math_inline', 'math', 0);
    t.markup = display ? '$$' : '$';
    t.content = src.slice(start + open, end);
    // Where the TeX starts within the inline text: findBlocks turns it into a file line and column.
    t.meta = { display, offset: start + open };
  }
  state.pos = end + open;
  return true;
}

function blockMath(state: any, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const lineText = (l: number) => state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]).trimEnd();
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  const indent = state.bMarks[startLine] + state.tShift[startLine] - state.bMarks[startLine];
  let content: string;
  let last = startLine;
  let meta: MathMeta;
  if (first.length > 4 && first.endsWith('$$')) {
    content = first.slice(2, -2);
    meta = { display: true, line: 0, column: indent + 3 };
  } else if (first === '$$') {
    const lines: string[] = [];
    for (last = startLine + 1; last < endLine; last++) {
      const t = lineText(last);
      if (t.endsWith('$$') && !escaped(t, t.length - 2)) {
        if (t.length > 2) lines.push(t.slice(0, -2));
        break;
      }
      lines.push(state.src.slice(state.bMarks[last] + state.blkIndent, state.eMarks[last]));
    }
    if (last >= endLine) return false;
    content = lines.join('\n');
    meta = { display: true, line: 1, column: state.blkIndent + 1 };
  } else {
    return false;
  }
  if (silent) return true;
  const t = state.push('math_block', 'math', 0);
  t.block = true;
  t.markup = '$$';
  t.content = content;
  t.map = [startLine, last + 1];
  t.meta = meta;
  state.line = last + 1;
  return true;
}

/** Adds the math rules to a markdown-it instance: tokens `math_inline` and `math_block` with {@link MathMeta}-like `meta`. */
export function mathSyntax(md: Md): void {
  md.inline.ruler.after('escape', 'math_inline', inlineMath);
  md.block.ruler.after('blockquote', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
