/**
 * Frontmatter of other blogs in the notebook's field names. The rename table is
 * exported: the importer applies it, and the editor offers the same renames as quick
 * fixes, so both agree on what `pubDate` means.
 */
import { firstHeading } from '../reading';
import { Document, isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import { isIsoDate, repairDate } from '../dates';
import type { SourcePost } from './layout';
import type { ImportKind } from './types';

export interface FieldAlias {
  /** The notebook's field. */
  readonly field: string;
  /** Names other generators use for it, in order of preference when a post has several. */
  readonly aliases: readonly string[];
}

/**
 * Renames from Astro, Hugo, Jekyll and their popular themes (AstroPaper's
 * `pubDatetime`) to the notebook's fields. Names match case-insensitively, as Hugo's do.
 */
export const FIELD_ALIASES: readonly FieldAlias[] = [
  { field: 'date', aliases: ['pubDate', 'publishDate', 'pubDatetime'] },
  { field: 'updated', aliases: ['updatedDate', 'lastmod', 'modified', 'modDatetime'] },
  { field: 'summary', aliases: ['description', 'excerpt'] },
  { field: 'repository', aliases: ['github', 'repo'] },
];

/** The notebook's field another blog's field name stands for (`pubDate` → `date`), or undefined. */
export function canonicalField(name: string): string | undefined {
  const lower = name.toLowerCase();
  return FIELD_ALIASES.find((a) => a.field.toLowerCase() === lower || a.aliases.some((x) => x.toLowerCase() === lower))?.field;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_START = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s])/;
const MONTH_FIRST = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?=$|[\s,T])/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})(?=$|[\s,T])/i;

/**
 * A blog's date as `YYYY-MM-DD`, or undefined when there is no clear reading. The
 * date is the one written, never shifted to UTC: `2024-03-05 00:30:00 +0100` is
 * 5 March, as Hugo and Jekyll show it. Reads ISO dates and date-times, `2024/3/5`,
 * and the month-name forms Astro's template uses (`Jul 08 2022`, `8 July 2022`).
 */
export function blogDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  const pad = (n: string) => n.padStart(2, '0');
  const iso = ISO_START.exec(s);
  if (iso) return valid(`${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`);
  const named = (year: string, month: string, day: string) => {
    const m = MONTHS.indexOf(month.toLowerCase());
    return m < 0 ? undefined : valid(`${year}-${pad(String(m + 1))}-${pad(day)}`);
  };
  const monthFirst = MONTH_FIRST.exec(s);
  if (monthFirst) return named(monthFirst[3], monthFirst[1], monthFirst[2]);
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) return named(dayFirst[3], dayFirst[2], dayFirst[1]);
  return repairDate(s);
}

const valid = (iso: string) => (isIsoDate(iso) ? iso : undefined);

/** Something the mapping did that the user should know of, about one field. */
export interface FieldNote {
  readonly field: string;
  readonly severity: 'warning' | 'info';
  readonly message: string;
}

export interface FieldContext {
  readonly kind: ImportKind;
  readonly post: SourcePost;
  readonly body: string;
  /** The source file's modification date, for a dated kind's missing date. */
  readonly modified?: string;
}

/**
 * Renames and converts a post's frontmatter in place, keeping every other field,
 * its order and its comments. The rules are the README's table "Importing an existing blog".
 */
