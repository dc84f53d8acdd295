/**
 * Turning a file's bytes into text, or into a precise reason why not. Shared by the
 * disk loader (site build, tests) and the extension (which reads through VS Code).
 */
import { ProblemCode } from './problems';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: ProblemCode; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeContent(bytes: Uint8Array): Decoded {
  // A NUL byte in the first 8 KB is how git and grep tell binary files; markdown never has one.
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, code: ProblemCode.Binary, message: 'this is a binary file, not markdown text; rename it or move it out of the content folder' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, code: ProblemCode.NotUtf8, message: `the file is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8` };
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
