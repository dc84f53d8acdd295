/**
 * The starter notebook's fill-in text ("Your name"). Create Notebook and `notepress init`
 * write it; until each is replaced it is a warning in the editor and in the build, so
 * the starter's words are never published unnoticed. One table, read by both.
 */
import { isMap, isScalar, isSeq, Node } from 'yaml';
import { Problem, ProblemCode } from './problems';
import { rangeOf, SplitFile } from './frontmatter';

/** Profile fields and their starter text. */
export const PROFILE_PLACEHOLDERS = {
  name: 'Your name',
  role: 'What you do, in one line',
  tagline: 'One sentence about the work this notebook follows.',
  url: 'https://example.com',
  link: 'https://github.com/your-handle',
} as const;

/** The starter profile's body paragraph. */
export const PROFILE_BODY_PLACEHOLDER = 'A paragraph about you: what you work on, and what this notebook holds. It is the Profile section of the home page.';

const TEXTS: ReadonlySet<string> = new Set([...Object.values(PROFILE_PLACEHOLDERS), PROFILE_BODY_PLACEHOLDER]);

/** Warnings for every starter text still in a file: frontmatter values at any depth, and the body. */
export function placeholderProblems(file: string, split: SplitFile): Problem[] {
  const out: Problem[] = [];
  const fm = split.frontmatter;
  const visit = (node: unknown, field: string) => {
    if (isScalar(node)) {
      if (typeof node.value === 'string' && TEXTS.has(node.value)) {
        out.push({ ...rangeOf(fm!, (node as Node).range), file, field, code: ProblemCode.Placeholder, severity: 'warning',
          message: `\`${field}\` still holds the starter text "${node.value}": write your own before publishing` });
      }
    } else if (isMap(node)) {
      for (const p of node.items) visit(p.value, isScalar(p.key) ? `${field ? `${field}.` : ''}${String(p.key.value)}` : field);
    } else if (isSeq(node)) {
      for (const i of node.items) visit(i, field);
    }
  };
  if (fm?.doc && isMap(fm.doc.contents)) visit(fm.doc.contents, '');
  const at = split.body.indexOf(PROFILE_BODY_PLACEHOLDER);
  if (at >= 0) {
    const line = split.bodyLine + (split.body.slice(0, at).match(/\n/g)?.length ?? 0);
    out.push({ file, line, column: 1, endLine: line, endColumn: PROFILE_BODY_PLACEHOLDER.length + 1, code: ProblemCode.Placeholder, severity: 'warning',
      message: 'the profile still holds the starter paragraph: write a few lines about yourself before publishing' });
  }
  return out;
}
