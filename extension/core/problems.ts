/**
 * A problem found in a content file. Lines and columns are 1-based, as editors
 * and `path:line:column` build errors show them; the extension converts to 0-based.
 */
export interface Problem {
  /** Path of the file relative to the content folder, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The frontmatter field the problem is about, when there is one. */
  readonly field?: string;
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Text that fixes the problem when it replaces the problem's range, where the intent is clear ("did you mean"). */
  readonly replacement?: string;
}

/** Stable codes, so that quick fixes can match the problems they repair. */
export const ProblemCode = {
  YamlSyntax: 'yaml-syntax',
  FrontmatterUnclosed: 'frontmatter-unclosed',
  FrontmatterMissing: 'frontmatter-missing',
  FrontmatterNotMap: 'frontmatter-not-map',
  MissingField: 'missing-field',
  InvalidDate: 'invalid-date',
  WrongType: 'wrong-type',
  InvalidUrl: 'invalid-url',
  Unreadable: 'unreadable',
  Binary: 'binary',
  NotUtf8: 'not-utf8',
  MissingFile: 'missing-file',
  Chart: 'chart',
  Settings: 'settings',
  Unsupported: 'unsupported',
  Placeholder: 'placeholder',
  UnknownValue: 'unknown-value',
  Diagram: 'diagram',
  Math: 'math',
  DeadLink: 'dead-link',
  AmbiguousLink: 'ambiguous-link',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** `path:line:column: message`, the form compilers print and problem matchers read. */
export function formatProblem(p: Problem, prefix = ''): string {
  return `${prefix}${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}
