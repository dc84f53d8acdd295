/**
 * The importer's contract: what it reads (a source tree), what it is told about the
 * notebook it writes into (the target), and what it decides (the plan). Everything
 * here is data; the disk is touched only by `disk.ts`.
 */
import type { Problem } from '../problems';

/** The site generators the importer recognises; `folder` is any folder of markdown. */
export type Layout = 'astro' | 'hugo' | 'jekyll' | 'folder';

/** The blog being imported, as the importer sees it. Never written to. */
export interface SourceTree {
  /** Every file, relative to the blog folder, `/`-separated, sorted. */
  readonly paths: readonly string[];
  /** The file's bytes, or undefined when it cannot be read. */
  read(path: string): Uint8Array | undefined;
  /**
   * The file's modification date, `YYYY-MM-DD` in local time, when known: the last
   * resort for an entry of a dated kind that has no date (Jekyll and Hugo do the same).
   */
  modified?(path: string): string | undefined;
}

/** One kind of entry of the notebook being written into: a row of the notebook's kind table. */
export interface ImportKind {
  readonly id: string;
  /** Folder under the content folder. */
  readonly folder: string;
  /** True when every entry needs a `date` (notes); an entry without one gets the file's. */
  readonly dated: boolean;
  /** The frontmatter fields the kind declares. */
  readonly fields: readonly string[];
  /** The field that names an entry when it is not `title` (`project` for open-source work). */
  readonly titleField?: string;
}

/** What the importer needs to know about the notebook it writes into. */
export interface ImportTarget {
  readonly kinds: readonly ImportKind[];
  /** The text of a file already in the content folder (content-relative path), or undefined. */
  readonly existing: (path: string) => string | undefined;
  /** Collection or section name → kind id; wins over the built-in rule. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Forces a layout instead of detecting it. */
  readonly layout?: Layout;
  /** The notebook's own validation of a file it is about to receive; its problems join the report. */
  readonly validate?: (path: string, text: string) => readonly Problem[];
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * One line of the import report. `side` says which folder `file` is relative to: the
 * imported notebook's (`content`, where the user fixes it) or the blog's (`source`,
 * for files that were not imported).
 */
export interface ReportItem {
  readonly side: 'content' | 'source';
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly severity: Severity;
  readonly message: string;
}

/** A file the import creates, with the source file it comes from. */
export interface PlannedWrite {
  readonly path: string;
  readonly text: string;
  readonly from: string;
  /** The kind's id for an entry; absent for the profile. */
  readonly kind?: string;
}

/** A file copied byte for byte: `from` in the blog, `to` in the content folder. */
export interface PlannedCopy {
  readonly from: string;
  readonly to: string;
}

/** Everything an import will do, decided without touching the disk. */
export interface ImportPlan {
  readonly layout: Layout;
  /** Why the layout was chosen: the files that gave it away. */
  readonly evidence: readonly string[];
  readonly writes: readonly PlannedWrite[];
  readonly copies: readonly PlannedCopy[];
  /** Markdown files of the blog that are not imported, each with the reason. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly report: readonly ReportItem[];
}

/** A mistake in how the import was asked for (a bad mapping, overlapping folders): its message is for the user. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** A source tree held in memory: for tests, and for callers that read files their own way. */
export function memoryTree(files: Readonly<Record<string, string | Uint8Array>>, modified?: Readonly<Record<string, string>>): SourceTree {
  const encoder = new TextEncoder();
  const bytes = new Map(Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? encoder.encode(v) : v]));
  return {
    paths: [...bytes.keys()].sort(),
    read: (p) => bytes.get(p),
    modified: (p) => modified?.[p],
  };
}
