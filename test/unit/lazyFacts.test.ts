/**
 * What an entry works out on first use (reading time, excerpt, problems, aliases) is
 * what a full parse of the same file gives, on the seed notebook and the test corpus;
 * and a file read for the index is the text `decodeContent` gives for its bytes.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { entryProblems, parseEntry } from '../../extension/core/entry';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { excerpt, readingStats } from '../../extension/core/reading';
import { frontmatterData, splitFile } from '../../extension/core/frontmatter';
import { readAliases } from '../../extension/core/aliases';
import { decodeContent } from '../../extension/core/decode';
import { loadNotebook, readDecoded } from '../../extension/core/node/load';

const repo = path.join(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

/** Every fact of an entry, the lazy ones computed the eager way from the same text. */
function assertLazyEqualsEager(rel: string, text: string, kindId: string): void {
  const kind = DEFAULT_TABLE.spec(kindId);
  const e = parseEntry(rel, text, kind);
  assert.equal(e.knownProblems, undefined, `${rel}: problems are not worked out before they are asked for`);
  const split = splitFile(rel, text);
  assert.equal(e.body, split.body, rel);
  assert.equal(e.bodyLine, split.bodyLine, rel);
  if (!split.problems.length) assert.deepEqual(e.data, frontmatterData(split), rel);
  assert.deepEqual(e.reading, readingStats(split.body), rel);
  assert.equal(e.excerpt, excerpt(split.body), rel);
  assert.deepEqual(e.aliases, readAliases(rel, split).aliases, rel);
  const problems = entryProblems(rel, text, kind);
  assert.deepEqual(e.problems, problems, rel);
  assert.equal(e.knownProblems, e.problems, `${rel}: once worked out, the problems are kept`);
  // Asked again, the same objects: worked out once.
  assert.equal(e.reading, e.reading, rel);
}

describe('lazily worked out facts of entries', () => {
  it('equal those of a full parse for every entry of the seed notebook', async () => {
    const root = path.join(repo, 'content');
    const nb = await loadNotebook(root);
    assert.ok(nb.size > 5, 'the seed notebook has entries');
    for (const kind of nb.kinds.all) {
      for (const e of nb.all(kind.id)) assertLazyEqualsEager(e.path, readFileSync(path.join(root, e.path), 'utf8'), e.kind);
    }
  });

  it('equal those of a full parse for every file of the test corpus', () => {
    const root = path.join(repo, 'test/fixtures/corpus');
    const files = markdownFiles(root);
    assert.ok(files.length > 10, 'the corpus has files');
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const kind = rel.startsWith('case-studies/') ? 'case-study' : 'note';
      assertLazyEqualsEager(rel, readFileSync(file, 'utf8'), kind);
    }
  });

  it('stay out of spreads and JSON: an entry copies as its plain facts', () => {
    const e = parseEntry('notes/x.md', '---\ntitle: T\ndate: 2026-01-01\n---\n\nWords.\n', DEFAULT_TABLE.spec('note'));
    const copy = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    assert.equal(copy.title, 'T');
    assert.equal(copy.body, '\nWords.\n');
    assert.equal(JSON.stringify(e).includes('---'), false, 'the file text is not copied');
  });
});

describe('reading a file for the index', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-read-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, Uint8Array][] = [
    ['ascii', Buffer.from('---\ntitle: a\n---\nbody\n')],
    ['empty', Buffer.alloc(0)],
    ['non-ASCII', Buffer.from('---\ntitle: café 東京 🚀\n---\nnaïve\r\n')],
    ['byte-order mark', Buffer.from('\uFEFF---\ntitle: a\n---\n')],
    ['a second byte-order mark kept', Buffer.from('\uFEFF\uFEFFtext')],
    ['NUL at the start: binary', Buffer.from('a\0b')],
    ['NUL after 8 KB: text', Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.from([0]), Buffer.from('y')])],
    ['not UTF-8', Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x63])],
    ['a cut-off sequence at the end', Buffer.from([0x61, 0xe2, 0x82])],
    ['a real U+FFFD', Buffer.from('a\uFFFDb')],
    ['a surrogate encoded', Buffer.from([0x61, 0xed, 0xa0, 0x80])],
  ];
  for (const [name, bytes] of cases) {
    it(`gives decodeContent's answer: ${name}`, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.md`);
      writeFileSync(file, bytes);
      assert.deepEqual(readDecoded(file), decodeContent(bytes));
    });
  }
});
