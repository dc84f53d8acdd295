/**
 * The notebook's links: every note's links read once, resolved once, and kept until
 * something they depend on changes. Resolving a note's links records what it asked of
 * the notebook (a path, a note's headings, a name, the generated pages); when a file
 * changes, only the notes that asked about it are resolved again, so typing in one note
 * of 10,000 costs that note, not the notebook. Backlinks and dead links come from the
 * same answers. A note is parsed only when it holds link syntax or a link asks for its
 * headings, and a first look at a large notebook can be taken in slices (`ready`).
 */
import type { Notebook } from '../notebook';
import { kindUrl, pageFile, seriesKey, tagKey, urlOf, FEED_URLS } from '../urls';
import { PROFILE_PATH, PUBLIC_DIR } from '../kinds';
import { Problem } from '../problems';
import type { ContentFiles } from '../references';
import type { Heading } from './headings';
import { NoteLinks, readLinks } from './read';
import { LinkTargets, Resolution, resolveOne, wikiHeading } from './resolve';
import type { NoteLink } from './read';
import type { Wikilink } from './wikilink';

/** A file whose body is published: an entry, a top-level page, or the profile. */
interface Source { readonly path: string; readonly body: string; readonly bodyLine: number }

interface Known {
  readonly source: Source;
  readonly title: string;
  readonly draft: boolean;
  readonly names: readonly string[];
  /** Tags and series, for the generated pages they make. */
  readonly generatedBy: string;
  /** The files the site writes for its old addresses (`aliases:`), when published. */
  readonly aliases: readonly string[];
  readonly links: readonly NoteLink[];
  /** Read with the links, or on first need when the note has no link syntax. */
  parsed?: NoteLinks;
}

/** One link and where it leads. */
export interface ResolvedLink { readonly link: NoteLink; readonly resolution: Resolution }

interface Resolved { readonly links: readonly ResolvedLink[]; readonly deps: readonly string[] }

