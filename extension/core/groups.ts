/**
 * How a kind's lists are ordered and grouped, read from its row of the kinds table:
 * `sort: date` is newest first; `sort: order` puts entries with an `order` first,
 * lowest first, then the rest newest first. Groups are by year, by a field's value
 * (case studies by `category`), or one group.
 */
import { Entry } from './entry';
import { KindSpec } from './kinds';

export interface Group<T> { readonly key: string; readonly items: readonly T[] }

export function compareEntries(a: Entry, b: Entry, kind: Pick<KindSpec, 'sort'>): number {
  if (kind.sort === 'order' && (a.order !== undefined || b.order !== undefined)) {
    if (a.order === undefined) return 1;
    if (b.order === undefined) return -1;
    if (a.order !== b.order) return a.order - b.order;
  }
  const ad = a.date ?? '';
  const bd = b.date ?? '';
  if (ad !== bd) return ad < bd ? 1 : -1;
  return a.title.localeCompare(b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Keeps a sorted list current by binary insertion instead of re-sorting the kind: at
 * 10,000 notes a re-sort costs ~16 ms, an insertion well under one.
 */
export function sortedInsert(list: Entry[], e: Entry, kind: Pick<KindSpec, 'sort'>): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(list[mid], e, kind) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, e);
}

/** The text of a field used for grouping or for a list's meta line; lists are joined. */
export function fieldText(e: Entry, name: string): string | undefined {
  const v = e.data[name];
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.filter((x) => x !== null && typeof x !== 'object').join(', ') || undefined;
  return undefined;
}

/** Entries grouped as the kind says, groups in first-seen order of the sorted list. */
export function groupEntries(sorted: readonly Entry[], kind: Pick<KindSpec, 'group' | 'plural'>): Group<Entry>[] {
  const g = kind.group;
  if (g === 'none') return sorted.length ? [{ key: '', items: sorted }] : [];
  const keyOf = g === 'year' ? (e: Entry) => e.date?.slice(0, 4) ?? 'Undated' : (e: Entry) => fieldText(e, g.field) ?? `No ${g.field}`;
  const groups = new Map<string, Entry[]>();
  for (const e of sorted) {
    const k = keyOf(e);
    const items = groups.get(k);
    if (items) items.push(e);
    else groups.set(k, [e]);
  }
  return [...groups].map(([key, items]) => ({ key, items }));
}
