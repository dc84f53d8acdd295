/**
 * Turning a file's bytes into text, or into a precise reason why not. Shared by the
 * disk loader (site build, tests) and the extension (which reads through VS Code).
 */
import { ProblemCode } from './problems';

export type Decoded =
  | { readonly ok: true; readonly text: string }
  /** `line` and `column` (1-based) of the first bad byte, where there is one. */
  | { readonly ok: false; readonly code: ProblemCode; readonly message: string; readonly line?: number; readonly column?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's text, or why it is not UTF-8 text: binary, or the line and column (as an
 * editor shows them) of the first byte that RFC 3629 does not allow. Never throws.
 */
export function decodeContent(bytes: Uint8Array): Decoded {
  // A NUL byte in the first 8 KB is how git and grep tell binary files; markdown never has one.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, code: ProblemCode.Binary, message: 'this is a binary file, not markdown text; rename it or move it out of the content folder' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // The native decoder is fast but says nothing of where; the scan below says where.
    const { at, line, column } = firstInvalidUtf8(bytes);
    const what = at < bytes.length ? `byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}` : 'the end of the file';
    return {
      ok: false, code: ProblemCode.NotUtf8, line, column,
      message: `the file is not valid UTF-8: ${what} at line ${line}, column ${column}; save it as UTF-8 (it may be Latin-1 or Windows-1252)`,
    };
  }
}

/**
 * The first byte that starts an ill-formed sequence, per RFC 3629 section 4: C0, C1 and
 * F5-FF never appear; after E0, ED, F0 and F4 the second byte is narrowed so that overlong
 * forms, surrogates (U+D800-DFFF) and code points above U+10FFFF are refused.
 *
 * Its place is counted as an editor counts it: a line ends at LF, CR LF or a lone CR; the
 * column is 1 + the UTF-16 code units before it on its line (a byte-order mark at the start
 * of the file is not shown, so not counted).
 */
function firstInvalidUtf8(bytes: Uint8Array): { at: number; line: number; column: number } {
  let line = 1;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = lineStart;
  for (; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n === 0) break;
    i += n;
  }
  let column = 1;
  for (let k = lineStart; k < i; k++) {
    const b = bytes[k];
    // A character starts at every byte that is not a continuation; four-byte ones are two UTF-16 units.
    if ((b & 0xc0) !== 0x80) column += b >= 0xf0 ? 2 : 1;
  }
  return { at: i, line, column };
}

/** The length of the well-formed multi-byte sequence at `i`, or 0 if it is ill-formed or cut short. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  let n: number;
  // The allowed range of the second byte; later bytes are any continuation byte (80-BF).
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > bytes.length) return 0;
  const second = bytes[i + 1];
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return n;
}
