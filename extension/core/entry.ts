/**
 * One content file turned into what the notebook knows of it: an entry of a kind,
 * or the profile. Validation happens here, once, for the extension and the site.
 */
import { isMap, isScalar, isSeq, Pair, YAMLMap } from 'yaml';
import { isIsoDate } from './dates';
import { FieldSpec, fieldsFor, KindId, KindSpec } from './kinds';
import { Problem, ProblemCode } from './problems';
import { Frontmatter, frontmatterData, problemAt, rangeOf, splitFile, SplitFile } from './frontmatter';
import { excerpt, readingStats, ReadingStats } from './reading';
import { slugOf, urlOf } from './slug';
import { chartProblems } from './chart/index';

export interface Entry {
  readonly kind: KindId;
  /** Path relative to the content folder, `/`-separated. */
  readonly path: string;
  readonly slug: string;
  readonly url: string;
  /** The entry's name (its `title`, or `project` for open-source work); the file stem when missing. */
  readonly title: string;
  readonly date?: string;
  readonly updated?: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly category?: string;
  readonly series?: string;
  readonly order?: number;
  readonly draft: boolean;
  /** Every frontmatter field, unknown ones included, as plain values. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly reading: ReadingStats;
  readonly excerpt: string;
  readonly body: string;
  readonly bodyLine: number;
  readonly problems: readonly Problem[];
}

export interface Link { readonly label: string; readonly url: string; readonly description?: string }

export interface Profile {
  readonly path: string;
  readonly name?: string;
  readonly role: string;
  readonly tagline: string;
  readonly url?: string;
  /** The focus card's lines, in the order written. */
  readonly focus: readonly (readonly [string, string])[];
  readonly links: readonly Link[];
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly problems: readonly Problem[];
}

/** Checks each declared field's type and presence; unknown fields are kept and not errors. */
function validateFields(file: string, split: SplitFile, specs: readonly FieldSpec[], extra: (p: Problem) => void): void {
  const fm = split.frontmatter;
  if (!fm) {
    const required = specs.filter((s) => s.required).map((s) => `\`${s.name}\``);
    if (required.length) {
      extra(problemAt(file, 1, 1, 1, 1, ProblemCode.FrontmatterMissing,
        `no frontmatter: start the file with a \`---\` block that sets ${required.join(', ')}`));
    }
    return;
  }
  const doc = fm.doc;
  if (!doc || doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return;
  const map = doc.contents as YAMLMap | null;
  const pairs = new Map<string, Pair>();
  for (const pair of map?.items ?? []) {
    if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair as Pair);
  }
  for (const spec of specs) {
    const pair = pairs.get(spec.name);
    const value = pair?.value;
    const empty = value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''));
    if (!pair || empty) {
      if (spec.required) {
        const at = pair ? rangeOf(fm, (pair.key as { range?: [number, number, number] }).range) : closingRange(fm);
        extra({ ...at, file, field: spec.name, code: ProblemCode.MissingField, severity: 'error',
          message: pair ? `\`${spec.name}\` is empty: ${lowerFirst(spec.doc)}` : `missing \`${spec.name}\`: ${lowerFirst(spec.doc)}` });
      }
      continue;
    }
    const problem = checkType(spec, value);
    if (problem) {
      const at = rangeOf(fm, (value as { range?: [number, number, number] }).range);
      extra({ ...at, file, field: spec.name, severity: 'error', ...problem });
    }
  }
}

