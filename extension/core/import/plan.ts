/**
 * The import, decided without touching the disk: which notes, under which names,
 * with which frontmatter, which files are copied, and what the user must look at.
 * Running it twice on the same blog gives the same plan, which is what lets the
 * disk adapter recognise what an earlier run already wrote.
 */
import { isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import { localImageRefs } from '../references';
import { isSafeSlug, slugify } from '../slug';
import { AssetPlan, type Resolved } from './assets';
import { untranslatable } from './body';
import { mapFields } from './fields';
import { checkMapping, kindFor } from './kinds';
import { detectLayout, siteShape, type SourcePost } from './layout';
import { profileSeed } from './profile';
import { readPost } from './source';
import type { ImportPlan, ImportTarget, PlannedWrite, ReportItem, Severity, SourceTree } from './types';

/** A report item of the note being planned, before it knows its file. */
type Item = { line: number; column?: number; severity: Severity; message: string };

const TEMPLATED = /\{[{%]/;
const IMAGE_VALUE = /^(?![a-z][a-z0-9+.-]*:|\/\/)[^\s]+\.(png|jpe?g|gif|svg|webp|avif|ico|bmp)$/i;

/**
 * Plans the import of a blog into a notebook. Pure: reads only through `files` and
 * `target.existing`. Throws `ImportError` only when there are no kinds or the
 * mapping names one the notebook does not have; every problem of the blog itself
 * is an item of the plan's report.
 */
export function planImport(files: SourceTree, target: ImportTarget): ImportPlan {
  checkMapping(target.kinds, target.mapping);
  const detected = target.layout ? { layout: target.layout, evidence: ['chosen by the caller'] } : detectLayout(files);
  const shape = siteShape(files, detected.layout, detected.evidence);
  const assets = new AssetPlan(files, shape);
  assets.copyStatic();
  const writes: PlannedWrite[] = [];
  const report: ReportItem[] = [];
  const skipped = [...shape.skipped];
  const taken = new Map<string, Set<string>>();
  const bodyLines = new Map<string, number>();
  // Why a body image cannot resolve from the blog, by `path:line:column`; reported only if the notebook lacks it too.
  const why = new Map<string, string>();

  for (const post of shape.posts) {
    const read = readPost(post.path, files.read(post.path));
    if (!read.ok) {
      report.push(...read.problems);
      skipped.push({ path: post.path, reason: 'it cannot be read; see the report' });
      continue;
    }
    const kind = kindFor(post.collection, target.kinds, target.mapping);
    const { doc, body, bodyLine, eol } = read.post;
    const fieldNotes = mapFields(doc, { kind, post, body, modified: files.modified?.(post.path) });
    const title = String(doc.get(kind.titleField ?? 'title') ?? '');
    const { slug, renamed } = slugFor(post, doc, title, taken.get(kind.folder) ?? taken.set(kind.folder, new Set(['index'])).get(kind.folder)!);
    const path = `${kind.folder}/${slug}.md`;
    const items: Item[] = [];
    const unresolved: Item[] = [];
    assets.copyBundle(post, kind.folder, slug);

    // Frontmatter images (Astro's `heroImage`, a theme's `cover`) follow the same rules as the body's.
    for (const pair of (doc.contents as YAMLMap).items as Pair[]) {
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string' || !IMAGE_VALUE.test(pair.value.value)) continue;
      const src = pair.value.value;
      const r = assets.resolve(src, post, kind.folder, slug);
      if (r.src) pair.value.value = r.src;
      if (r.problem || r.src) fieldNotes.push({ field: String((pair.key as { value: unknown }).value), severity: r.problem ? 'warning' : 'info', message: refMessage(src, r) });
    }

    const plainBody = shape.layout === 'jekyll' ? unliquidAddresses(body, bodyLine, items) : body;
    const newBody = rewriteImages(plainBody, bodyLine, (src) => assets.resolve(src, post, kind.folder, slug), items, unresolved);
    const head = frontmatterText(doc, eol);
    const text = head + newBody;
    const shift = head.split('\n').length - bodyLine; // source body line + shift = written line
    for (const it of items) it.line += shift;
    for (const u of unresolved) why.set(`${path}:${u.line + shift}:${u.column}`, u.message);
    bodyLines.set(path, bodyLine + shift);
    const dialect = { mdx: /\.mdx$/i.test(post.path), hugo: shape.layout === 'hugo', liquid: shape.layout === 'jekyll' };
    for (const f of untranslatable(newBody, dialect)) items.push({ line: bodyLine + shift + f.line, column: f.column, severity: 'warning', message: f.message });
    for (const n of fieldNotes) items.push({ line: lineOfField(head, n.field), severity: n.severity, message: n.message });
    if (renamed) items.push({ line: 1, severity: 'info', message: `the blog's name "${renamed}" is not a safe file name: imported as ${slug}.md` });
    report.push(...items.map((it) => ({ side: 'content' as const, file: path, ...it })));
    writes.push({ path, text, from: post.path, kind: kind.id });
  }

  if (target.existing('index.md') === undefined) {
    const seed = profileSeed(files, shape.layout);
    if (seed) writes.push({ path: 'index.md', text: seed.text, from: seed.from });
    else report.push({ side: 'content', file: 'index.md', line: 1, severity: 'warning', message: 'the blog names no title or author to start a profile from: create index.md with at least `role`' });
  }
  const copies = assets.copies();
  checkImages(writes, bodyLines, copies.map((c) => c.to), target, why, report);
  for (const w of writes) {
    for (const p of target.validate?.(w.path, w.text) ?? []) {
      // Another engine's syntax is reported above, with what the blog's dialect makes of it.
      if (p.code === 'unsupported') continue;
      report.push({ side: 'content', file: w.path, line: p.line, column: p.column, severity: p.severity, message: p.message });
    }
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { layout: shape.layout, evidence: shape.evidence, writes, copies, skipped, report: sortReport(report) };
}

/** The note's file name: the frontmatter's `slug`, else the blog's; made safe when needed; `-2` when taken. */
function slugFor(post: SourcePost, doc: Document, title: string, taken: Set<string>): { slug: string; renamed?: string } {
  const own = doc.get('slug');
  const wanted = typeof own === 'string' && own.trim() ? own.trim().replace(/\/+$/, '').split('/').pop() as string : post.stem;
  const safe = isSafeSlug(wanted) ? wanted : slugify(wanted) || slugify(title) || 'note';
  let slug = safe;
  for (let i = 2; taken.has(slug.toLowerCase()); i++) slug = `${safe}-${i}`;
  taken.add(slug.toLowerCase());
  return safe === wanted ? { slug } : { slug, renamed: wanted };
}

/**
 * Jekyll's address idioms in a link or image target become the plain root-relative
 * address they stand for on a site served at the root: `{{ site.baseurl }}/a.png` and
 * `{{ "/a.png" | relative_url }}` → `/a.png`. Each rewrite is reported.
 */
function unliquidAddresses(body: string, bodyLine: number, items: Item[]): string {
  const IDIOM = /(\]\(\s*|(?:src|href)=["'])(\{\{\s*site\.baseurl\s*\}\}(?=\/)|\{\{\s*["']([^"'{}]+)["']\s*\|\s*(?:relative|absolute)_url\s*\}\})/g;
  return body.split('\n').map((line, i) => line.replace(IDIOM, (_m, lead: string, liquid: string, quoted: string | undefined, at: number) => {
    items.push({ line: bodyLine + i, column: at + lead.length + 1, severity: 'info', message: `Liquid address \`${liquid}\` ${quoted === undefined ? 'was removed from the address' : `became \`${quoted}\``}: the site is served at its root` });
    return lead + (quoted ?? '');
  })).join('\n');
}

/** Rewrites the body's image references that must change; collects one item per reference that moved or cannot resolve. */
function rewriteImages(body: string, bodyLine: number, resolve: (src: string) => Resolved, items: Item[], unresolved: Item[]): string {
  const lines = body.split('\n');
  // Only the references' places and text are used here; what they resolve to is the blog's business.
  const refs = localImageRefs('post.md', body, bodyLine);
  let lineShift = { line: -1, delta: 0 };
  for (const ref of refs) {
    // A template in the address (`{{ site.baseurl }}/a.png`) is reported with the template.
    if (TEMPLATED.test(ref.src)) continue;
    const r = resolve(ref.src);
    if (lineShift.line !== ref.line) lineShift = { line: ref.line, delta: 0 };
    const column = ref.column + lineShift.delta;
    if (r.src) {
      const i = ref.line - bodyLine;
      lines[i] = lines[i].slice(0, column - 1) + r.src + lines[i].slice(column - 1 + ref.src.length);
      lineShift.delta += r.src.length - ref.src.length;
    }
    if (r.src || r.problem) (r.problem ? unresolved : items).push({ line: ref.line, column, severity: r.problem ? 'error' : 'info', message: refMessage(ref.src, r) });
  }
  return lines.join('\n');
}

function refMessage(src: string, r: Resolved): string {
  return r.problem ? `image "${src}" ${r.problem}` : `image "${src}" is now "${r.src}" (copied from ${r.copiedFrom})`;
}

/** Every image of every note must resolve in the notebook: to a copy, a written file, or a file already there. */
function checkImages(writes: PlannedWrite[], bodyLines: ReadonlyMap<string, number>, copied: string[], target: ImportTarget, why: ReadonlyMap<string, string>, report: ReportItem[]): void {
  const present = new Set([...copied, ...writes.map((w) => w.path)]);
  for (const w of writes) {
    const bodyLine = bodyLines.get(w.path);
    if (bodyLine === undefined) continue;
    const body = w.text.split('\n').slice(bodyLine - 1).join('\n');
    for (const ref of localImageRefs(w.path, body, bodyLine)) {
      if (TEMPLATED.test(ref.src)) continue;
      const inside = !ref.target.startsWith('..');
      if (inside && (present.has(ref.target) || target.existing(ref.target) !== undefined)) continue;
      const message = why.get(`${w.path}:${ref.line}:${ref.column}`)
        ?? (inside ? `image "${ref.src}" will not resolve (looked for ${ref.target})` : `image "${ref.src}" points outside the content folder`);
      report.push({ side: 'content', file: w.path, line: ref.line, column: ref.column, severity: 'error', message });
    }
  }
}

/** `---`, the YAML, `---`, in the source's line ending. */
function frontmatterText(doc: Document, eol: string): string {
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = `---\n${yaml === '{}\n' ? '' : yaml}---\n`;
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function lineOfField(head: string, field: string): number {
  const i = head.split('\n').findIndex((l) => l.startsWith(`${field}:`));
  return i < 0 ? 1 : i + 1;
}

function sortReport(items: ReportItem[]): ReportItem[] {
  const key = (r: ReportItem) => [r.side === 'content' ? 0 : 1, r.file, r.line, r.column ?? 0] as const;
  return [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
}
