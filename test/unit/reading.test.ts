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
