import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileProblems, loadNotebook } from '../../extension/core/node/load';
import { formatProblem } from '../../extension/core/problems';
import { fillTemplate, defaultTemplate } from '../../extension/core/templates';
import { parseEntry } from '../../extension/core/entry';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { isSafeSlug, uniqueFileName } from '../../extension/core/slug';
import { BROKEN, DISK_PROBLEMS, HUGE_BYTES, VALID, writeCorpus, writeDamagedNotebook, DAMAGE_PROBLEM } from '../fixtures/corpus';

describe('bad and hostile input corpus: the core', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-corpus-'));
    writeCorpus(dir, { loop: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every broken file with its exact problems, and nothing for the valid ones', async () => {
    const nb = await loadNotebook(dir);
    const found = [...nb.problems(), ...fileProblems(nb, dir)].map((p) => formatProblem(p));
    const expected = BROKEN.flatMap((c) => c.problems);
    assert.deepEqual([...found].sort(), [...expected].sort());
    // The notebook-only pass finds all but the ones that need the disk.
    assert.deepEqual(nb.problems().map((p) => formatProblem(p)).sort(), expected.filter((p) => !DISK_PROBLEMS.has(p)).sort());
  });

  it('loads every valid file with its title, whatever its encoding details or size', async () => {
    const nb = await loadNotebook(dir);
    for (const c of VALID) {
      const e = nb.get(c.file);
      assert.ok(e, c.file);
      assert.equal(e.title, c.title, c.what);
      assert.deepEqual(e.problems, [], c.what);
    }
    assert.ok(statSync(path.join(dir, 'notes/huge.md')).size >= HUGE_BYTES);
    assert.ok(nb.get('notes/huge.md')!.reading.minutes > 3000);
  });

  it('does not follow a symbolic link that loops back up', async () => {
    const nb = await loadNotebook(dir);
    assert.deepEqual(nb.paths().filter((p) => p.includes('loop')), []);
    assert.equal(nb.paths().length, BROKEN.length + VALID.length);
  });

  it('makes a safe file name inside the folder from hostile titles, or refuses with a reason', () => {
    const safe: [string, string][] = [
      ['../../etc/passwd', 'etc-passwd.md'], ['a/b', 'a-b.md'], ['CON', 'con-note.md'], ['.hidden', 'hidden.md'],
      ['$(touch /tmp/x)', 'touch-tmp-x.md'], ['`touch /tmp/y`', 'touch-tmp-y.md'], ['नमस्ते दुनिया', 'नमस्ते-दुनिया.md'],
    ];
    for (const [title, name] of safe) {
      const made = uniqueFileName(title, []);
      assert.equal(made, name, title);
      assert.ok(isSafeSlug(made.replace(/\.md$/, '')), title);
      assert.equal(path.posix.normalize(`notes/${made}`), `notes/${made}`, 'stays in the folder');
    }
    assert.equal(uniqueFileName('x'.repeat(300), []).length, 80 + 3);
    for (const title of ['🚀🔥', '', '   ']) assert.throws(() => uniqueFileName(title, []), /no letters or digits/, JSON.stringify(title));
  });

  it('writes hostile titles into frontmatter as plain strings that parse back exactly', () => {
    for (const title of ['a: b', '#1', '"quoted"', "it's", '- dash', '[x]', '{y}', '$(touch /tmp/x)', '`cmd`', 'x'.repeat(300), 'नमस्ते', 'null', 'true', '2026-01-01', '*star', '&anchor', '!tag', '|', '>', '%', '@']) {
      const { text } = fillTemplate(defaultTemplate(DEFAULT_TABLE.spec('note')), { title, date: '2026-05-01' });
      const e = parseEntry('notes/x.md', text, DEFAULT_TABLE.spec('note'));
      assert.deepEqual(e.problems, [], title);
      assert.equal(e.title, title);
    }
  });

  it('scale with damage: 10,000 notes of which 1% are broken are all loaded, and every broken one is reported', async () => {
    const big = mkdtempSync(path.join(os.tmpdir(), 'notepress-damage-'));
    try {
      const broken = writeDamagedNotebook(big);
      const nb = await loadNotebook(big);
      assert.equal(nb.size, 10_000);
      assert.deepEqual(nb.problems().map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`), broken.map((b) => `${b}:3:7: ${DAMAGE_PROBLEM}`));
      assert.equal(broken.length, 100);
      assert.equal(nb.list('note').length, 10_000);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('corpus files on disk are what the manifest says (a CRLF file is CRLF, a BOM file starts with one)', () => {
    assert.match(readFileSync(path.join(dir, 'notes/crlf.md'), 'latin1'), /\r\n/);
    assert.equal(readFileSync(path.join(dir, 'notes/byte-order-mark.md')).subarray(0, 3).toString('hex'), 'efbbbf');
    assert.ok(readFileSync(path.join(dir, 'notes/binary.md')).includes(0));
  });
});
