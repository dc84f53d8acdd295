import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ImportError, notebookKinds, planImport, validateForNotebook } from '../../extension/core/import';
import { applyImport, diskExisting, importFolder } from '../../extension/core/node/importDisk';
import { FIXTURES, fixtureTree } from '../helpers/importFixtures';

/** Every file under a folder with its bytes, hashed: equal hashes, equal folders. */
function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = `${rel}/${d.name}`;
      hash.update(`${d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : 'f'}:${r}\0`);
      if (d.isDirectory()) walk(path.join(dir, d.name), r);
      else if (d.isFile()) hash.update(readFileSync(path.join(dir, d.name)));
    }
  };
  walk(root, '');
  return hash.digest('hex');
}

const plan = (name: string, content: string) => planImport(fixtureTree(name), { kinds: notebookKinds(), existing: diskExisting(content), validate: validateForNotebook });

describe('import disk', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'notepress-import-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('leaves every fixture blog byte-identical', async () => {
    for (const name of ['astro', 'hugo', 'jekyll', 'folder']) {
      const source = path.join(FIXTURES, name);
      const before = hashTree(source);
      const { result } = await importFolder(source, path.join(tmp, name), { kinds: notebookKinds(), validate: validateForNotebook });
      assert.ok(result.written.length > 0, name);
      assert.equal(hashTree(source), before, name);
    }
  });

  it('writes the planned text and copies the bytes, then writes nothing the second time', async () => {
    const source = path.join(FIXTURES, 'hugo');
    const content = path.join(tmp, 'content');
    const first = plan('hugo', content);
    const result = await applyImport(first, source, content);
    assert.deepEqual(result.written, [...first.writes.map((w) => w.path), ...first.copies.map((c) => c.to)]);
    assert.equal(result.reportPath, '.notepress/import-report.md');
    for (const w of first.writes) assert.equal(readFileSync(path.join(content, w.path), 'utf8'), w.text);
    for (const c of first.copies) assert.deepEqual(readFileSync(path.join(content, c.to)), readFileSync(path.join(source, c.from)));

    const after = hashTree(content);
    const second = plan('hugo', content);
    assert.equal(second.writes.some((w) => w.path === 'index.md'), false, 'the profile written by the first run is now the notebook\'s own');
    const again = await applyImport(second, source, content);
    assert.deepEqual(again, { written: [], unchanged: [...second.writes.map((w) => w.path), ...second.copies.map((c) => c.to)], conflicts: [], failed: [] });
    assert.equal(hashTree(content), after);
  });

  it('never overwrites a file with other content: keeps it and reports it', async () => {
    const source = path.join(FIXTURES, 'jekyll');
    const content = path.join(tmp, 'content');
    mkdirSync(path.join(content, 'notes'), { recursive: true });
    writeFileSync(path.join(content, 'notes/welcome-to-jekyll.md'), 'my own note\n');
    const result = await applyImport(plan('jekyll', content), source, content);
    assert.equal(readFileSync(path.join(content, 'notes/welcome-to-jekyll.md'), 'utf8'), 'my own note\n');
    assert.deepEqual(result.conflicts, [{ path: 'notes/welcome-to-jekyll.md', from: '_posts/2024-01-15-welcome-to-jekyll.markdown', reason: 'a file with other content is there' }]);
    assert.equal(result.written.includes('notes/welcome-to-jekyll.md'), false);
    const report = readFileSync(path.join(content, '.notepress/import-report.md'), 'utf8');
    assert.ok(report.includes('## Kept, not overwritten\n\n- [notes/welcome-to-jekyll.md:1](<../notes/welcome-to-jekyll.md#L1>): a file with other content is there; '
      + `\`${source}/_posts/2024-01-15-welcome-to-jekyll.markdown\` was not imported. Rename or move one of them and import again.\n`), report);
  });

  it('numbers a new report instead of replacing the last one', async () => {
    const source = path.join(FIXTURES, 'folder');
    const content = path.join(tmp, 'content');
    mkdirSync(path.join(content, '.notepress'), { recursive: true });
    writeFileSync(path.join(content, '.notepress/import-report.md'), 'an earlier report\n');
    const result = await applyImport(plan('folder', content), source, content);
    assert.equal(result.reportPath, '.notepress/import-report-2.md');
    assert.equal(readFileSync(path.join(content, '.notepress/import-report.md'), 'utf8'), 'an earlier report\n');
    assert.ok(readFileSync(path.join(content, '.notepress/import-report-2.md'), 'utf8').startsWith('# Import report\n'));
  });

  it('refuses a content folder inside the blog, or a blog inside the content folder, before writing anything', async () => {
    const source = path.join(tmp, 'blog');
    cpSync(path.join(FIXTURES, 'hugo'), source, { recursive: true });
    const before = hashTree(source);
    const inside = path.join(source, 'content');
    await assert.rejects(applyImport(plan('hugo', inside), source, inside), (err: Error) => err instanceof ImportError
      && err.message === `the content folder ${inside} and the blog folder ${source} overlap: importing would change the blog; choose a content folder outside it`);
    await assert.rejects(applyImport(plan('hugo', tmp), source, tmp), ImportError);
    assert.equal(hashTree(source), before);
  });

  it('says why a file could not be written, and does not follow a symbolic link out of the content folder', async () => {
    const source = path.join(FIXTURES, 'astro');
    const content = path.join(tmp, 'content');
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(content);
    mkdirSync(elsewhere);
    writeFileSync(path.join(content, 'case-studies'), 'a file where a folder should be');
    symlinkSync(elsewhere, path.join(content, 'public'));
    const result = await applyImport(plan('astro', content), source, content);
    assert.deepEqual(result.failed.map((f) => `${f.path}: ${f.message}`), [
      'case-studies/raft-kv.md: a file stands where the folder case-studies is needed; not written',
      'public/blog-placeholder-about.jpg: the folder public is a symbolic link, which the import does not follow; not written',
      'public/favicon.svg: the folder public is a symbolic link, which the import does not follow; not written',
      'public/fonts/atkinson-regular.woff: the folder public is a symbolic link, which the import does not follow; not written',
    ]);
    assert.deepEqual(readdirSync(elsewhere), [], 'nothing created through the link');
    assert.ok(existsSync(path.join(content, 'notes/first-post.md')));
  });

  it('reports a blog folder that cannot be read', async () => {
    await assert.rejects(importFolder(path.join(tmp, 'nope'), path.join(tmp, 'content'), { kinds: notebookKinds() }),
      (err: Error) => err instanceof ImportError && err.message === `cannot read the blog folder ${path.join(tmp, 'nope')}: no such file or folder (ENOENT)`);
  });

  it('holds a hand-made plan to the content folder', async () => {
    const content = path.join(tmp, 'content');
    const forged = { layout: 'folder' as const, evidence: [], copies: [], skipped: [], report: [],
      writes: [{ path: '../outside.md', text: 'x', from: 'a.md' }, { path: '/etc/x.md', text: 'x', from: 'a.md' }] };
    const result = await applyImport(forged, path.join(FIXTURES, 'folder'), content);
    assert.deepEqual(result.failed.map((f) => f.path), ['../outside.md', '/etc/x.md']);
    assert.equal(existsSync(path.join(tmp, 'outside.md')), false);
  });
});
