/**
 * Math, typeset when the page is built: KaTeX's MathML output, which Chromium and the
 * other engines draw natively (MathML Core), with no stylesheet, font or script sent to
 * readers, and no `style` attribute (KaTeX's HTML output needs 139 of them for eleven
 * formulas, and its CSS and fonts; Temml's MathML puts `style` on matrix cells and
 * colours). The TeX stays in `<annotation encoding="application/x-tex">`, so screen
 * readers and copy-paste can reach it.
 *
 * KaTeX is loaded by engines.ts, on demand.
 */
import type Katex from 'katex';
import { Problem, ProblemCode } from '../problems';
import { BoundedCache } from './cache';
import { blockEngines } from './engines';

/**
 * Everything typeset math may contain, for the page sanitizer's configuration: MathML
 * Core elements, and the attributes of each (`*`: on every element). KaTeX emits no
 * other element for the TeX it accepts here.
 */
export const MATHML_ALLOWLIST = {
  elements: [
    'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt',
    'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose',
  ],
  attributes: {
    '*': ['mathvariant', 'mathcolor', 'mathbackground', 'displaystyle', 'scriptlevel'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    mo: ['fence', 'separator', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'lspace', 'rspace', 'minsize', 'maxsize', 'accent'],
    mfrac: ['linethickness'],
    mover: ['accent'],
    munder: ['accentunder'],
    munderover: ['accent', 'accentunder'],
    mspace: ['width', 'height', 'depth'],
    mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
    menclose: ['notation'],
  },
  values: { annotation: { encoding: ['application/x-tex'] }, math: { display: ['block', 'inline'] } },
} as const;

/** A formula typeset, or why not: the message and the 0-based offset in the TeX where known. */
export type Typeset = { readonly mathml: string } | { readonly error: string; readonly offset?: number };

const typeset = new BoundedCache<Typeset>(512);

/** Typesets TeX as MathML; undefined while KaTeX is not loaded (see engines.ts). Kept while the TeX is unchanged. */
export function typesetMath(tex: string, display: boolean): Typeset | undefined {
  const katex = blockEngines()?.katex;
  return katex && typeset.get(`${display ? 'D' : 'I'}${tex}`, () => run(katex, tex, display));
}

function run(katex: typeof Katex, tex: string, display: boolean): Typeset {
  if (!tex.trim()) return { error: 'the formula is empty' };
  const refused: string[] = [];
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode: display, output: 'mathml', throwOnError: true, strict: 'ignore',
      // A note's math may not link, load or style anything: KaTeX asks before each such command.
      trust: (ctx: { command: string }) => (refused.push(ctx.command), false),
    });
  } catch (err) {
    const e = err as { rawMessage?: string; message: string; position?: number };
    const message = (e.rawMessage ?? e.message).replace(/^KaTeX parse error: /, '');
    return { error: `TeX error: ${message}`, ...(typeof e.position === 'number' ? { offset: e.position } : {}) };
  }
  if (refused.length) {
    const command = refused[0];
    return { error: `\`${command}\` is not allowed in a note's math: it would link, load or style the page`, offset: Math.max(0, tex.indexOf(command)) };
  }
  // KaTeX wraps the <math> in spans for its HTML output's CSS; the MathML needs none.
  // Table spacing attributes are not MathML Core (browsers ignore them), and Vue's
  // compiler would move a page holding them from static HTML into JavaScript.
  const mathml = html.slice(html.indexOf('<math'), html.lastIndexOf('</math>') + 7).replace(/ (columnalign|rowspacing|columnspacing|rowlines|columnlines|frame|framespacing)="[^"]*"/g, '');
  return { mathml };
}

/** Where a formula's TeX starts in its file (1-based), for problems. */
export interface MathPlace { readonly file: string; readonly line: number; readonly column: number }

/** The problem of a formula, if it has one, at the line and column of the error when KaTeX names one. */
export function mathProblem(tex: string, display: boolean, at: MathPlace): Problem | undefined {
  const r = typesetMath(tex, display);
  if (!r || !('error' in r)) return undefined;
  const before = tex.slice(0, r.offset ?? 0).split('\n');
  const line = at.line + before.length - 1;
  const column = before.length === 1 ? at.column + before[0].length : before[before.length - 1].length + 1;
  return { file: at.file, line, column, endLine: line, endColumn: column + 1, code: ProblemCode.Math, severity: 'error', message: r.error };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML of a formula: within text, the bare `<math>` (`display="block"` for `$$…$$`);
 * as a block of its own, a `<div>` holding it. A formula with an error shows the error and
 * its TeX in its place, so the page still renders.
 */
export function mathHtml(tex: string, display: boolean, o: { block?: boolean; line?: number; attrs?: string } = {}): string {
  const r = typesetMath(tex, display);
  if (!r) throw new Error('Notepress: math rendered before loadBlockEngines() resolved');
  if ('mathml' in r) return o.block ? `<div class="np-math"${o.attrs ?? ''}>${r.mathml}</div>` : r.mathml;
  const where = o.line === undefined ? '' : `line ${o.line}: `;
  const tag = o.block ? 'div' : 'span';
  return `<${tag} class="np-math-error"${o.attrs ?? ''}><strong>${where}${esc(r.error)}</strong> <code>${esc(tex)}</code></${tag}>`;
}
