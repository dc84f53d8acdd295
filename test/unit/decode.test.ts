import { strict as assert } from 'node:assert';
import { decodeContent } from '../../extension/core/decode';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
/** Line, column and message of a refused file; fails the test if it was accepted. */
function refused(b: Uint8Array): [number | undefined, number | undefined, string] {
  const r = decodeContent(b);
  assert.ok(!r.ok, 'should be refused');
  assert.equal(r.code, 'not-utf8');
  return [r.line, r.column, r.message];
}
const msg = (hex: string, line: number, column: number) =>
  `the file is not valid UTF-8: byte 0x${hex} at line ${line}, column ${column}; save it as UTF-8 (it may be Latin-1 or Windows-1252)`;

describe('decode', () => {
  it('decodes UTF-8 text', () => {
    assert.deepEqual(decodeContent(new TextEncoder().encode('नमस्ते')), { ok: true, text: 'नमस्ते' });
    // The edges of every range RFC 3629 allows.
    const edges = ['\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10ffff}'].join('');
    assert.deepEqual(decodeContent(new TextEncoder().encode(edges)), { ok: true, text: edges });
  });
  it('refuses binary files', () => {
    const r = decodeContent(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'binary');
  });
  it('names the first byte that is not UTF-8', () => {
    assert.deepEqual(refused(bytes([0x61, 0x62, 0xe9, 0x63])), [1, 3, msg('E9', 1, 3)]);
    // Its place as an editor shows it: characters (not bytes) before it on its line.
    assert.deepEqual(refused(bytes('---\nété ', [0xff])), [2, 5, msg('FF', 2, 5)]);
  });
  it('refuses, without throwing, a surrogate, an overlong form and a code point above U+10FFFF', () => {
    assert.deepEqual(refused(bytes([0x61, 0xed, 0xa0, 0x80, 0x62])), [1, 2, msg('ED', 1, 2)]);
    assert.deepEqual(refused(bytes([0x61, 0xe0, 0x80, 0x80])), [1, 2, msg('E0', 1, 2)]);
    assert.deepEqual(refused(bytes([0x61, 0xf4, 0x90, 0x80, 0x80])), [1, 2, msg('F4', 1, 2)]);
    // The other overlong leads, and the lead bytes that are never valid.
    assert.deepEqual(refused(bytes([0x61, 0xf0, 0x8f, 0xbf, 0xbf])), [1, 2, msg('F0', 1, 2)]);
    for (const b of [0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff]) assert.deepEqual(refused(bytes('ab', [b, 0x80, 0x80, 0x80])).slice(0, 2), [1, 3], b.toString(16));
  });
  it('counts lines as an editor does: a bad first byte is on line 1; LF, CR LF and a lone CR each end a line', () => {
    assert.deepEqual(refused(bytes([0xc9], 'tude\n---\n')), [1, 1, msg('C9', 1, 1)]);
    assert.deepEqual(refused(bytes([0x80], '\n')), [1, 1, msg('80', 1, 1)]);
    assert.deepEqual(refused(bytes('a\n', [0xff])), [2, 1, msg('FF', 2, 1)]);
    assert.deepEqual(refused(bytes('a\r\n', [0xff])), [2, 1, msg('FF', 2, 1)]);
    assert.deepEqual(refused(bytes('a\r\nb\r\n\r\n', [0x80, 0x62])), [4, 1, msg('80', 4, 1)]);
    assert.deepEqual(refused(bytes('a\rb\r', [0xff])), [3, 1, msg('FF', 3, 1)]);
  });
  it('names the lead byte of a sequence cut short, by a line end or by the end of the file', () => {
    assert.deepEqual(refused(bytes('a', [0xe2], '\nb')), [1, 2, msg('E2', 1, 2)]);
    assert.deepEqual(refused(bytes('x\r\n€ ', [0xe2, 0x82])), [2, 3, msg('E2', 2, 3)]);
    assert.deepEqual(refused(bytes('x\n', [0xf0, 0x9f, 0x9a])), [2, 1, msg('F0', 2, 1)]);
  });
  it('counts a four-byte character as two columns and does not count a leading byte-order mark', () => {
    assert.deepEqual(refused(bytes('🚀a', [0xff])), [1, 4, msg('FF', 1, 4)]);
    assert.deepEqual(refused(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff])), [1, 3, msg('FF', 1, 3)]);
  });
  it('agrees with the WHATWG decoder on every pair of leading bytes: refused exactly when it would put U+FFFD, and at the first one', () => {
    const lenient = new TextDecoder('utf-8');
    for (let b0 = 1; b0 < 256; b0++) {
      for (let b1 = 1; b1 < 256; b1++) {
        const input = new Uint8Array([0x78, b0, b1, 0x80, 0x80, 0x79]);
        const text = lenient.decode(input);
        const r = decodeContent(input);
        const where = `${b0.toString(16)} ${b1.toString(16)}`;
        if (!text.includes('\ufffd')) assert.deepEqual(r, { ok: true, text }, where);
        else {
          assert.equal(r.ok, false, where);
          // Only these bytes are line ends; the editor's column is the first replacement character's.
          const before = text.slice(0, text.indexOf('\ufffd'));
          const line = before.split(/\r\n|\r|\n/).length;
          const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
          assert.deepEqual(!r.ok && [r.line, r.column], [line, column], where);
        }
      }
    }
  });
});
