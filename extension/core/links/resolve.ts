/**
 * Where one link leads, decided against what the site will hold: a note or page of the
 * notebook (and a heading in it), a page Notepress generates (a kind's list, tags,
 * series), a feed, a file (in `public/`, or beside the note), or an address elsewhere.
 * The rules follow VitePress's: a path with no extension, `.md` or `.html` is a page
 * (`filesOfUrl`), anything else a file; a root path to a file is served from `public/`.
 */
import { posix } from 'node:path';
import { filesOfUrl, pageFile, resolveLink } from '../urls';
import { PUBLIC_DIR } from '../kinds';
import { ProblemCode } from '../problems';
import type { Heading } from './headings';
import type { NoteLink } from './read';
import { closest } from '../suggest';

/** What a resolver may ask about the notebook. Each question is one dependency of the answer (see `linkIndex.ts`). */
export interface LinkTargets {
  /** The note or page at a content path (`notes/a.md`, `about.md`, `index.md`). */
  note(path: string): { readonly title: string; readonly draft: boolean } | undefined;
  /** Its headings. */
  headings(path: string): readonly Heading[];
  /** Whether a content path is a page Notepress generates or a kind's list (`notes/index.md`, `tags/x.md`), or a feed. */
  generated(path: string): boolean;
  /** Notes and pages a wikilink's target names: by content path, file name, or title. */
  named(target: string): readonly string[];
  /** The published note or page an old address (`aliases:`) redirects to, by the file the site writes for it. */
  alias(file: string): string | undefined;
}

export interface Resolution {
  /** The note or page it leads to (for backlinks and renames), even when its heading is wrong. */
  readonly target?: string;
  /** It leads there through an old address, which redirects: a rename leaves it as written. */
  readonly viaAlias?: boolean;
  /** A file that must exist on disk for the link to lead somewhere. */
  readonly file?: string;
  /** What is wrong; with `file`, only if that file does not exist. */
  readonly problem?: { readonly code: ProblemCode; readonly message: string };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PAGE_EXT = /(^|\/)[^/]*\.(md|html)$|(^|\/)[^/.]*$|\/$/;

const dead = (message: string, code: ProblemCode = ProblemCode.DeadLink) => ({ code, message });

/** Resolves one link of the note at `from` (whose own headings are `own`; drafts may link to drafts). */
export function resolveOne(from: string, fromDraft: boolean, link: NoteLink, own: readonly Heading[], t: LinkTargets): Resolution {
  if (link.form === 'wiki') return resolveWiki(from, fromDraft, link, own, t);
  const href = link.href.trim();
  // As browsers read an address: control characters and whitespace inside a scheme are
  // ignored (`java\tscript:`), and a backslash is a slash (`/\\host` leaves the site).
  const bare = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').replace(/\\/g, '/');
  if (!href || SCHEME.test(bare) || bare.startsWith('//')) return {};
  const hash = href.indexOf('#');
  const fragment = hash >= 0 ? href.slice(hash + 1) : '';
  const pathPart = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '');
  const shown = `link "${href}"`;
  if (!pathPart) return anchorIn(fragment, own, shown, 'this note');
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    return { problem: dead(`${shown} is not a valid address (a stray %)`) };
  }
  const rooted = decoded.startsWith('/');
  const local = rooted ? decoded.slice(1) : posix.normalize(posix.join(posix.dirname(from), decoded));
  if (!rooted && (local === '..' || local.startsWith('../'))) return { problem: dead(`${shown} points outside the content folder`) };
  if (PAGE_EXT.test(decoded)) {
    // `a.md` and `a.html` name that file only; `a` may also be the folder `a/`'s index.
    const all = filesOfUrl(resolveLink(from, pathPart));
    const candidates = /\.(md|html)$/i.test(decoded) ? all.slice(0, 1) : all;
    for (const c of candidates) {
      const note = t.note(c);
      if (note) {
        if (note.draft && !fromDraft) return { target: c, problem: dead(`${shown} leads to ${c}, a draft: it is not published`) };
        return { target: c, ...anchorIn(fragment, c === from ? own : t.headings(c), shown, c) };
      }
      if (t.generated(c)) return {};
    }
    // An old address of a page redirects to it (aliases.ts).
    const redirected = t.alias(pageFile(resolveLink(from, pathPart)));
    if (redirected) return { target: redirected, viaAlias: true };
    // VitePress also accepts an HTML file in public/ (`/demo` or `/demo.html` for public/demo.html).
    const stem = candidates[0].replace(/\.md$/, '');
    const generatedKind = /^(tags|series)\/([^/]+)$/.exec(stem);
    if (generatedKind) {
      const what = generatedKind[1] === 'tags' ? `has the tag "${generatedKind[2]}"` : `is in the series "${generatedKind[2]}"`;
      return { problem: dead(`${shown} leads to no ${generatedKind[1] === 'tags' ? 'tag' : 'series'} page: no published entry ${what}`) };
    }
    return { file: posix.join(PUBLIC_DIR, `${stem}.html`), problem: dead(`${shown} leads to no page (looked for ${candidates.join(' and ')})`) };
  }
  if (rooted && t.generated(local)) return {};
  if (!rooted && (local === PUBLIC_DIR || local.startsWith(`${PUBLIC_DIR}/`))) {
    return { problem: dead(`${shown}: files in public/ are published at the site's root, so link /${local.slice(PUBLIC_DIR.length + 1)}`) };
  }
  const file = rooted ? posix.join(PUBLIC_DIR, local) : local;
  if (file.split('/').some((s) => s.startsWith('.'))) return { problem: dead(`${shown} leads into a hidden folder, which is not published`) };
  return { file, problem: dead(`${shown} leads to no file (looked for ${file})`, ProblemCode.MissingFile) };
}

