/**
 * The import fixtures (`test/fixtures/import/<layout>/`) as the importer sees them,
 * with the modification time pinned: a checkout sets it to the checkout's time.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { formatReportItem, notebookKinds, planImport, validateForNotebook, type ImportPlan, type SourceTree } from '../../extension/core/import';
import { diskTree } from '../../extension/core/node/importDisk';
import { readPost } from '../../extension/core/import/source';

export const FIXTURES = path.join(__dirname, '../fixtures/import');
export const PINNED_MTIME = '2024-03-01';

export function fixtureTree(name: string): SourceTree {
  return { ...diskTree(path.join(FIXTURES, name)), modified: () => PINNED_MTIME };
}

export function planFixture(name: string, existing: (p: string) => string | undefined = () => undefined): ImportPlan {
  return planImport(fixtureTree(name), { kinds: notebookKinds(), existing, validate: validateForNotebook });
}

/** The body of a blog post, after its frontmatter, exactly as in the file. */
export function sourceBody(name: string, file: string): string {
  const read = readPost(file, readFileSync(path.join(FIXTURES, name, file)));
  if (!read.ok) throw new Error(`${file} does not read`);
  return read.post.body;
}

/** A written file's frontmatter block (with its fences) and its body. */
export function parts(text: string): { frontmatter: string; body: string } {
  const close = text.indexOf('\n---\n', 3) + 5;
  return { frontmatter: text.slice(0, close), body: text.slice(close) };
}

export function reportLines(plan: ImportPlan): string[] {
  return plan.report.map((r) => formatReportItem(r, { source: 'blog', content: 'content' }));
}

/** The planned write at a path; fails the test when there is none. */
export function written(plan: ImportPlan, p: string): { frontmatter: string; body: string; from: string } {
  const w = plan.writes.find((x) => x.path === p);
  if (!w) throw new Error(`no write planned for ${p}; planned: ${plan.writes.map((x) => x.path).join(', ')}`);
  return { ...parts(w.text), from: w.from };
}
