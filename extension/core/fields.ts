/**
 * Frontmatter values checked against a table of field specs: presence, type, allowed
 * values. The one validator for entries, the profile and top-level pages.
 */
import { isMap, isScalar, isSeq, Pair, YAMLMap } from 'yaml';
import { isIsoDate } from './dates';
import { FieldSpec } from './kinds';
import { canonicalField } from './import/fields';
import { Problem, ProblemCode } from './problems';
import { Frontmatter, problemAt, rangeOf, SplitFile } from './frontmatter';

/** Checks each declared field's type and presence; unknown fields are kept and not errors. */
export function validateFields(file: string, split: SplitFile, specs: readonly FieldSpec[], extra: (p: Problem) => void): void {
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
          message: pair ? `\`${spec.name}\` is empty: ${lowerFirst(spec.doc)}` : missingMessage(spec, pairs) });
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

/** Names a field another blog would use for it (`pubDate` for `date`), when the file has one. */
function missingMessage(spec: FieldSpec, pairs: ReadonlyMap<string, Pair>): string {
  const alias = [...pairs.keys()].find((k) => k !== spec.name && canonicalField(k) === spec.name);
  return `missing \`${spec.name}\`: ${lowerFirst(spec.doc)}${alias ? ` This file sets \`${alias}\`: rename it to \`${spec.name}\`.` : ''}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function checkType(spec: FieldSpec, node: unknown): { code: ProblemCode; message: string } | undefined {
  const scalar = isScalar(node) ? node.value : undefined;
  const wrong = (expected: string) => ({ code: ProblemCode.WrongType, message: `\`${spec.name}\` must be ${expected}, not ${describe(node)}` });
  const words = (n: unknown) => isSeq(n) && n.items.every((i) => isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number'));
  switch (spec.type) {
    case 'text':
      return typeof scalar === 'string' ? undefined : wrong('text');
    case 'boolean':
      return typeof scalar === 'boolean' ? undefined : wrong('`true` or `false`');
    case 'number':
      return typeof scalar === 'number' && Number.isInteger(scalar) ? undefined : wrong('a whole number');
    case 'enum':
      if (typeof scalar !== 'string' || !spec.values?.includes(scalar)) {
        return { code: ProblemCode.UnknownValue, message: `\`${spec.name}\` must be one of ${spec.values?.map((v) => `\`${v}\``).join(', ')}, not ${describe(node)}` };
      }
      return undefined;
    case 'date':
      if (typeof scalar !== 'string') return { code: ProblemCode.InvalidDate, message: `\`${spec.name}\` must be a date written YYYY-MM-DD, not ${describe(node)}` };
      return isIsoDate(scalar) ? undefined : { code: ProblemCode.InvalidDate, message: `\`${spec.name}\` "${scalar}" is not a real date written YYYY-MM-DD` };
    case 'url':
      if (typeof scalar !== 'string') return wrong('an address (https://...)');
      return /^(https?:\/\/|mailto:)[^\s]+$/i.test(scalar) || /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(scalar)
        ? undefined
        : { code: ProblemCode.InvalidUrl, message: `\`${spec.name}\` "${scalar}" is not a web address` };
    case 'list':
      if (!isSeq(node)) return wrong('a list, e.g. `[rust, networking]`');
      return words(node) ? undefined : wrong('a list of words');
    case 'names':
      return typeof scalar === 'string' || words(node) ? undefined : wrong('a name or a list of names');
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



/** A trimmed, non-empty string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** A real `YYYY-MM-DD` date, or undefined. */
export const isoDate = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);
/** A list of words (numbers read as words), or empty. */
export const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean) : [];
