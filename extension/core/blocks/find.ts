/**
 * The diagrams and formulas of a note body, with their file lines, found by markdown-it
 * with the same rules the renderer uses, so a diagram in a list or a `$` in a code span
 * is judged as the page renders it. The only place that finds these blocks: their
 * problems come from here, and the renderer draws what markdown-it gives it.
 */
import { Problem } from '../problems';
import { bodyTokens } from '../tokens';
import { mathProblem } from './math';
import { mermaidProblems } from './mermaid';
import { needsBlockEngines } from './engines';

export interface FoundBlock {
  readonly kind: 'mermaid' | 'math';
  /** The diagram's source or the formula's TeX. */
  readonly source: string;
  readonly display: boolean;
  /** 1-based file line and column where the source starts (for a fence, its lines' indentation + 1). */
  readonly line: number;
  readonly column: number;
}

export { bodyTokens, type Token } from '../tokens';

/** Every diagram and formula in `body`, whose first line is file line `bodyLine`. */
export function findBlocks(body: string, bodyLine: number): FoundBlock[] {
  if (!needsBlockEngines(body)) return [];
  const lines = body.split('\n');
  const out: FoundBlock[] = [];
  for (const t of bodyTokens(body)) {
    const first = t.map?.[0] ?? 0;
    if (t.type === 'fence') {
      const lang = t.info.trim().split(/\s+/)[0];
      if (lang !== 'mermaid' && lang !== 'math') continue;
      const column = lines[first].length - lines[first].trimStart().length + 1;
      out.push({ kind: lang, source: t.content.replace(/\n$/, ''), display: true, line: bodyLine + first + 1, column });
    } else if (t.type === 'math_block') {
      const m = t.meta as { line: number; column: number };
      out.push({ kind: 'math', source: t.content, display: true, line: bodyLine + first + m.line, column: m.column });
    } else if (t.type === 'inline' && t.children) {
      for (const c of t.children) {
        if (c.type !== 'math_inline') continue;
        const m = c.meta as { display: boolean; offset: number };
        // The inline text is the paragraph's lines without their indentation or list and quote markers.
        const before = t.content.slice(0, m.offset).split('\n');
        const at = first + before.length - 1;
        const found = lines[at]?.indexOf(c.content.split('\n')[0], lines[at].length - lines[at].trimStart().length) ?? -1;
        out.push({ kind: 'math', source: c.content, display: m.display, line: bodyLine + at, column: found >= 0 ? found + 1 : before[before.length - 1].length + 1 });
      }
    }
  }
  return out;
}

/**
 * Problems of every diagram and formula in a body. None while their renderers are not
 * loaded: `loadFile` and the site load them first for any note that may need them.
 */
export function blockProblems(file: string, body: string, bodyLine: number): Problem[] {
  const out: Problem[] = [];
  for (const b of findBlocks(body, bodyLine)) {
    if (b.kind === 'mermaid') out.push(...mermaidProblems(file, b.source, b.line, b.column - 1));
    else {
      const p = mathProblem(b.source, b.display, { file, line: b.line, column: b.column });
      if (p) out.push(p);
    }
  }
  return out;
}
