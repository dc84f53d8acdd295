/**
 * One post of the blog read into a YAML document and a body. YAML frontmatter goes
 * through the core's own splitter (so its errors read like every other frontmatter
 * error); Hugo's TOML (`+++`) is parsed with smol-toml and turned into the same
 * kind of document. The body is never touched here.
 */
import { Document, isMap } from 'yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { decodeContent } from '../decode';
import { splitFile } from '../frontmatter';
import type { ReportItem } from './types';

export interface SourcePostText {
  /** The frontmatter as a YAML document whose contents are always a map. */
  readonly doc: Document;
  readonly body: string;
  /** 1-based line of the body's first line in the source file. */
  readonly bodyLine: number;
  /** The source's line ending, kept for the written frontmatter. */
  readonly eol: '\n' | '\r\n';
}

export type ReadResult = { readonly ok: true; readonly post: SourcePostText } | { readonly ok: false; readonly problems: ReportItem[] };

const TOML_FENCE = /^\+\+\+[ \t]*$/;

/** Reads a post's bytes. Never throws: a file that cannot be read as a post gives problems at its source lines. */
export function readPost(path: string, bytes: Uint8Array | undefined): ReadResult {
  const fail = (line: number, column: number, message: string): ReadResult => ({ ok: false, problems: [{ side: 'source', file: path, line, column, severity: 'error', message }] });
  if (!bytes) return fail(1, 1, 'cannot read the file');
  const decoded = decodeContent(bytes);
  if (!decoded.ok) return fail(decoded.line ?? 1, decoded.column ?? 1, decoded.message);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const eol = /^[^\n]*\r\n/.test(text) ? '\r\n' : '\n';
  const nl = text.indexOf('\n');
  const firstLine = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  if (TOML_FENCE.test(firstLine)) return readToml(path, text, eol);
  if (firstLine.trim() === '{') return fail(1, 1, 'JSON frontmatter is not read: convert it to YAML (`---`) or TOML (`+++`) and import again');
  const split = splitFile(path, text);
  const errors = split.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    return { ok: false, problems: errors.map((p) => ({ side: 'source', file: path, line: p.line, column: p.column, severity: 'error', message: p.message })) };
  }
  const parsed = split.frontmatter?.doc;
  const doc = parsed && isMap(parsed.contents) ? parsed : new Document({});
  return { ok: true, post: { doc, body: split.body, bodyLine: split.bodyLine, eol } };
}

function readToml(path: string, text: string, eol: '\n' | '\r\n'): ReadResult {
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && TOML_FENCE.test(l.replace(/\r$/, '')));
  if (close < 0) {
    return { ok: false, problems: [{ side: 'source', file: path, line: 1, column: 1, severity: 'error', message: 'frontmatter opened with `+++` on line 1 is never closed: add a line `+++` after the last field' }] };
  }
  const toml = lines.slice(1, close).join('\n');
  let data: Record<string, unknown>;
  try {
    data = parseToml(toml) as Record<string, unknown>;
  } catch (err) {
    const e = err as TomlError;
    const message = `invalid TOML: ${String(e.message ?? err).split('\n')[0].replace(/^Invalid TOML document: /, '')}`;
    return { ok: false, problems: [{ side: 'source', file: path, line: (e.line ?? 0) + 1, column: e.column ?? 1, severity: 'error', message }] };
  }
  const body = lines.slice(close + 1).join('\n');
  return { ok: true, post: { doc: new Document(plain(data)), body, bodyLine: close + 2, eol } };
}

/** TOML values as YAML can hold them: dates as the text they were written as. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
