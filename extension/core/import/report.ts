/**
 * The import report: one line per thing to look at, `file:line:column`, as a
 * terminal prints it and as a markdown file the user opens beside the notebook
 * (its links open the note at the line in VS Code).
 */
import type { ImportPlan, ReportItem } from './types';

/** What applying a plan did on disk. Paths are content-relative. */
export interface ImportResult {
  /** Files created by this run. */
  readonly written: readonly string[];
  /** Files already there with exactly the planned text or bytes: imported by an earlier run. */
  readonly unchanged: readonly string[];
  /** Files already there with other content: kept as they are, and the import of `from` not written. */
  readonly conflicts: readonly { readonly path: string; readonly from: string; readonly reason: string }[];
  /** Files that could not be written, with why (permissions, a read-only disk, ...). */
  readonly failed: readonly { readonly path: string; readonly message: string }[];
  /** Where the report was written, content-relative; undefined when the run changed nothing. */
  readonly reportPath?: string;
}

/** The folders as the user named them, for messages. */
export interface ReportRoots {
  readonly source: string;
  readonly content: string;
}

const LABEL = { astro: 'Astro', hugo: 'Hugo', jekyll: 'Jekyll', folder: 'a folder of markdown' } as const;

/** `content/notes/a.md:12:3: warning: message`, the form compilers print and editors link. */
export function formatReportItem(item: ReportItem, roots: ReportRoots): string {
  const root = item.side === 'content' ? roots.content : roots.source;
  return `${join(root, item.file)}:${item.line}${item.column ? `:${item.column}` : ''}: ${item.severity}: ${item.message}`;
}

/**
 * The report as markdown, for `<content>/.notepress/`. Notebook files are linked
 * relative to that folder; blog files are named by their path in the blog.
 */
export function renderReport(plan: ImportPlan, result: ImportResult, roots: ReportRoots): string {
  const link = (path: string, line?: number, column?: number) =>
    `[${path}${line ? `:${line}` : ''}${line && column ? `:${column}` : ''}](<../${path}${line ? `#L${line}` : ''}>)`;
  const fromBlog = (path: string) => `\`${join(roots.source, path)}\``;
  const notes = plan.writes.filter((w) => w.kind).length;
  const out: string[] = [
    '# Import report',
    '',
    `From ${fromBlog('')} (${LABEL[plan.layout]}${plan.evidence.length ? `: ${plan.evidence.join(', ')}` : ''}) into \`${roots.content}\`.`,
    '',
    `- ${notes} ${notes === 1 ? 'entry' : 'entries'}${plan.writes.length > notes ? ' and the profile' : ''} planned, ${plan.copies.length} files to copy`,
    `- ${result.written.length} written, ${result.unchanged.length} already imported, ${result.conflicts.length} kept because they differ, ${result.failed.length} failed`,
    `- ${plan.skipped.length} markdown files of the blog not imported`,
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', `## ${title}`, '', ...lines);
  };
  section('To check', plan.report.map((r) => {
    const at = r.side === 'content' ? link(r.file, r.line, r.column) : fromBlog(`${r.file}:${r.line}${r.column ? `:${r.column}` : ''}`);
    return `- ${at}: ${r.severity}: ${r.message}`;
  }));
  section('Kept, not overwritten', result.conflicts.map((c) => `- ${link(c.path, 1)}: ${c.reason}; ${fromBlog(c.from)} was not imported. Rename or move one of them and import again.`));
  section('Failed', result.failed.map((f) => `- \`${f.path}\`: ${f.message}`));
  section('Not imported', plan.skipped.map((s) => `- ${fromBlog(`${s.path}:1`)}: ${s.reason}`));
  const done = new Set(result.written);
  section('Written', plan.writes.filter((w) => done.has(w.path)).map((w) => `- ${link(w.path)} from ${fromBlog(w.from)}`));
  section('Copied', plan.copies.filter((c) => done.has(c.to)).map((c) => `- \`${c.to}\` from ${fromBlog(c.from)}`));
  return `${out.join('\n')}\n`;
}

function join(root: string, path: string): string {
  if (!path) return root;
  return root ? `${root.replace(/[\\/]+$/, '')}/${path}` : path;
}