function closingRange(fm: Frontmatter) {
  const line = fm.closingLine ?? fm.firstLine;
  return { line, column: 1, endLine: line, endColumn: 4 };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function checkType(spec: FieldSpec, node: unknown): { code: ProblemCode; message: string } | undefined {
  const scalar = isScalar(node) ? node.value : undefined;
  const wrong = (expected: string) => ({ code: ProblemCode.WrongType, message: `\`${spec.name}\` must be ${expected}, not ${describe(node)}` });
  switch (spec.type) {
    case 'string':
      return typeof scalar === 'string' ? undefined : wrong('text');
    case 'boolean':
      return typeof scalar === 'boolean' ? undefined : wrong('`true` or `false`');
    case 'integer':
      return typeof scalar === 'number' && Number.isInteger(scalar) ? undefined : wrong('a whole number');
    case 'date':
      if (typeof scalar !== 'string') return { code: ProblemCode.InvalidDate, message: `\`${spec.name}\` must be a date written YYYY-MM-DD, not ${describe(node)}` };
      return isIsoDate(scalar) ? undefined : { code: ProblemCode.InvalidDate, message: `\`${spec.name}\` "${scalar}" is not a real date written YYYY-MM-DD` };
    case 'url':
      if (typeof scalar !== 'string') return wrong('an address (https://...)');
      return /^(https?:\/\/|mailto:)[^\s]+$/i.test(scalar) || /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(scalar)
        ? undefined
        : { code: ProblemCode.InvalidUrl, message: `\`${spec.name}\` "${scalar}" is not a web address` };
    case 'tags':
      if (!isSeq(node)) return wrong('a list, e.g. `[rust, networking]`');
      return node.items.every((i) => isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number'))
        ? undefined
        : wrong('a list of words');
    case 'focus':
      if (!isMap(node)) return wrong('a map of `key: value` lines');
      return node.items.every((p) => isScalar(p.key) && isScalar(p.value)) ? undefined : wrong('a map of `key: value` lines');
    case 'links':
      if (!isSeq(node)) return wrong('a list of `{ label, url }` maps');
      return node.items.every((i) => isMap(i) && typeof i.get('url') === 'string')
        ? undefined
        : wrong('a list of maps, each with a `url`');
  }
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'empty';
    if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
    return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
  }
  return 'something else';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const isoDate = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean) : [];

/** Parses an entry file of a kind. Never throws. */
export function parseEntry(path: string, text: string, kind: KindSpec): Entry {
  const split = splitFile(path, text);
  const problems = [...split.problems];
  validateFields(path, split, kind.fields, (p) => problems.push(p));
  // Charts with their data inline are checked here; those with a data file need the
  // disk, and are checked where it is read (`referenceProblems`, the extension's diagnostics).
  problems.push(...chartProblems(path, split.body, split.bodyLine));
  const data = frontmatterData(split);
  const order = data.order;
  // Reading time and excerpt are two thirds of a parse and only needed where shown:
  // computed on first use, then kept.
  // The getters close over the body alone, not the parse (which holds the YAML document).
  const body = split.body;
  const bodyLine = split.bodyLine;
  let reading: ReadingStats | undefined;
  let summaryExcerpt: string | undefined;
  return {
    kind: kind.id,
    path,
    slug: slugOf(path),
    url: urlOf(path),
    title: str(data[kind.titleField]) ?? slugOf(path),
    date: isoDate(data.date),
    updated: isoDate(data.updated),
    summary: str(data.summary) ?? '',
    tags: list(data.tags),
    category: str(data.category),
    series: str(data.series),
    order: typeof order === 'number' && Number.isInteger(order) ? order : undefined,
    draft: data.draft === true,
    data,
    get reading() {
      return (reading ??= readingStats(body));
    },
    get excerpt() {
      return (summaryExcerpt ??= excerpt(body));
    },
    body,
    bodyLine,
    problems,
  };
}

/** Parses the profile (`index.md`). Never throws. */
export function parseProfile(path: string, text: string): Profile {
  const split = splitFile(path, text);
  const problems = [...split.problems];
  validateFields(path, split, fieldsFor('profile'), (p) => problems.push(p));
  const data = frontmatterData(split);
  const focus: [string, string][] = [];
  if (data.focus && typeof data.focus === 'object' && !Array.isArray(data.focus)) {
    // Object key order is insertion order for string keys, which is the order written.
    for (const [k, v] of Object.entries(data.focus as Record<string, unknown>)) {
      if (v !== null && typeof v !== 'object') focus.push([k, String(v)]);
      else if (Array.isArray(v)) focus.push([k, v.join(', ')]);
    }
  }
  const links: Link[] = [];
  if (Array.isArray(data.links)) {
    for (const l of data.links) {
      if (l && typeof l === 'object' && typeof (l as Record<string, unknown>).url === 'string') {
        const r = l as Record<string, unknown>;
        links.push({ label: str(r.label) ?? String(r.url).replace(/^https?:\/\//, ''), url: String(r.url), ...(str(r.description) ? { description: str(r.description) } : {}) });
      }
    }
  }
  return {
    path, data, focus, links, problems,
    name: str(data.name), role: str(data.role) ?? '', tagline: str(data.tagline) ?? '', url: str(data.url),
    body: split.body,
  };
}

/** An absolute link for a URL field: `github.com/x` → `https://github.com/x`. */
export function absoluteUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}
