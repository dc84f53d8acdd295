/**
 * What another blog's engine would have run and Notepress shows as text: an MDX
 * `import`/`export` line or component, a Hugo shortcode, a Liquid tag. Imported notes
 * keep them (nothing is dropped silently); each stays a warning at its place until it
 * is rewritten. Code is literal text and never reported.
 */
import { Problem, ProblemCode } from './problems';
import { untranslatable } from './import/body';

// Cheap first look, so that ordinary notes never pay for a markdown parse here.
const SUSPECT = /^(?:import|export)\s|\{\{[<%]|\{%|<[A-Z][\w.]*[\s/>]/m;

export function foreignSyntaxProblems(file: string, body: string, bodyLine: number): Problem[] {
  if (!SUSPECT.test(body)) return [];
  return untranslatable(body, { mdx: true, hugo: true, liquid: true, expressions: false }).map((f) => ({
    file, line: bodyLine + f.line, column: f.column, endLine: bodyLine + f.line, endColumn: f.column + 1,
    code: ProblemCode.Unsupported, severity: 'warning' as const, message: f.message,
  }));
}
