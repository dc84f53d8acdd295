import { strict as assert } from 'node:assert';
import { applyEdit, setFieldEdit, splitFile } from '../../extension/core/frontmatter';

describe('frontmatter', () => {
  it('splits frontmatter from body with exact offsets', () => {
    const s = splitFile('x.md', '---\na: 1\n---\nbody\n');
    assert.equal(s.body, 'body\n');
    assert.equal(s.bodyOffset, 13);
    assert.equal(s.bodyLine, 4);
    assert.equal(s.frontmatter?.closingLine, 3);
  });
  it('treats a file without an opening fence as all body', () => {
    const s = splitFile('x.md', 'just text\n---\n');
    assert.equal(s.frontmatter, undefined);
    assert.equal(s.body, 'just text\n---\n');
  });
  it('closes frontmatter only with `---`, as the site does, and says so where `...` was written', () => {
    const s = splitFile('x.md', '---\na: 1\n...\nbody');
    assert.deepEqual(s.problems.map((p) => [p.line, p.column, p.code, p.message, p.replacement]), [
      [3, 1, 'frontmatter-unclosed', 'frontmatter must end with `---`, not `...`: the site cannot read `...` as its end', '---'],
    ]);
    assert.equal(splitFile('x.md', '---\na: 1\n---\nbody').body, 'body');
  });
  it('edits a value in place, keeping comments, quoting and order', () => {
    const text = '---\n# my note\ntitle: "Old title" # keep me\ndate: 2026/6/1\ntags: [a]\n---\nbody\n';
    const edit = setFieldEdit(text, 'title', 'New: title');
    assert.ok(edit);
    assert.equal(applyEdit(text, edit), '---\n# my note\ntitle: "New: title" # keep me\ndate: 2026/6/1\ntags: [a]\n---\nbody\n');
    const d = setFieldEdit(text, 'date', '2026-06-01')!;
    assert.equal(applyEdit(text, d), '---\n# my note\ntitle: "Old title" # keep me\ndate: 2026-06-01\ntags: [a]\n---\nbody\n');
  });
  it('adds a missing field before the closing fence, with the file\'s line endings', () => {
    const text = '---\r\ntitle: a\r\n---\r\nbody';
    assert.equal(applyEdit(text, setFieldEdit(text, 'date', '2026-06-01')!), '---\r\ntitle: a\r\ndate: 2026-06-01\r\n---\r\nbody');
    const plain = '---\ntitle: a\n---\n';
    assert.equal(applyEdit(plain, setFieldEdit(plain, 'summary', 'a: b')!), '---\ntitle: a\nsummary: "a: b"\n---\n');
  });
  it('refuses to edit what it cannot edit safely', () => {
    assert.equal(setFieldEdit('no frontmatter', 'title', 'x'), undefined);
    assert.equal(setFieldEdit('---\ntitle: a\n', 'title', 'x'), undefined);
    assert.equal(setFieldEdit('---\ntags: [a]\n---\n', 'tags', 'x'), undefined);
  });
});
