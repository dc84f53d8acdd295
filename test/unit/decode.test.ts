import { strict as assert } from 'node:assert';
import { decodeContent } from '../../extension/core/decode';

describe('decode', () => {
  it('decodes UTF-8 text', () => {
    assert.deepEqual(decodeContent(new TextEncoder().encode('नमस्ते')), { ok: true, text: 'नमस्ते' });
  });
  it('refuses binary files', () => {
    const r = decodeContent(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'binary');
  });
  it('names the first byte that is not UTF-8', () => {
    const r = decodeContent(new Uint8Array([0x61, 0x62, 0xe9, 0x63]));
    assert.equal(!r.ok && r.message, 'the file is not valid UTF-8: byte 0xE9 at line 1, column 3; save it as UTF-8 (it may be Latin-1 or Windows-1252)');
    // Its place as an editor shows it: characters (not bytes) before it on its line.
    const r2 = decodeContent(new Uint8Array([...new TextEncoder().encode('---\nété '), 0xff]));
    assert.deepEqual(!r2.ok && [r2.line, r2.column], [2, 5]);
  });
});
