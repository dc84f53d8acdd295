import { strict as assert } from 'node:assert';
import { memoryTree, notebookKinds, planImport } from '../../extension/core/import';
import { parts, PINNED_MTIME, planFixture, reportLines, sourceBody, written } from '../helpers/importFixtures';

describe('import folder (plain markdown notes)', () => {
  const plan = planFixture('folder');

  it('imports every markdown file; folders map to kinds; names made safe; collisions get -2', () => {
    assert.equal(plan.layout, 'folder');
    assert.deepEqual(plan.writes.map((w) => [w.path, w.from, w.kind]), [
      ['notes/2024-02-10-standup.md', '2024-02-10-standup.md', 'note'],
      ['notes/my-kafka-notes.md', 'My Kafka Notes.md', 'note'],
      ['notes/consensus.md', 'blog/consensus.md', 'note'],
      ['notes/consensus-2.md', 'consensus.md', 'note'],
      ['research/raft.md', 'papers/raft.md', 'research'],
      ['notes/tcp-slow-start.md', 'tcp-slow-start.md', 'note'],
    ]);
  });

  it('adds frontmatter where there is none and normalises what is there', () => {
    assert.equal(written(plan, 'notes/tcp-slow-start.md').frontmatter, `---\ntitle: TCP slow start\ndate: ${PINNED_MTIME}\n---\n`);
    assert.equal(written(plan, 'notes/2024-02-10-standup.md').frontmatter, '---\ntitle: Standup\ndate: 2024-02-10\n---\n');
    assert.equal(written(plan, 'notes/my-kafka-notes.md').frontmatter, '---\ntitle: My Kafka notes\ndate: 2024-03-05\ntags: [kafka, streaming]\n---\n');
  });

  it('keeps bodies byte for byte; a reference that would leave the kind\'s folder is copied beside the note and rewritten', () => {
    for (const w of plan.writes.filter((x) => x.path !== 'research/raft.md')) assert.equal(parts(w.text).body, sourceBody('folder', w.from), w.path);
    assert.equal(written(plan, 'research/raft.md').body, sourceBody('folder', 'papers/raft.md').replace('../diagrams/raft-figure-2.png', './raft/raft-figure-2.png'));
    assert.deepEqual(plan.copies, [
      { from: 'diagrams/cwnd.png', to: 'notes/diagrams/cwnd.png' },
      { from: 'diagrams/raft-figure-2.png', to: 'research/raft/raft-figure-2.png' },
    ]);
  });

  it('leaves out the README and hidden folders', () => {
    assert.deepEqual(plan.skipped, [{ path: 'README.md', reason: 'a README, not a note' }]);
  });

  it('reports what it guessed and that there is no profile', () => {
    assert.deepEqual(reportLines(plan), [
      'content/index.md:1: warning: the blog names no title or author to start a profile from: create index.md with at least `role`',
      'content/notes/my-kafka-notes.md:1: info: the blog\'s name "My Kafka Notes" is not a safe file name: imported as my-kafka-notes.md',
      'content/notes/tcp-slow-start.md:2: info: `title` taken from the first heading',
      `content/notes/tcp-slow-start.md:3: warning: no date in the blog: \`date\` is the file's modification date, ${PINNED_MTIME}; check it`,
      'content/research/raft.md:8:13: info: image "../diagrams/raft-figure-2.png" is now "./raft/raft-figure-2.png" (copied from diagrams/raft-figure-2.png)',
    ]);
  });

  it('writes the frontmatter in the file\'s own line endings', () => {
    const crlf = planImport(memoryTree({ 'a.md': '---\r\ntitle: A\r\ndate: 2024-01-02T10:00:00Z\r\n---\r\nOne\r\nTwo\r\n' }), { kinds: notebookKinds(), existing: () => undefined });
    assert.equal(crlf.writes[0].text, '---\r\ntitle: A\r\ndate: 2024-01-02\r\n---\r\nOne\r\nTwo\r\n');
  });

  it('refuses a root-relative image that climbs out of the published folder', () => {
    const tree = memoryTree({ 'a.md': '---\ntitle: A\ndate: 2024-01-02\n---\n![x](/../secret.png) ![y](/d/../b.png)\n', 'b.png': 'B' });
    const climbing = planImport(tree, { kinds: notebookKinds(), existing: () => undefined });
    assert.deepEqual(climbing.copies, [{ from: 'b.png', to: 'public/b.png' }]);
    assert.deepEqual(climbing.report.filter((r) => r.file === 'notes/a.md').map((r) => `${r.line}:${r.column} ${r.message}`), ['5:6 image "/../secret.png" points outside the blog folder']);
  });
});
