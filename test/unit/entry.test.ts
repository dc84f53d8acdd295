import { strict as assert } from 'node:assert';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { parseEntry } from '../../extension/core/entry';
import { parseProfile } from '../../extension/core/profile';
import { formatProblem } from '../../extension/core/problems';

const note = DEFAULT_TABLE.spec('note');
const problems = (text: string, kind = note) =>
  parseEntry('notes/x.md', text, kind).problems.map((p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.code}${p.field ? ` ${p.field}` : ''}`);

describe('entry', () => {
  it('parses a valid note into its derived facts', () => {
    const e = parseEntry('notes/hello-world.md', '---\ntitle: Hello, world\ndate: 2026-06-01\nsummary: Hi.\ntags: [rust, net]\nseries: S\nmood: calm # kept\n---\n\nSome words here.\n', note);
    assert.deepEqual(e.problems, []);
    assert.equal(e.title, 'Hello, world');
    assert.equal(e.slug, 'hello-world');
    assert.equal(e.url, '/notes/hello-world');
    assert.equal(e.date, '2026-06-01');
    assert.deepEqual(e.tags, ['rust', 'net']);
    assert.deepEqual(e.series, ['S']);
    assert.equal(e.data.mood, 'calm');
    assert.equal(e.draft, false);
    assert.equal(e.bodyLine, 9);
    assert.deepEqual(e.reading, { words: 3, codeWords: 0, minutes: 1 });
    assert.equal(e.excerpt, 'Some words here.');
  });
  it('reports broken YAML where it is', () => {
    assert.deepEqual(problems('---\ntitle: "abc\ndate: 2026-01-01\n---\nbody'), ['2:8-2:9 yaml-syntax']);
    assert.deepEqual(problems('---\ntitle: a\ntags:\n\t- x\ndate: 2026-01-01\n---\n'), ['4:1-4:2 yaml-syntax']);
    assert.deepEqual(problems('---\ntitle: a\ntitle: b\ndate: 2026-01-01\n---\n'), ['3:1-3:2 yaml-syntax']);
    assert.deepEqual(problems('---\n- a\n- b\n---\n'), ['2:1-2:1 frontmatter-not-map']);
  });
  it('reports frontmatter that never closes, and no false YAML errors from the body', () => {
    assert.deepEqual(problems('---\ntitle: a\ndate: 2026-01-01\n# Heading: with colon\n- list'), ['1:1-1:4 frontmatter-unclosed']);
  });
  it('reports missing frontmatter and missing or empty required fields', () => {
    assert.deepEqual(problems(''), ['1:1-1:1 frontmatter-missing']);
    assert.deepEqual(problems('---\ndate: 2026-06-01\n---\n'), ['3:1-3:4 missing-field title']);
    assert.deepEqual(problems('---\ntitle:\ndate: 2026-06-01\n---\n'), ['2:1-2:6 missing-field title']);
    assert.deepEqual(problems('---\ntitle: a\n---\n', DEFAULT_TABLE.spec('case-study')), ['3:1-3:4 missing-field category']);
  });
  it('reports wrong values with the field and a plain message', () => {
    const [bad] = parseEntry('notes/x.md', '---\ntitle: a\ndate: 2026-13-45\n---\n', note).problems;
    assert.equal(formatProblem(bad), 'notes/x.md:3:7: error: `date` "2026-13-45" is not a real date written YYYY-MM-DD');
    assert.deepEqual(problems('---\ntitle: a\ndate: 20260601\n---\n'), ['3:7-3:15 invalid-date date']);
    assert.deepEqual(problems('---\ntitle: a\ndate: 2026-06-01\ntags: rust\n---\n'), ['4:7-4:11 wrong-type tags']);
    assert.deepEqual(problems('---\ntitle: 42\ndate: 2026-06-01\ndraft: yes\n---\n'), ['2:8-2:10 wrong-type title', '4:8-4:11 wrong-type draft']);
  });
  it('handles a byte-order mark and CRLF line endings', () => {
    assert.deepEqual(problems('\uFEFF---\r\ntitle: a\r\ndate: 2026-13-45\r\n---\r\nbody\r\n'), ['3:7-3:17 invalid-date date']);
    const e = parseEntry('notes/x.md', '\uFEFF---\r\ntitle: a\r\ndate: 2026-06-01\r\n---\r\nbody\r\n', note);
    assert.equal(e.title, 'a');
    assert.equal(e.body, 'body\r\n');
  });
  it('accepts a file that is only frontmatter', () => {
    assert.deepEqual(problems('---\ntitle: a\ndate: 2026-01-01\n---'), []);
  });
  it('names open-source entries by project', () => {
    const e = parseEntry('open-source/x.md', '---\nproject: Inkscape\nrole: developer\n---\n', DEFAULT_TABLE.spec('open-source'));
    assert.equal(e.title, 'Inkscape');
    assert.deepEqual(e.problems, []);
  });
  it('reads the profile with the focus card in the order written', () => {
    const p = parseProfile('index.md', '---\nrole: R\nfocus:\n  zeta: 1\n  alpha: a, b\nlinks:\n  - { label: gh, url: https://github.com/x }\n---\nBody\n');
    assert.deepEqual(p.focus, [['zeta', '1'], ['alpha', 'a, b']]);
    assert.deepEqual(p.links, [{ label: 'gh', url: 'https://github.com/x' }]);
    assert.equal(p.body, 'Body\n');
    assert.deepEqual(parseProfile('index.md', '---\nfocus: 3\n---\n').problems.map((x) => x.code), ['missing-field', 'wrong-type']);
  });
});
