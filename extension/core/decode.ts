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

export function decodeContent(bytes: Uint8Array): Decoded {
  // A NUL byte in the first 8 KB is how git and grep tell binary files; markdown never has one.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, code: ProblemCode.Binary, message: 'this is a binary file, not markdown text; rename it or move it out of the content folder' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Where an editor would show it: the line, and the characters before it on that line.
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const column = utf8.decode(bytes.subarray(lineStart, at)).length + 1;
    const hex = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? 'end of file';
    return {
      ok: false, code: ProblemCode.NotUtf8, line, column,
      message: `the file is not valid UTF-8: byte 0x${hex} at line ${line}, column ${column}; save it as UTF-8 (it may be Latin-1 or Windows-1252)`,
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
