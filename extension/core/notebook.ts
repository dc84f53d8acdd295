/**
 * The notebook index: every entry of a content folder, kept up to date one file at a
 * time. Loading reads each file once; a change re-parses only that file. Sorted
 * lists are cached per kind and rebuilt lazily after a change to that kind. What the
 * kinds are comes from the notebook's settings (`NotebookConfig`), never from code.
 */
import { KindSpec, PROFILE_PATH } from './kinds';
import { Entry, parseEntry } from './entry';
import { Page, parsePage, parseProfile, Profile } from './profile';
import { Problem, ProblemCode } from './problems';
import { DEFAULT_CONFIG, NotebookConfig } from './notebookConfig';
import { kindUrl, NOT_FOUND_URL, SERIES_URL, seriesKey, seriesUrl, TAGS_URL, tagKey, tagUrl } from './urls';
import { aliasProblems } from './aliases';
import { sortedInsert, Group, groupEntries } from './groups';
import { LinkIndex } from './links/linkIndex';
import type { ContentFiles } from './references';

export type { Group } from './groups';

/** A tag or series: its identity (slug), the name shown (the most used spelling), and its entries. */
export interface Named { readonly key: string; readonly name: string; readonly items: readonly Entry[] }

export class Notebook {
  private readonly entries = new Map<string, Entry>();
  private readonly pagesByPath = new Map<string, Page>();
  /** Problems of files that are not entries but still belong to the notebook (unreadable or unsupported files). */
  private readonly fileProblems = new Map<string, Problem[]>();
  private profileEntry: Profile | undefined;
  private readonly sorted = new Map<string, Entry[]>();
  private readonly publishedCache = new Map<string, readonly Entry[]>();
  private _config: NotebookConfig;
  private _links: LinkIndex | undefined;

  constructor(config: NotebookConfig = DEFAULT_CONFIG) {
    this._config = config;
  }

  get config(): NotebookConfig {
    return this._config;
  }

  get kinds() {
    return this._config.kinds;
  }

  /**
   * Adds or replaces one file. Returns what it became, or undefined when the path
   * is not part of the notebook (then nothing is stored).
   */
  set(path: string, text: string): Entry | Profile | Page | undefined {
    const role = this.kinds.classify(path);
    if (!role || role.role === 'section') return undefined;
    this.delete(path);
    this._links?.touch(path);
    if (role.role === 'unsupported') {
      this.fileProblems.set(path, [{ file: path, line: 1, column: 1, endLine: 1, endColumn: 1, code: ProblemCode.Unsupported, severity: 'error', message: role.why }]);
      return undefined;
    }
    if (role.role === 'profile') return (this.profileEntry = parseProfile(path, text));
    if (role.role === 'page') {
      const page = parsePage(path, text);
      this.pagesByPath.set(path, page);
      return page;
    }
    const entry = parseEntry(path, text, role.kind);
    this.entries.set(path, entry);
    this.publishedCache.delete(entry.kind);
    const list = this.sorted.get(entry.kind);
    if (list) sortedInsert(list, entry, role.kind);
    return entry;
  }

  /** Records a file that could not be read as text (binary, not UTF-8, unreadable). */
  setUnreadable(path: string, code: ProblemCode, message: string, at: { line?: number; column?: number } = {}): void {
    const role = this.kinds.classify(path);
    if (!role || role.role === 'section') return;
    this.delete(path);
    const line = at.line ?? 1;
    const column = at.column ?? 1;
    this.fileProblems.set(path, [{ file: path, line, column, endLine: line, endColumn: column + 1, code, severity: 'error', message }]);
  }

