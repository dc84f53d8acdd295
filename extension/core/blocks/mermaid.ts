/**
 * ```` ```mermaid ```` blocks, drawn as inline SVG when the page is built and in the
 * preview, by `beautiful-mermaid`: pure TypeScript, no DOM and no browser, about 0.1 ms
 * for a sequence diagram and 5–25 ms for a flowchart laid out by ELK (mermaid itself
 * needs a browser, or a simulated DOM that cannot measure text). The SVG is rebuilt
 * inside the safe subset of svg.ts, coloured by the theme, and names itself to screen
 * readers with its source text.
 *
 * beautiful-mermaid reads a diagram line by line and skips lines it does not understand.
 * A skipped line is a mistake or a feature it cannot draw, and either way the published
 * drawing would silently lack it, so each such line is a problem at its line.
 *
 * The package is loaded by engines.ts, on demand.
 */
import { Problem, ProblemCode } from '../problems';
import { BoundedCache } from './cache';
import { blockEngines } from './engines';
import { safeSvg } from './svg';

/** Diagram types, by the word a diagram starts with (the README lists them). */
export const MERMAID_TYPES: Readonly<Record<string, string>> = {
  flowchart: 'Flowchart',
  graph: 'Flowchart',
  sequenceDiagram: 'Sequence diagram',
  stateDiagram: 'State diagram',
  'stateDiagram-v2': 'State diagram',
  classDiagram: 'Class diagram',
  erDiagram: 'Entity relationship diagram',
  'xychart-beta': 'Chart',
};

/** A problem of a diagram, placed within its block: line 0 is the block's first line. */
export interface BlockProblem { readonly line: number; readonly column: number; readonly endColumn: number; readonly message: string }

export interface DrawnDiagram {
  /** The SVG with ids prefixed by `__NPID__`, or undefined when the diagram has problems. */
  readonly svg?: string;
  readonly problems: readonly BlockProblem[];
}

const PLACEHOLDER = '__NPID__';
const DIRECTIONS = /^(TD|TB|LR|BT|RL)$/i;
/** Lines that only style or declare: the renderer reads them, but taking one away may change nothing drawn. */
const NOT_CHECKED = /^(%%|classDef\b|class\b|style\b|linkStyle\b|participant\b|actor\b|[\w-]+$|}$|end$)/;

const drawings = new BoundedCache<DrawnDiagram>(64);

/**
 * Draws a diagram's source (the text between the fences), or says why not. Kept while
 * the source is unchanged. Undefined while the renderer is not loaded (see engines.ts).
 */
export function drawMermaid(source: string): DrawnDiagram | undefined {
  const bm = blockEngines()?.mermaid;
  return bm && drawings.get(source, () => draw(source, bm));
}

function draw(source: string, bm: NonNullable<ReturnType<typeof blockEngines>>['mermaid']): DrawnDiagram {
  // Comment lines are blanked, not removed, so that line numbers stay the source's.
  const lines = source.split('\n').map((l) => (l.trim().startsWith('%%') ? '' : l.replace(/\r$/, '')));
  const at = lines.findIndex((l) => l.trim() !== '');
  if (at < 0) return { problems: [{ line: 0, column: 1, endColumn: 2, message: 'the diagram is empty: start it with its type, e.g. `flowchart LR`' }] };
  const header = lines[at].trim();
  const indent = lines[at].length - lines[at].trimStart().length;
  const [word, ...rest] = header.split(/\s+/);
  const type = Object.keys(MERMAID_TYPES).find((t) => t.toLowerCase() === word.toLowerCase());
  const fail = (message: string, line = at, column = indent + 1, end = indent + header.length + 1): DrawnDiagram => ({ problems: [{ line, column, endColumn: end, message }] });
  if (!type) {
    return fail(`"${word}" is not a diagram type that can be drawn: start with flowchart, sequenceDiagram, stateDiagram-v2, classDiagram, erDiagram or xychart-beta`);
  }
  if (type === 'flowchart' || type === 'graph') {
    if (rest.length > 1 || (rest[0] !== undefined && !DIRECTIONS.test(rest[0]))) return fail(`"${rest.join(' ')}" is not a direction: write TD, TB, LR, BT or RL after \`${word}\``);
    if (rest.length === 0) lines[at] = `${word} TD`;
  }
  const text = lines.join('\n');
  let svg: string;
  try {
    svg = bm.renderMermaidSVG(text, { bg: 'var(--np-bg)', fg: 'var(--np-text)', transparent: true });
  } catch (err) {
    return fail(`the diagram could not be drawn: ${(err as Error).message}`);
  }
  const skipped = skippedLines(lines, at, MERMAID_TYPES[type], (t) => (type === 'sequenceDiagram' ? bm.renderMermaidSVG(t) : graphKey(bm.parseMermaid(t))));
  if (skipped.length) {
    return {
      problems: skipped.map((i) => {
        const l = lines[i];
        const col = l.length - l.trimStart().length + 1;
        return { line: i, column: col, endColumn: l.trimEnd().length + 1, message: `this line is not drawn: the diagram renderer does not understand \`${l.trim()}\`` };
      }),
    };
  }
  const title = MERMAID_TYPES[type];
  return { svg: safeSvg(svg, { id: PLACEHOLDER, title, desc: source.trim(), className: 'np-diagram-svg' }), problems: [] };
}

/**
 * Lines that change nothing when taken away: the renderer skipped them. Checked for
 * flowcharts and state diagrams (on the parsed graph, microseconds a line) and sequence
 * diagrams (on the drawing, well under a millisecond); class, ER and chart diagrams are
 * drawn as read.
 */
function skippedLines(lines: string[], header: number, type: string, key: (text: string) => string): number[] {
  if (type !== 'Flowchart' && type !== 'State diagram' && type !== 'Sequence diagram') return [];
  const whole = key(lines.join('\n'));
  const out: number[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '' || NOT_CHECKED.test(t)) continue;
    let without: string;
    try {
      without = key([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    } catch {
      continue; // taking the line away broke the diagram: the line mattered
    }
    if (without === whole) out.push(i);
  }
  return out;
}

const graphKey = (g: unknown) => JSON.stringify(g, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

/**
 * The HTML of a drawn diagram: a figure holding the SVG, with ids prefixed by `id`
 * (unique in the page), its type as the title and its source as the description.
 */
export function mermaidHtml(svg: string, id: string, attrs = ''): string {
  return `<figure class="np-diagram"${attrs}>${svg.replaceAll(PLACEHOLDER, id)}</figure>`;
}

/**
 * The problems of a diagram whose first line is file line `line`, its lines indented by
 * `indent` columns in the file (a block in a list). None while the renderer is not loaded.
 */
export function mermaidProblems(file: string, source: string, line: number, indent = 0): Problem[] {
  return (drawMermaid(source)?.problems ?? []).map((p) => ({
    file, line: line + p.line, column: p.column + indent, endLine: line + p.line, endColumn: Math.max(p.endColumn, p.column + 1) + indent,
    code: ProblemCode.Diagram, severity: 'error', message: p.message,
  }));
}
