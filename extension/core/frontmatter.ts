/**
 * Splits a markdown file into its YAML frontmatter and body, and parses the YAML
 * with the `yaml` package's Document API. Documents keep comments, quoting and key
 * order, and every node knows its source range, so problems point at exact places
 * and edits change only the bytes they are about.
 */
import { Document, isMap, isScalar, LineCounter, parseDocument, Scalar, stringify } from 'yaml';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { Problem, ProblemCode } from './problems';

export interface Frontmatter {
  /** The parsed YAML, or undefined where the file has no frontmatter block. */
  readonly doc: Document | undefined;
  readonly lineCounter: LineCounter;
  /** 1-based file line of the first YAML line (the one after the opening `---`). */
  readonly firstLine: number;
  /** Offsets of the YAML text within the file. */
  readonly start: number;
  readonly end: number;
  /** 1-based file line of the closing `---`, or undefined when it is missing. */
  readonly closingLine: number | undefined;
}

export interface SplitFile {
  readonly frontmatter: Frontmatter | undefined;
  /** The markdown after the frontmatter. */
  readonly body: string;
  /** Offset of the body in the file, and its 1-based first line. */
  readonly bodyOffset: number;
  readonly bodyLine: number;
  /** Problems found while splitting and parsing YAML; field checks come later. */
  readonly problems: Problem[];
}

// Only `---` opens and closes frontmatter: YAML also allows `...` to end a document, but
// VitePress's reader does not, and a file the site cannot build must not pass the editor.
const FENCE = /^---[ \t]*$/;
const DOTS = /^\.\.\.[ \t]*$/;

/** Splits and parses a file. Never throws: every defect becomes a problem. */
export function splitFile(file: string, text: string): SplitFile {
  const problems: Problem[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEol = lineEnd(text, bom);
  if (!FENCE.test(text.slice(bom, firstEol.end).replace(/\r?\n$/, ''))) {
    return { frontmatter: undefined, body: text.slice(bom), bodyOffset: bom, bodyLine: 1, problems };
  }
  // Find the closing fence line by line, counting lines as we go.
  let offset = firstEol.next;
  let line = 2;
  let closingLine: number | undefined;
  let closeStart = text.length;
  let bodyOffset = text.length;
  let dotsLine: number | undefined;
  while (offset < text.length) {
    const eol = lineEnd(text, offset);
    if (dotsLine === undefined && DOTS.test(text.slice(offset, eol.end))) dotsLine = line;
    if (FENCE.test(text.slice(offset, eol.end))) {
      closingLine = line;
      closeStart = offset;
      bodyOffset = eol.next;
      break;
    }
    offset = eol.next;
    line++;
  }
  const lineCounter = new LineCounter();
  if (closingLine === undefined) {
    // Without a closing fence nothing can be trusted to be YAML, and parsing the
    // whole body as YAML would bury the one real problem under dozens of false ones.
    problems.push(dotsLine !== undefined
      ? problemAt(file, dotsLine, 1, dotsLine, 4, ProblemCode.FrontmatterUnclosed,
        'frontmatter must end with `---`, not `...`: the site cannot read `...` as its end', 'error', undefined, '---')
      : problemAt(file, 1, 1, 1, 4, ProblemCode.FrontmatterUnclosed,
        'frontmatter opened with `---` on line 1 is never closed: add a line `---` after the last field'));
    const fm: Frontmatter = { doc: undefined, lineCounter, firstLine: 2, start: firstEol.next, end: text.length, closingLine };
    return { frontmatter: fm, body: '', bodyOffset: text.length, bodyLine: line, problems };
  }
  const yamlText = text.slice(firstEol.next, closeStart);
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const fm: Frontmatter = { doc, lineCounter, firstLine: 2, start: firstEol.next, end: closeStart, closingLine };
  for (const err of [...doc.errors, ...doc.warnings]) {
    let [a, b] = err.pos;
    if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
      // The parser notices a missing quote where the text ends; the mistake is where it opened.
      const open = openingQuote(yamlText, a);
      if (open !== undefined) [a, b] = [open, open + 1];
    }
    const s = lineCounter.linePos(a);
    const e = lineCounter.linePos(Math.max(b, a + 1));
    let message = `invalid YAML: ${firstSentence(err.message)}`;
    if (err.code === 'DUPLICATE_KEY') {
      // The parser says only that keys must be unique; say which, and where it was first set.
      const key = /^([^:\n]*?)\s*:/.exec(yamlText.slice(a))?.[1].trim() ?? yamlText.slice(a, b);
      const first = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm').exec(yamlText);
      const firstLine = first && first.index < a ? lineCounter.linePos(first.index).line + 1 : undefined;
      message = `\`${key}\` is set twice${firstLine ? ` (first on line ${firstLine})` : ''}: keep one`;
    }
    problems.push(problemAt(file, s.line + 1, s.col, e.line + 1, e.col, ProblemCode.YamlSyntax,
      message, err.name === 'YAMLWarning' ? 'warning' : 'error'));
  }
  if (doc.errors.length === 0 && doc.contents !== null && !isMap(doc.contents)) {
    problems.push(problemAt(file, 2, 1, 2, 1, ProblemCode.FrontmatterNotMap,
      'frontmatter must be a map of `field: value` lines'));
  }
  return { frontmatter: fm, body: text.slice(bodyOffset), bodyOffset, bodyLine: closingLine + 1, problems };
}