/** A `#fragment` checked against a note's heading anchors, as VitePress makes them. */
function anchorIn(fragment: string, headings: readonly Heading[], shown: string, where: string): Resolution {
  if (!fragment) return {};
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    id = fragment;
  }
  if (headings.some((h) => h.slug === id)) return {};
  const near = closest(id, headings.map((h) => h.slug));
  return { problem: dead(`${shown} leads to no heading "#${id}" in ${where}${near ? ` (did you mean #${near}?)` : ''}`) };
}

function resolveWiki(from: string, fromDraft: boolean, link: NoteLink, own: readonly Heading[], t: LinkTargets): Resolution {
  const w = link.wiki!;
  const shown = `[[${w.target}${w.heading ? `#${w.heading}` : ''}]]`;
  if (!w.target) return headingIn(w.heading!, own, shown, 'this note');
  const found = t.named(w.target);
  if (found.length === 0) return { problem: dead(`${shown} names no note or page (by title, file name or path)`) };
  if (found.length > 1) {
    return { problem: dead(`${shown} is ambiguous: it names ${found.join(' and ')}; write the path, as [[${found[0].replace(/\.md$/, '')}]]`, ProblemCode.AmbiguousLink) };
  }
  const target = found[0];
  if (!fromDraft && t.note(target)?.draft) return { target, problem: dead(`${shown} leads to ${target}, a draft: it is not published`) };
  return { target, ...(w.heading ? headingIn(w.heading, target === from ? own : t.headings(target), shown, target) : {}) };
}

/** A wikilink's heading, written as its text or as its anchor. */
function headingIn(heading: string, headings: readonly Heading[], shown: string, where: string): Resolution {
  if (wikiHeading(heading, headings)) return {};
  const near = closest(heading, headings.map((h) => h.text));
  return { problem: dead(`${shown} names no heading "${heading}" in ${where}${near ? ` (did you mean "${near}"?)` : ''}`) };
}

/** The heading a wikilink's `#heading` means: by its text (any case), else by its anchor. */
export function wikiHeading(heading: string, headings: readonly Heading[]): Heading | undefined {
  const key = heading.trim().toLowerCase();
  return headings.find((h) => h.text.toLowerCase() === key) ?? headings.find((h) => h.slug === heading.trim());
}