export function mapFields(doc: Document, ctx: FieldContext): FieldNote[] {
  const map = doc.contents as YAMLMap;
  const notes: FieldNote[] = [];
  const name = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : undefined);
  const find = (n: string) => map.items.find((p) => name(p) === n);
  const findAny = (n: string) => map.items.find((p) => name(p)?.toLowerCase() === n.toLowerCase());
  const titleField = ctx.kind.titleField ?? 'title';
  const known = new Set([titleField, ...ctx.kind.fields, ...FIELD_ALIASES.map((a) => a.field)]);

  for (const field of known) {
    if (find(field)) continue;
    const aliases = FIELD_ALIASES.find((a) => a.field === field)?.aliases ?? [];
    // A name the kind itself declares is never taken for another field.
    const pair = [field, ...aliases].map(findAny).find((p) => p && !(known.has(name(p) as string)));
    if (pair) (pair.key as Scalar).value = field;
  }
  const schemaDate = ctx.post.dateFields?.find((d) => !d.optional && find(d.name));
  if (!hasValue(find('date')) && schemaDate) {
    (find(schemaDate.name)!.key as Scalar).value = 'date';
    notes.push({ field: 'date', severity: 'info', message: `\`${schemaDate.name}\` became \`date\`: it is the date field of the collection's schema` });
  }

  if (!hasValue(find(titleField))) {
    const other = titleField !== 'title' ? find('title') : undefined;
    if (other && hasValue(other)) (other.key as Scalar).value = titleField;
    else {
      const heading = firstHeading(ctx.body);
      const title = heading ?? humanize(ctx.post.stem);
      setField(doc, titleField, title, { at: 0 });
      notes.push({ field: titleField, severity: 'info', message: heading ? `\`${titleField}\` taken from the first heading` : `no title in the blog: \`${titleField}\` made from the file name; check it` });
    }
  }

  for (const field of ['date', 'updated']) {
    const value = find(field)?.value;
    if (!isScalar(value) || value.value === null || value.value === '') continue;
    const iso = blogDate(value.value);
    if (iso === undefined) notes.push({ field, severity: 'warning', message: `\`${field}\` "${String(value.value)}" is not a date the importer can read: write it as YYYY-MM-DD` });
    else if (iso !== value.value) Object.assign(value, { value: iso, type: Scalar.PLAIN });
  }
  if (!hasValue(find('date'))) {
    const fallback = ctx.post.fileDate ?? (ctx.kind.dated ? ctx.modified : undefined);
    if (fallback) {
      setField(doc, 'date', fallback, { after: titleField });
      if (!ctx.post.fileDate) notes.push({ field: 'date', severity: 'warning', message: `no date in the blog: \`date\` is the file's modification date, ${fallback}; check it` });
    }
  }

  const categories = findAny('categories');
  if (categories) {
    let list = words(categories.value);
    const at = map.items.indexOf(categories);
    map.items.splice(at, 1);
    let next = at;
    if (ctx.kind.fields.includes('category') && !hasValue(find('category')) && list.length) {
      setField(doc, 'category', list[0], { at: next++ });
      list = list.slice(1);
    }
    if (list.length) {
      const tags = find('tags');
      const merged = [...new Set([...(tags ? words(tags.value) : []), ...list])];
      setField(doc, 'tags', flowList(doc, merged), { at: next });
    }
  }
  const tags = find('tags');
  if (tags && isScalar(tags.value) && typeof tags.value.value === 'string') tags.value = flowList(doc, words(tags.value));

  const published = findAny('published');
  let draft = ctx.post.draft === true;
  if (published && isScalar(published.value) && typeof published.value.value === 'boolean') {
    draft ||= published.value.value === false;
    map.items.splice(map.items.indexOf(published), 1);
  }
  if (draft) setField(doc, 'draft', true, {});
  return notes;
}

function hasValue(p: Pair | undefined): boolean {
  const v = p?.value;
  return v !== null && v !== undefined && !(isScalar(v) && (v.value === null || v.value === ''));
}

/** Sets a field: in place when present, else as a new pair at `at`, after `after`, or last. */
function setField(doc: Document, field: string, value: unknown, where: { at?: number; after?: string }): void {
  const map = doc.contents as YAMLMap;
  const node = doc.createNode(value);
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === field);
  if (existing) {
    existing.value = node;
    return;
  }
  const pair = doc.createPair(field, node);
  const after = where.after === undefined ? -1 : map.items.findIndex((p) => isScalar(p.key) && p.key.value === where.after);
  const index = where.at ?? (after >= 0 ? after + 1 : map.items.length);
  map.items.splice(index, 0, pair);
}

function flowList(doc: Document, items: string[]) {
  const seq = doc.createNode(items);
  seq.flow = true;
  return seq;
}

/** A list of words from a YAML list or from Jekyll's space-separated string (`categories: jekyll update`). */
function words(node: unknown): string[] {
  const value = isScalar(node) ? node.value : (node as { toJSON?: () => unknown } | null)?.toJSON?.();
  if (typeof value === 'string') return value.split(value.includes(',') ? ',' : /\s+/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  return [];
}


function humanize(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