  delete(path: string): boolean {
    this._links?.touch(path);
    const had = this.fileProblems.delete(path) || this.pagesByPath.delete(path);
    if (path === PROFILE_PATH) {
      const was = this.profileEntry !== undefined;
      this.profileEntry = undefined;
      return was || had;
    }
    const old = this.entries.get(path);
    if (!old) return had;
    this.entries.delete(path);
    this.publishedCache.delete(old.kind);
    const list = this.sorted.get(old.kind);
    const i = list ? list.indexOf(old) : -1;
    if (i >= 0) list!.splice(i, 1);
    return true;
  }

  get(path: string): Entry | undefined {
    return this.entries.get(path);
  }

  get profile(): Profile | undefined {
    return this.profileEntry;
  }

  page(path: string): Page | undefined {
    return this.pagesByPath.get(path);
  }

  /** Top-level pages, published ones only, by path. */
  pages(): Page[] {
    return [...this.pagesByPath.values()].filter((p) => !p.draft).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  get size(): number {
    return this.entries.size;
  }

  /** All entries of a kind, sorted, drafts included. */
  all(kind: string): readonly Entry[] {
    let list = this.sorted.get(kind);
    if (!list) {
      const spec = this.kinds.spec(kind);
      list = [];
      for (const e of this.entries.values()) if (e.kind === kind) sortedInsert(list, e, spec);
      this.sorted.set(kind, list);
    }
    return list;
  }

  /** Published entries of a kind: drafts left out. */
  list(kind: string): readonly Entry[] {
    let list = this.publishedCache.get(kind);
    if (!list) {
      list = this.all(kind).filter((e) => !e.draft);
      this.publishedCache.set(kind, list);
    }
    return list;
  }

  drafts(): readonly Entry[] {
    return this.kinds.all.flatMap((k) => this.all(k.id).filter((e) => e.draft));
  }

  /** Every published entry of every kind. */
  published(): readonly Entry[] {
    return this.kinds.all.flatMap((k) => this.list(k.id));
  }

  /** A kind's published entries, grouped as its `group` setting says (by year, by a field, or one group). */
  groups(kind: KindSpec): Group<Entry>[] {
    return groupEntries(this.list(kind.id), kind);
  }

  /** Tags across every published kind, most used first, then by name. Spellings that share a slug are one tag. */
  tags(): Named[] {
    return this.named((e) => e.tags, tagKey).sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
  }

  /** Series across every published kind, by name; each series' parts oldest first. */
  allSeries(): Named[] {
    return this.named((e) => e.series, seriesKey)
      .map((s) => ({ ...s, items: [...s.items].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One series by its key or any of its spellings. */
  series(name: string): Named | undefined {
    const key = seriesKey(name);
    return this.allSeries().find((s) => s.key === key);
  }

  private named(of: (e: Entry) => readonly string[], keyOf: (s: string) => string): Named[] {
    const groups = new Map<string, { items: Entry[]; spellings: Map<string, number> }>();
    for (const e of this.published()) {
      const seen = new Set<string>();
      for (const t of of(e)) {
        const key = keyOf(t);
        const g = groups.get(key) ?? { items: [] as Entry[], spellings: new Map<string, number>() };
        g.spellings.set(t, (g.spellings.get(t) ?? 0) + 1);
        if (!seen.has(key)) g.items.push(e);
        seen.add(key);
        groups.set(key, g);
      }
    }
    return [...groups].map(([key, g]) => ({ key, name: [...g.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0], items: g.items }));
  }

  /**
   * The distinct values of a field across all entries but `except` (for completions and
   * pickers). Tags are deduplicated by identity, offering the most used spelling.
   */
  values(fieldName: string, except?: string): string[] {
    const others = [...this.entries.values()].filter((e) => e.path !== except);
    if (fieldName === 'tags' || fieldName === 'stack') {
      const byKey = new Map<string, string>();
      for (const e of others) for (const t of fieldName === 'tags' ? e.tags : listOf(e.data.stack)) if (!byKey.has(tagKey(t))) byKey.set(tagKey(t), t);
      for (const t of this.tags()) if (byKey.has(t.key)) byKey.set(t.key, t.name);
      return [...byKey.values()].sort((a, b) => a.localeCompare(b));
    }
    const seen = new Set<string>();
    for (const e of others) {
      const v = fieldName === 'series' ? e.series : listOf(e.data[fieldName]);
      v.forEach((x) => seen.add(x));
    }
    return [...seen].sort((a, b) => a.localeCompare(b));
  }

  /** The neighbours of an entry within its kind's published list (previous is newer for dated kinds). */
  neighbours(path: string): { prev?: Entry; next?: Entry } {
    const e = this.entries.get(path);
    if (!e) return {};
    const list = this.list(e.kind);
    const i = list.findIndex((x) => x.path === path);
    if (i < 0) return {};
    return { prev: list[i - 1], next: list[i + 1] };
  }

  /** Every problem in the notebook, the settings file's included, by file then position. */
  problems(): Problem[] {
    const out: Problem[] = [...this._config.problems, ...this.aliasProblems()];
    if (this.profileEntry) out.push(...this.profileEntry.problems);
    for (const e of this.entries.values()) out.push(...e.problems);
    for (const p of this.pagesByPath.values()) out.push(...p.problems);
    for (const ps of this.fileProblems.values()) out.push(...ps);
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }

  /**
   * Links between the notebook's files: what each leads to, backlinks, renames. Built on
   * first use, then kept current file by file.
   */
  get links(): LinkIndex {
    return (this._links ??= new LinkIndex(this));
  }

  /**
   * Links that lead nowhere (a missing note, heading or file; an unknown or ambiguous
   * wikilink). Not among `problems()`: whether a link is dead depends on other files and
   * on the disk (`files`), not on the file that holds it alone.
   */
  linkProblems(files: ContentFiles, o: { ignore?: (href: string) => boolean } = {}): Problem[] {
    return this.links.problems(files, o.ignore);
  }

  /** Problems of one file. */
  problemsOf(path: string): readonly Problem[] {
    if (path === PROFILE_PATH) return this.profileEntry?.problems ?? this.fileProblems.get(path) ?? [];
    const own = this.entries.get(path)?.problems ?? this.pagesByPath.get(path)?.problems;
    if (own) {
      const aliases = this.aliasProblems().filter((p) => p.file === path);
      return aliases.length ? [...own, ...aliases] : own;
    }
    return this.fileProblems.get(path) ?? this._config.problems.filter((p) => p.file === path);
  }

  /** Aliases that take an address the site already has, or another alias's (see `aliases.ts`). */
  private aliasProblems(): Problem[] {
    const owners = [...this.entries.values(), ...this.pagesByPath.values()];
    if (!owners.some((o) => o.aliases.length)) return [];
    const tags = this.tags();
    const series = this.allSeries();
    const generated = [
      { url: '/', what: 'the home page' },
      { url: NOT_FOUND_URL, what: 'the page for unknown addresses' },
      ...this.kinds.all.map((k) => ({ url: kindUrl(k), what: `the list of ${k.plural.toLowerCase()}` })),
      ...(tags.length ? [{ url: TAGS_URL, what: 'the list of tags' }] : []),
      ...tags.map((t) => ({ url: tagUrl(t.name), what: `the page of the tag "${t.name}"` })),
      ...(series.length ? [{ url: SERIES_URL, what: 'the list of series' }] : []),
      ...series.map((s) => ({ url: seriesUrl(s.name), what: `the page of the series "${s.name}"` })),
    ];
    return aliasProblems(owners, generated);
  }

  /** Every path the notebook holds. */
  paths(): string[] {
    const out = [...this.entries.keys(), ...this.pagesByPath.keys(), ...this.fileProblems.keys()];
    if (this.profileEntry) out.push(this.profileEntry.path);
    return out;
  }
}

function listOf(v: unknown): string[] {
  if (typeof v === 'string' && v.trim()) return [v.trim()];
  return Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean) : [];
}
