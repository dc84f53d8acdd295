/**
 * Local files a note refers to (images and video), with their positions, so a missing one is a
 * `path:line:column` problem before the site build, rather than the bundler's crash
 * and stack trace in the middle of it. Pure: resolving against the disk is the caller's.
 */
import { posix } from 'node:path';
import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';
import { chartBlocks, parseChart } from './chart/index';
import { localMedia, srcsetUrls } from './sanitize';
import { Problem, ProblemCode } from './problems';

export interface LocalRef {
  /** As written in the note. */
  readonly src: string;
  /** Content-relative path the reference points to. */
  readonly target: string;
  readonly line: number;
  readonly column: number;
}

const parser = new MarkdownIt({ html: true });
/** Attributes whose local paths VitePress's Vue compiler turns into bundler imports. */
const MEDIA: Readonly<Record<string, readonly string[]>> = { img: ['src', 'srcset'], source: ['src', 'srcset'], video: ['src', 'poster'] };

type Token = { type: string; content: string; map: [number, number] | null; children: Token[] | null; attrGet(name: string): string | null };

/** The media URLs of a piece of raw HTML, as the sanitizer sees them (htmlparser2, entities decoded). */
function htmlMedia(html: string): string[] {
  const urls: string[] = [];
  new Parser({
    onopentag(name, attribs) {
      for (const attr of MEDIA[name] ?? []) {
        const v = attribs[attr];
        if (v !== undefined) urls.push(...(attr === 'srcset' ? srcsetUrls(v) : [v]));
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return urls;
}

/**
 * Local media a note's body shows, with their positions: markdown images and the
 * `src`, `srcset` and `poster` of raw `<img>`, `<source>` and `<video>`, read from
 * markdown-it's tokens (so code is never read as markup) and, for raw HTML, by the
 * parser the sanitizer uses. Only paths the sanitizer keeps are listed (see
 * `localMedia`): `./fig.png` beside the note, `/logo.png` in the site's `public/`.
 * Lines are file lines: `bodyLine` is the body's first.
 */
export function localImageRefs(relPath: string, body: string, bodyLine: number): LocalRef[] {
  const lines = body.split(/\r?\n/);
  const out: LocalRef[] = [];
  const found = (src: string, from: number) => {
    const media = localMedia(src);
    if (!media?.ok) return;
    // The position of the path as written: searched from the token's first line (an
    // entity-encoded path is not found as decoded, and points at its block's line).
    let line = from;
    let col = -1;
    for (let l = from; l < lines.length && col < 0; l++) {
      const at = out.filter((r) => r.line === bodyLine + l).reduce((m, r) => Math.max(m, r.column), 0);
      col = lines[l].indexOf(src, at);
      line = l;
    }
    if (col < 0) [line, col] = [from, 0];
    const target = media.path.startsWith('/') ? posix.join('public', media.path) : posix.normalize(posix.join(posix.dirname(relPath), media.path));
    out.push({ src, target, line: bodyLine + line, column: col + 1 });
  };
  const walk = (tokens: Token[], line: number) => {
    for (const t of tokens) {
      const at = t.map?.[0] ?? line;
      if (t.type === 'image') found(t.attrGet('src') ?? '', at);
      else if (t.type === 'html_block' || t.type === 'html_inline') htmlMedia(t.content).forEach((u) => found(u, at));
      if (t.children) walk(t.children, at);
    }
  };
  walk(parser.parse(body, {}) as Token[], 0);
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