/** A note that links to another. */
export interface Backlink { readonly path: string; readonly title: string; readonly url: string; readonly draft: boolean }

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
/** Anything that may be a link: `](`, `[[`, `<a `, a reference definition's `]:`. A body without any has none. */
const LINK_SYNTAX = /\]\s*\(|\[\[|<a[\s>]|\]:/i;

export class LinkIndex {
  private readonly known = new Map<string, Known>();
  private readonly dirty = new Set<string>();
  private readonly resolved = new Map<string, Resolved>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly backrefs = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly byAlias = new Map<string, string>();
  private generatedPaths: Set<string> | undefined;
  private lastGenerated: string | undefined;

  constructor(private readonly nb: Notebook) {
    for (const p of nb.paths()) this.dirty.add(p);
  }

  /** A file was set or deleted: what depended on it is recomputed on the next question. */
  touch(path: string): void {
    this.dirty.add(path);
  }

  /**
   * Reads and resolves every note in slices of about `sliceMs`, yielding between them, so
   * that a first look at 10,000 notes does not hold the thread (the editor's extension host).
   */
  async ready(sliceMs = 20): Promise<void> {
    const pause = () => new Promise<void>((r) => setTimeout(r, 0));
    for (let start = Date.now(); this.dirty.size;) {
      this.syncOne(this.dirty.values().next().value as string);
      if (Date.now() - start >= sliceMs) {
        await pause();
        start = Date.now();
      }
    }
    this.sync();
    for (let start = Date.now(), todo = [...this.known.keys()]; todo.length;) {
      const p = todo.pop()!;
      if (this.known.has(p)) this.resolve(p);
      if (Date.now() - start >= sliceMs) {
        await pause();
        this.sync();
        start = Date.now();
      }
    }
  }

  /** The links of a note, each with where it leads. */
  linksOf(path: string): readonly ResolvedLink[] {
    this.sync();
    return this.known.has(path) ? this.resolve(path).links : [];
  }

  /** The headings of a note, with their anchors. */
  headingsOf(path: string): readonly Heading[] {
    this.sync();
    const k = this.known.get(path);
    return k ? this.parsed(k).headings : [];
  }

  /** Notes and pages that link to `path`, by title; with `published`, drafts left out (as the site shows them). */
  backlinks(path: string, o: { published?: boolean } = {}): Backlink[] {
    this.resolveAll();
    const out: Backlink[] = [];
    for (const from of this.backrefs.get(path) ?? []) {
      const k = this.known.get(from);
      if (!k || from === path || (o.published && k.draft)) continue;
      out.push({ path: from, title: k.title, url: urlOf(from), draft: k.draft });
    }
    return out.sort((a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path));
  }

  /**
   * Every link that leads nowhere, as a problem at its line, by file and position. Files
   * are looked for through `files`; links whose address (or wikilink target) `ignore` accepts are left out.
   */
  problems(files: ContentFiles, ignore?: (href: string) => boolean): Problem[] {
    this.resolveAll();
    const exists = new Map<string, boolean>();
    const out: Problem[] = [];
    for (const [path, r] of this.resolved) {
      for (const { link, resolution: res } of r.links) {
        if (!res.problem || ignore?.(link.href)) continue;
        if (res.file) {
          let there = exists.get(res.file);
          if (there === undefined) exists.set(res.file, (there = files.isFile(res.file)));
          if (there) continue;
        }
        out.push({ file: path, line: link.line, column: link.column, endLine: link.endLine, endColumn: link.endColumn, code: res.problem.code, severity: 'error', message: res.problem.message });
      }
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }

  /**
   * Files outside `public/` that published notes link to (`[data](./runs.csv)`), whether
   * they exist or not: VitePress publishes only the files a page imports, so the site
   * copies these beside their pages.
   */
  linkedFiles(): string[] {
    this.resolveAll();
    const out = new Set<string>();
    for (const [path, r] of this.resolved) {
      if (this.known.get(path)?.draft) continue;
      // A page link's `file` is its fallback in public/; any other is a file the link names.
      for (const { resolution: res } of r.links) if (res.file && !res.file.startsWith(`${PUBLIC_DIR}/`)) out.add(res.file);
    }
    return [...out].sort();
  }

  /** The URL a wikilink of `from` leads to (with its heading's anchor), or undefined when it leads nowhere. */
  wikilinkUrl(from: string, w: Wikilink, own: readonly Heading[]): string | undefined {
    if (!w.target) {
      const h = wikiHeading(w.heading ?? '', own);
      return h ? `#${h.slug}` : undefined;
    }
    const found = this.wikilinkTargets(w.target);
    if (found.length !== 1) return undefined;
    const h = w.heading ? wikiHeading(w.heading, found[0] === from ? own : this.headingsOf(found[0])) : undefined;
    return urlOf(found[0]) + (h ? `#${h.slug}` : '');
  }

  /** The notes and pages a wikilink's target names (one: it resolves; more: it is ambiguous). */
  wikilinkTargets(target: string): string[] {
    this.sync();
    return this.named(target, () => undefined);
  }

  /** Every note path the index holds. */
  paths(): string[] {
    this.sync();
    return [...this.known.keys()];
  }

  /** A note's title and draft state, as the index knows them. */
  note(path: string): { title: string; draft: boolean } | undefined {
    this.sync();
    return this.known.get(path);
  }

  private sourceOf(path: string): { source: Source; title: string; draft: boolean } | undefined {
    const e = this.nb.get(path);
    if (e) return { source: e, title: e.title, draft: e.draft };
    const p = this.nb.page(path);
    if (p) return { source: p, title: p.title, draft: p.draft };
    const profile = path === PROFILE_PATH ? this.nb.profile : undefined;
    return profile ? { source: profile, title: profile.name ?? profile.role, draft: false } : undefined;
  }

  private sync(): void {
    for (const path of [...this.dirty]) this.syncOne(path);
    if (!this.generatedPaths) {
      const now = [...this.generated()].sort().join('\n');
      if (this.lastGenerated !== undefined && this.lastGenerated !== now) this.invalidate('generated');
      this.lastGenerated = now;
    }
  }

  /** Takes in one changed file: drops what depended on what changed in it. */
  private syncOne(path: string): void {
    this.dirty.delete(path);
    const now = this.sourceOf(path);
    const old = this.known.get(path);
    if (now && old?.source === now.source) return;
    const next = now ? this.read(path, now) : undefined;
    this.forget(path);
    if (!old || !next || old.title !== next.title || old.draft !== next.draft) this.invalidate(`path:${path}`);
    // Headings are compared only when some link asked for them.
    if (this.dependents.get(`anchors:${path}`)?.size && (!old || !next || !sameHeadings(this.parsed(old).headings, this.parsed(next).headings))) this.invalidate(`anchors:${path}`);
    if (!old || !next || old.names.join('\n') !== next.names.join('\n')) {
      for (const n of new Set([...(old?.names ?? []), ...(next?.names ?? [])])) this.invalidate(`name:${n}`);
    }
    if ((old?.generatedBy ?? '') !== (next?.generatedBy ?? '')) this.generatedPaths = undefined;
    if ((old?.aliases ?? []).join('\n') !== (next?.aliases ?? []).join('\n')) {
      for (const a of old?.aliases ?? []) if (this.byAlias.get(a) === path) this.byAlias.delete(a);
      for (const a of new Set([...(old?.aliases ?? []), ...(next?.aliases ?? [])])) this.invalidate(`alias:${a}`);
      for (const a of next?.aliases ?? []) this.byAlias.set(a, path);
    }
    for (const n of old?.names ?? []) this.byName.get(n)?.delete(path);
    if (next) {
      this.known.set(path, next);
      for (const n of next.names) (this.byName.get(n) ?? this.byName.set(n, new Set()).get(n)!).add(path);
    } else this.known.delete(path);
  }

  private read(path: string, s: { source: Source; title: string; draft: boolean }): Known {
    const parsed = LINK_SYNTAX.test(s.source.body) ? readLinks(s.source.body, s.source.bodyLine) : undefined;
    const stem = path.replace(/\.md$/, '');
    const names = path === PROFILE_PATH ? [] : [`path:${norm(stem)}`, `stem:${norm(stem.split('/').pop()!)}`, `title:${norm(s.title)}`];
    const e = this.nb.get(path);
    const generatedBy = e && !e.draft ? `${e.tags.map(tagKey).join(',')}|${e.series.map(seriesKey).join(',')}` : '';
    const owner = e ?? this.nb.page(path);
    const aliases = owner && !s.draft ? owner.aliases.map((a) => pageFile(a.url)) : [];
    return { source: s.source, title: s.title, draft: s.draft, names, generatedBy, aliases, links: parsed?.links ?? [], ...(parsed ? { parsed } : {}) };
  }

  private parsed(k: Known): NoteLinks {
    return (k.parsed ??= readLinks(k.source.body, k.source.bodyLine));
  }

  /** The content paths of pages Notepress generates: kinds' lists, tags, series, feeds. */
  private generated(): Set<string> {
    if (this.generatedPaths) return this.generatedPaths;
    const out = new Set<string>();
    for (const k of this.nb.kinds.all) out.add(`${kindUrl(k).slice(1)}index.md`);
    const tags = this.nb.tags();
    if (tags.length) out.add('tags/index.md');
    for (const t of tags) out.add(`tags/${t.key}.md`);
    const series = this.nb.allSeries();
    if (series.length) out.add('series/index.md');
    for (const s of series) out.add(`series/${s.key}.md`);
    if (this.nb.kinds.all.some((k) => k.feed)) for (const u of Object.values(FEED_URLS)) out.add(u.slice(1));
    return (this.generatedPaths = out);
  }

  private named(target: string, dep: (key: string) => void): string[] {
    const t = target.replace(/\.md$/i, '');
    const keys = t.includes('/') ? [`path:${norm(t.replace(/^\//, ''))}`] : [`stem:${norm(t)}`, `title:${norm(t)}`];
    const out = new Set<string>();
    for (const k of keys) {
      dep(`name:${k}`);
      for (const p of this.byName.get(k) ?? []) out.add(p);
    }
    return [...out].sort();
  }

  private resolve(path: string): Resolved {
    let r = this.resolved.get(path);
    if (r) return r;
    const k = this.known.get(path)!;
    const deps = new Set<string>();
    const targets: LinkTargets = {
      note: (p) => (deps.add(`path:${p}`), this.known.get(p)),
      headings: (p) => {
        deps.add(`anchors:${p}`);
        const t = this.known.get(p);
        return t ? this.parsed(t).headings : [];
      },
      generated: (p) => (deps.add('generated'), this.generated().has(p)),
      named: (t) => this.named(t, (key) => deps.add(key)),
      alias: (f) => (deps.add(`alias:${f}`), this.byAlias.get(f)),
    };
    const own = k.links.length ? this.parsed(k).headings : [];
    const links = k.links.map((link) => ({ link, resolution: resolveOne(path, k.draft, link, own, targets) }));
    r = { links, deps: [...deps] };
    this.resolved.set(path, r);
    for (const d of r.deps) (this.dependents.get(d) ?? this.dependents.set(d, new Set()).get(d)!).add(path);
    for (const l of links) if (l.resolution.target) (this.backrefs.get(l.resolution.target) ?? this.backrefs.set(l.resolution.target, new Set()).get(l.resolution.target)!).add(path);
    return r;
  }

  private resolveAll(): void {
    this.sync();
    for (const p of this.known.keys()) this.resolve(p);
  }

  /** Drops a note's resolved links, its dependencies and its backlinks. */
  private forget(path: string): void {
    const r = this.resolved.get(path);
    if (!r) return;
    this.resolved.delete(path);
    for (const d of r.deps) this.dependents.get(d)?.delete(path);
    for (const l of r.links) if (l.resolution.target) this.backrefs.get(l.resolution.target)?.delete(path);
  }

  private invalidate(key: string): void {
    const ds = this.dependents.get(key);
    if (!ds) return;
    for (const p of [...ds]) this.forget(p);
  }
}

function sameHeadings(a: readonly Heading[], b: readonly Heading[]): boolean {
  return a.length === b.length && a.every((h, i) => h.slug === b[i].slug && h.text === b[i].text);
}
