/**
 * Local files a note refers to (images), with their positions, so a missing one is a
 * `path:line:column` problem before the site build, rather than the bundler's crash
 * and stack trace in the middle of it. Pure: resolving against the disk is the caller's.
 */
import { posix } from 'node:path';
import { chartBlocks, parseChart } from './chart/index';
import { Problem, ProblemCode } from './problems';

export interface LocalRef {
  /** As written in the note. */
  readonly src: string;
  /** Content-relative path the reference points to. */
  readonly target: string;
  readonly line: number;
  readonly column: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MD_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;

/**
 * Images with a local path in a note's body (`./a.png`, `../b.svg`, `/c.png` for the
 * site's `public/` folder). Lines are file lines: `bodyLine` is the body's first.
 */
export function localImageRefs(relPath: string, body: string, bodyLine: number): LocalRef[] {
  const out: LocalRef[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((text, i) => {
    if (fence) {
      if (text.trimStart().startsWith(fence)) fence = undefined;
      return;
    }
    const open = FENCE.exec(text);
    if (open) {
      fence = open[1];
      return;
    }
    for (const re of [MD_IMAGE, HTML_IMAGE]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const src = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('#')) continue;
        let clean: string;
        try {
          clean = decodeURI(src.replace(/[?#].*$/, ''));
        } catch {
          clean = src;
        }
        const target = clean.startsWith('/')
          ? posix.join('public', clean)
          : posix.normalize(posix.join(posix.dirname(relPath), clean));
        out.push({ src, target, line: bodyLine + i, column: m.index + m[0].lastIndexOf(src) + 1 });
      }
    }
  });
  return out;
}

/** How the checks below see the disk: content-relative paths in, no exceptions out. */
export interface ContentFiles {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(target: string): string | undefined;
  isFile(target: string): boolean;
}

/**
 * Problems of what an entry refers to on disk: local images that do not exist, and
 * charts whose data file is missing or holds bad data. The site build runs this before
 * rendering; the extension runs it for open notes with a reader that sees unsaved edits.
 */
export function referenceProblems(e: { path: string; body: string; bodyLine: number }, files: ContentFiles): Problem[] {
  const out: Problem[] = [];
  for (const ref of localImageRefs(e.path, e.body, e.bodyLine)) {
    const inside = !ref.target.startsWith('..');
    if (inside && files.isFile(ref.target)) continue;
    out.push({
      file: e.path, line: ref.line, column: ref.column, endLine: ref.line, endColumn: ref.column + ref.src.length,
      code: ProblemCode.MissingFile, severity: 'error',
      message: inside ? `image "${ref.src}" does not exist (looked for ${ref.target})` : `image "${ref.src}" points outside the content folder`,
    });
  }
  for (const b of chartBlocks(e.body, e.bodyLine)) {
    // Charts with inline data were checked when the entry was parsed: not parsed again here.
    if (!/^data\s*:/m.test(b.source)) continue;
    const parsed = parseChart(b.source, { file: e.path, line: b.line, read: (t) => files.read(t) });
    if (parsed.dataFile) out.push(...parsed.problems);
  }
  return out;
}
