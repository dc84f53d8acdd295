/**
 * Images and other files the imported notes need, and where they go so that every
 * reference resolves as it did on the blog:
 * - the generator's published folder (`public/`, `static/`, Jekyll's `assets/`) is
 *   copied whole into the notebook's `public/`, so `/images/a.png` still works;
 * - a relative reference (`./a.png`) is copied to the same place beside the note,
 *   and the reference is left alone;
 * - a page bundle's files go to a folder named after the note (`notes/trip/`), and
 *   references into the bundle gain that folder (`./cover.jpg` → `./trip/cover.jpg`);
 * - a relative reference that would leave the kind's folder, or land on another
 *   file, is copied into that same folder too, and rewritten.
 */
import { posix } from 'node:path';
import type { SourcePost, SiteShape } from './layout';
import type { PlannedCopy, SourceTree } from './types';

/** Where one reference goes: `src` is set when the reference must be rewritten; `problem` when it cannot resolve. */
export interface Resolved {
  readonly src?: string;
  readonly copiedFrom?: string;
  readonly problem?: string;
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;
// Sass is compiled by Jekyll, never served as it is.
const NOT_PUBLISHED = /\.(scss|sass)$/i;

/** The copies an import makes, each target claimed by one source. */
export class AssetPlan {
  private readonly byTarget = new Map<string, string>();
  private readonly has: ReadonlySet<string>;

  constructor(private readonly tree: SourceTree, private readonly shape: SiteShape) {
    this.has = new Set(tree.paths);
  }

  /** The copies, sorted by target. */
  copies(): PlannedCopy[] {
    return [...this.byTarget].map(([to, from]) => ({ from, to })).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }

  /** The generator's published folders, whole. */
  copyStatic(): void {
    for (const dir of this.shape.staticDirs) {
      for (const p of this.tree.paths) {
        if (!p.startsWith(`${dir}/`) || NOT_PUBLISHED.test(p) || p.split('/').some((s) => s.startsWith('.'))) continue;
        this.claim(p, `public/${this.fromPublicRoot(p)}`);
      }
    }
  }

  /** A page bundle's own files, into `<folder>/<slug>/`. */
  copyBundle(post: SourcePost, folder: string, slug: string): void {
    if (!post.bundle) return;
    for (const p of this.tree.paths) {
      if (p.startsWith(`${post.bundle}/`) && !MARKDOWN.test(p) && !p.split('/').some((s) => s.startsWith('.'))) {
        this.claim(p, `${folder}/${slug}/${p.slice(post.bundle.length + 1)}`);
      }
    }
  }

  /** Resolves a local reference of a post that becomes the note `folder/slug.md`, copying what it points to. */
  resolve(src: string, post: SourcePost, folder: string, slug: string): Resolved {
    let clean: string;
    try {
      clean = decodeURI(src.replace(/[?#].*$/, ''));
    } catch {
      clean = src;
    }
    if (clean.startsWith('/')) {
      const from = posix.join(this.shape.publicRoot || '.', clean.slice(1));
      if (from.startsWith('..')) return { problem: 'points outside the blog folder' };
      if (!this.has.has(from)) return { problem: `is not in the blog either (looked for ${from})` };
      const to = `public/${this.fromPublicRoot(from)}`;
      // `/a/../b.png` reaches the same file as `/b.png` only if the site root is the published folder.
      if (to !== posix.join('public', clean)) return { problem: `leaves the blog's published folder (${this.shape.publicRoot || 'the blog folder'})` };
      return this.claim(from, to) ? {} : { problem: `cannot be copied: ${to} is taken by another file` };
    }
    const from = posix.normalize(posix.join(posix.dirname(post.path), clean));
    if (from.startsWith('..')) return { problem: 'points outside the blog folder' };
    if (!this.has.has(from)) return { problem: `is not in the blog either (looked for ${from})` };
    if (post.bundle && from.startsWith(`${post.bundle}/`)) {
      const rel = from.slice(post.bundle.length + 1);
      this.claim(from, `${folder}/${slug}/${rel}`);
      return { src: `./${slug}/${encodePath(rel)}`, copiedFrom: from };
    }
    const beside = posix.normalize(posix.join(folder, clean));
    if (beside.startsWith(`${folder}/`) && !MARKDOWN.test(beside) && this.claim(from, beside)) return {};
    const name = posix.basename(from);
    const dot = name.lastIndexOf('.');
    for (let i = 1; ; i++) {
      const candidate = i === 1 ? name : dot > 0 ? `${name.slice(0, dot)}-${i}${name.slice(dot)}` : `${name}-${i}`;
      if (this.claim(from, `${folder}/${slug}/${candidate}`)) return { src: `./${slug}/${encodePath(candidate)}`, copiedFrom: from };
    }
  }

  /** Content-relative path of a root-relative URL's file in the blog's published folder. */
  private fromPublicRoot(p: string): string {
    return this.shape.publicRoot ? p.slice(this.shape.publicRoot.length + 1) : p;
  }

  /** Takes a target for a source; true when it is free, already this source's, or holds the same bytes. */
  private claim(from: string, to: string): boolean {
    const owner = this.byTarget.get(to);
    if (owner === undefined) {
      this.byTarget.set(to, from);
      return true;
    }
    return owner === from || sameBytes(this.tree.read(owner), this.tree.read(from));
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}
