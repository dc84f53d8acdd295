import { strict as assert } from 'node:assert';
import { describeEntry, parseBuildLine, relativeTo } from '../../extension/util/paths';

describe('extension glue (util/paths)', () => {
  it('maps files to content-relative paths, refusing anything outside', () => {
    assert.equal(relativeTo('/ws/content', '/ws/content/notes/a.md'), 'notes/a.md');
    assert.equal(relativeTo('/ws/content/', '/ws/content/index.md'), 'index.md');
    assert.equal(relativeTo('/ws/content', '/ws/contents/a.md'), undefined);
    assert.equal(relativeTo('/ws/content', '/ws/content/../x.md'), undefined);
    assert.equal(relativeTo('/ws/content', '/ws/other/a.md'), undefined);
  });
  it('describes an entry as the tree shows it', () => {
    assert.equal(describeEntry('Jun 1, 2026', 8, 0), 'Jun 1, 2026 · 8 min read');
    assert.equal(describeEntry(undefined, 1, 0), '1 min read');
    assert.equal(describeEntry('May 13, 2026', 1, 2), '2 problems · May 13, 2026 · 1 min read');
  });
  it('reads the build\'s problem lines, colours and all', () => {
    assert.deepEqual(parseBuildLine('content/notes/a.md:3:7: error: `date` "x" is not a real date'), {
      file: 'content/notes/a.md', line: 3, column: 7, severity: 'error', message: '`date` "x" is not a real date',
    });
    assert.equal(parseBuildLine('\u001b[31mcontent/a.md:1:1: warning: w\u001b[39m')?.severity, 'warning');
    assert.equal(parseBuildLine('build complete in 4.65s.'), undefined);
    assert.equal(parseBuildLine('    at foo (file.js:10:5)'), undefined);
  });
});
