/**
 * The edits a rename or a move needs so that every link still leads where it led: links
 * to a moved note (markdown, reference, HTML and wikilinks, in every note), and the
 * relative links inside a moved note. Each link keeps the form it was written in:
 * relative or from the root, with `.md`, `.html` or neither, its `#heading` and query;
 * a wikilink keeps naming by path, file name or title.
 */
import { posix } from 'node:path';
import { urlOf } from '../urls';
import type { LinkIndex } from './linkIndex';

/** A move of one file, or of a folder and everything in it (content-relative paths). */
export interface Move { readonly from: string; readonly to: string; readonly folder?: boolean }

/** Text to put in place of a range of a file (1-based, end exclusive), as the file is before the move. */
export interface LinkEdit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Where a content path ends up after the moves (itself when none moves it). */
export function movedPath(path: string, moves: readonly Move[]): string {
  for (const m of moves) {
    if (path === m.from) return m.to;
    if (m.folder && path.startsWith(`${m.from}/`)) return m.to + path.slice(m.from.length);
  }
  return path;
}

/**
 * The edits that keep links working after `moves`, with `titles` the new titles of
 * renamed notes (by their old path), for wikilinks that name a note by its title.
 */
export function renameEdits(index: LinkIndex, moves: readonly Move[], titles: ReadonlyMap<string, string> = new Map()): LinkEdit[] {
  const out: LinkEdit[] = [];
  for (const source of index.paths()) {
    const sourceTo = movedPath(source, moves);
    for (const { link, resolution } of index.linksOf(source)) {
      let text: string | undefined;
      if (link.form === 'wiki') {
        const target = resolution.target;
        if (!target || !link.wiki!.target) continue;
        text = wikiTarget(link.wiki!.target, target, movedPath(target, moves), titles.get(target), index.note(target)?.title);
      } else {
        // A link to an old address still redirects after the move: left as written.
        if (resolution.viaAlias) continue;
        text = newHref(link.href, source, sourceTo, resolution.target, moves);
      }
      if (text === undefined || text === link.href) continue;
      out.push({ file: source, line: link.line, column: link.column, endLine: link.endLine, endColumn: link.endColumn, text });
    }
  }
  return out;
}

/** A wikilink's new target: the same kind of name (path, file name or title) for the note's new place or title. */
function wikiTarget(written: string, from: string, to: string, newTitle: string | undefined, title: string | undefined): string | undefined {
  const stem = (p: string) => p.replace(/\.md$/, '');
  const md = /\.md$/i.test(written) ? '.md' : '';
  if (written.replace(/\.md$/i, '').includes('/')) return from === to ? undefined : `${written.startsWith('/') ? '/' : ''}${stem(to)}${md}`;
  if (norm(written.replace(/\.md$/i, '')) === norm(posix.basename(stem(from)))) return from === to ? undefined : `${posix.basename(stem(to))}${md}`;
  return newTitle !== undefined && title !== undefined && norm(written) === norm(title) ? newTitle : undefined;
}

/** A URL link's new text, or undefined when it needs none. */
function newHref(href: string, source: string, sourceTo: string, target: string | undefined, moves: readonly Move[]): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || SCHEME.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('#') || trimmed.startsWith('?')) return undefined;
  const cut = trimmed.search(/[?#]/);
  const pathPart = cut >= 0 ? trimmed.slice(0, cut) : trimmed;
  const suffix = cut >= 0 ? trimmed.slice(cut) : '';
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    return undefined;
  }
  const rooted = decoded.startsWith('/');
  // What it leads to: the note it resolved to, else the file its path names.
  const from = target ?? (rooted ? undefined : posix.normalize(posix.join(posix.dirname(source), decoded)));
  if (!from || from.startsWith('..')) return undefined;
  const to = movedPath(from, moves);
  if (to === from && (rooted || sourceTo === source)) return undefined;
  const ext = /\.md$/i.test(decoded) ? 'md' : /\.html$/i.test(decoded) ? 'html' : target ? 'clean' : 'file';
  let path: string;
  if (rooted) path = ext === 'clean' ? urlOf(to) : `/${withExt(to, ext)}`;
  else {
    const rel = posix.relative(posix.dirname(sourceTo), ext === 'clean' ? cleanPath(to) : withExt(to, ext)) || '.';
    path = (decoded.startsWith('./') || decoded === '.') && !rel.startsWith('.') ? `./${rel}` : rel;
    if (((ext === 'clean' && /(^|\/)index\.md$/.test(to)) || decoded.endsWith('/')) && !path.endsWith('/')) path += '/';
  }
  return (pathPart === decoded ? path : encodeURI(path)) + suffix;
}

const withExt = (p: string, ext: string) => (ext === 'html' ? p.replace(/\.md$/, '.html') : p);
/** A note's path as a clean link writes it: no `.md`, and a folder's index as the folder. */
const cleanPath = (p: string) => p.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '');
