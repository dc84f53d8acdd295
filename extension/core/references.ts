/**
 * Local files a note refers to (images), with their positions, so a missing one is a
 * `path:line:column` problem before the site build, rather than the bundler's crash
 * and stack trace in the middle of it. Pure: resolving against the disk is the caller's.
 */
import { posix } from 'node:path';

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