function lineEnd(text: string, from: number): { end: number; next: number } {
  const nl = text.indexOf('\n', from);
  if (nl < 0) return { end: text.length, next: text.length };
  return { end: nl > from && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1 };
}

/** Offset of the last value that opens a quote it never closes on its own line, before `limit`. */
export function openingQuote(yaml: string, limit: number): number | undefined {
  let found: number | undefined;
  let offset = 0;
  for (const line of yaml.split('\n')) {
    if (offset > limit) break;
    const m = /^(\s*(?:-\s+)?[^#'"]*?:\s+|\s*-\s+)(["'])/.exec(line);
    if (m) {
      const rest = line.slice(m[1].length + 1);
      const closed = m[2] === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'");
      if (!closed) found = offset + m[1].length;
    }
    offset += line.length + 1;
  }
  return found;
}

function firstSentence(message: string): string {
  // The yaml package appends a source excerpt after the first line; the location is ours to give.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

export function problemAt(
  file: string, line: number, column: number, endLine: number, endColumn: number,
  code: ProblemCode, message: string, severity: 'error' | 'warning' = 'error', field?: string, replacement?: string,
): Problem {
  return { file, line, column, endLine, endColumn, code, message, severity, ...(field ? { field } : {}), ...(replacement !== undefined ? { replacement } : {}) };
}

/** The 1-based file range of a YAML node or source range in a frontmatter. */
export function rangeOf(fm: Frontmatter, range: readonly [number, number, number?] | null | undefined) {
  if (!range) return { line: fm.firstLine, column: 1, endLine: fm.firstLine, endColumn: 1 };
  const s = fm.lineCounter.linePos(range[0]);
  const e = fm.lineCounter.linePos(Math.max(range[1], range[0]));
  return { line: s.line + fm.firstLine - 1, column: s.col, endLine: e.line + fm.firstLine - 1, endColumn: e.col };
}

/** The frontmatter as plain JavaScript values (empty where it is missing or broken). */
export function frontmatterData(split: SplitFile): Record<string, unknown> {
  const doc = split.frontmatter?.doc;
  if (!doc || !isMap(doc.contents)) return {};
  try {
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A text edit in file offsets. */
export interface TextEdit { readonly start: number; readonly end: number; readonly text: string }

/**
 * Sets one top-level field by rewriting only its value (or adding one line before
 * the closing fence), so comments, quoting and order elsewhere stay byte for byte.
 * Returns undefined when the frontmatter is missing, unclosed or not a map.
 */
export function setFieldEdit(text: string, field: string, value: string | number | boolean): TextEdit | undefined {
  const split = splitFile('', text);
  const fm = split.frontmatter;
  if (!fm || !fm.doc || fm.closingLine === undefined || !isMap(fm.doc.contents)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = fm.doc.contents.items.find((p) => isScalar(p.key) && p.key.value === field);
  const node = pair?.value;
  if (pair && isScalar(node) && node.range) {
    const rendered = renderScalar(value, node.type);
    return { start: fm.start + node.range[0], end: fm.start + node.range[1], text: rendered };
  }
  if (pair) return undefined; // a map or list there: not ours to flatten
  const line = `${field}: ${renderScalar(value)}${eol}`;
  return { start: fm.end, end: fm.end, text: line };
}

function renderScalar(value: string | number | boolean, like?: Scalar.Type | null): string {
  if (typeof value !== 'string') return String(value);
  const keep = like === 'QUOTE_DOUBLE' || like === 'QUOTE_SINGLE' ? like : undefined;
  const out = stringify(value, { defaultStringType: keep ?? 'PLAIN', lineWidth: 0 }).replace(/\n$/, '');
  return out;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/**
 * Renames a top-level field, keeping its value and everything else byte for byte; with
 * `value`, the value is rewritten too (a blog's date-time made a date). Undefined when
 * the field is not there or the frontmatter cannot be read.
 */
export function renameFieldEdits(text: string, from: string, to: string, value?: string): TextEdit[] | undefined {
  const split = splitFile('', text);
  const fm = split.frontmatter;
  if (!fm?.doc || !isMap(fm.doc.contents)) return undefined;
  const pair = fm.doc.contents.items.find((p) => isScalar(p.key) && p.key.value === from);
  const key = pair?.key as Scalar | undefined;
  if (!pair || !key?.range) return undefined;
  const edits: TextEdit[] = [{ start: fm.start + key.range[0], end: fm.start + key.range[1], text: to }];
  const node = pair.value;
  if (value !== undefined && isScalar(node) && node.range) edits.push({ start: fm.start + node.range[0], end: fm.start + node.range[1], text: renderScalar(value) });
  return edits;
}

/** The frontmatter's values and the body, without the problems: what lists need of a file. */
export interface QuickRead {
  readonly data: Record<string, unknown>;
  readonly body: string;
  readonly bodyLine: number;
}

// Anchors, aliases, tags, merge keys and flow maps (js-yaml names a map key "[object Object]") go the careful way.
const NOT_PLAIN = /[&*!{]|<</;

/**
 * The frontmatter's values and the body, read fast: js-yaml (YAML 1.2's core schema,
 * as the `yaml` package reads by default) is about five times quicker than the Document
 * API, which `splitFile` keeps for problems and their exact places. Anything js-yaml
 * refuses, or that is not plain, is read by `splitFile`, so both always agree on what
 * a file holds (a differential test checks it).
 */
export function quickRead(text: string): QuickRead {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEol = lineEnd(text, bom);
  if (!FENCE.test(text.slice(bom, firstEol.end))) return { data: {}, body: text.slice(bom), bodyLine: 1 };
  let offset = firstEol.next;
  let line = 2;
  while (offset < text.length) {
    const eol = lineEnd(text, offset);
    if (FENCE.test(text.slice(offset, eol.end))) {
      const yaml = text.slice(firstEol.next, offset);
      if (!NOT_PLAIN.test(yaml)) {
        try {
          const data = loadYaml(yaml, { schema: CORE_SCHEMA });
          const map = data === undefined || data === null ? {} : data;
          if (typeof map === 'object' && !Array.isArray(map)) return { data: map as Record<string, unknown>, body: text.slice(eol.next), bodyLine: line + 1 };
        } catch {
          // A syntax error or a key set twice: the careful reader below says what.
        }
      }
      break;
    }
    offset = eol.next;
    line++;
  }
  const split = splitFile('', text);
  return { data: frontmatterData(split), body: split.body, bodyLine: split.bodyLine };
}
