import { strict as assert } from 'node:assert';
import { excerpt, firstHeading, formatReadingTime, readingStats } from '../../extension/core/reading';

describe('reading', () => {
  it('counts prose words and code words apart', () => {
    const body = 'One two three four.\n\n```rust\nfn main() { println!("hi"); }\n```\n\nfive six';
    assert.deepEqual(readingStats(body), { words: 6, codeWords: 4, minutes: 1 });
  });
  it('ignores link targets, HTML tags and comments', () => {
    assert.equal(readingStats('[a link](https://example.com/very/long/path) <b>bold</b> <!-- hidden words here -->').words, 3);
  });
  it('counts code at half weight and rounds to whole minutes', () => {
    const prose = 'word '.repeat(300);
    assert.equal(readingStats(prose).minutes, 2); // 1.5 rounds up
    assert.equal(readingStats(`${'word '.repeat(250)}\n\`\`\`\n${'x '.repeat(100)}\n\`\`\``).minutes, 2); // (250 + 50) / 200
    assert.equal(readingStats('word '.repeat(290)).minutes, 1);
    assert.equal(readingStats('').minutes, 1);
  });
  it('counts each Han character as a word', () => {
    assert.equal(readingStats('数据库 is fast').words, 5);
  });
  it('takes the first paragraph of prose as an excerpt', () => {
    assert.equal(excerpt('# Title\n\nFirst **para** with a [link](x).\n\nSecond.'), 'First para with a link.');
    const long = excerpt('word '.repeat(100), 30);
    assert.equal(long, 'word word word word word word…');
  });
  it('finds the first heading', () => {
    assert.equal(firstHeading('intro\n\n# The Title #\n\n## Sub'), 'The Title');
    assert.equal(firstHeading('```\n# not a heading\n```'), undefined);
  });
  it('formats as the seed does', () => assert.equal(formatReadingTime(8), '8 min read'));
});

describe('one parse for every reader of blocks', () => {
  it('a chart inside a blockquote or a list is checked like any chart, at its own line', async () => {
    const { parseEntry } = await import('../../extension/core/entry');
    const { DEFAULT_TABLE } = await import('../../extension/core/kinds');
    const text = '---\ntitle: T\ndate: 2026-01-01\n---\n\n> ```chart\n> x,y\n> 1,2\n> 2,oops\n> ```\n\n- item\n\n  ```chart\n  x,y\n  1,zz\n  ```\n';
    assert.deepEqual(parseEntry('notes/t.md', text, DEFAULT_TABLE.spec('note')).problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      '9:5 "oops" in column "y" is not a number',
      '16:5 "zz" in column "y" is not a number',
    ]);
  });
  it('reading time leaves out charts, diagrams and formulas, wherever they are', () => {
    const body = 'one two\n\n> ```chart\n> a,b\n> 1,2\n> ```\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```js\nlet x = 1\n```\n';
    assert.deepEqual(readingStats(body), { words: 2, codeWords: 3, minutes: 1 });
  });
});
