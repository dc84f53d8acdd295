import { strict as assert } from 'node:assert';
import { filesOfUrl, ogImageUrl, resolveLink, searchTextUrl, seriesUrl, tagKey, tagUrl, urlOf } from '../../extension/core/urls';

describe('urls', () => {
  it('derives a page URL from a file, and the files a URL may be, each the inverse of the other', () => {
    for (const [file, url] of [['index.md', '/'], ['notes/a.md', '/notes/a'], ['notes/index.md', '/notes/'], ['about.md', '/about'], ['notes/2026/b.md', '/notes/2026/b']]) {
      assert.equal(urlOf(file), url);
      assert.equal(filesOfUrl(url)[0], file, url);
    }
    assert.deepEqual(filesOfUrl('/notes/a.html#x'), ['notes/a.md', 'notes/a/index.md']);
    assert.deepEqual(filesOfUrl('/notes/a.md?x=1'), ['notes/a.md', 'notes/a/index.md']);
    assert.deepEqual(filesOfUrl('/notes/caf%C3%A9'), ['notes/café.md', 'notes/café/index.md']);
    assert.deepEqual(filesOfUrl('/../../etc/passwd'), ['etc/passwd.md', 'etc/passwd/index.md'], 'a URL cannot climb above the site');
    assert.deepEqual(filesOfUrl('/%E0%A4%A'), []);
  });
  it('resolves a link written in a note to a site path', () => {
    assert.equal(resolveLink('notes/a.md', './b'), '/notes/b');
    assert.equal(resolveLink('notes/a.md', '../research/'), '/research/');
    assert.equal(resolveLink('notes/a.md', '/tags/x#y'), '/tags/x');
  });
  it('gives a tag and a series one identity, whatever the spelling', () => {
    assert.equal(tagKey('Event Loop'), 'event-loop');
    assert.equal(tagUrl('event-loop'), tagUrl('Event Loop'));
    assert.equal(tagUrl('C++'), '/tags/c');
    assert.equal(tagUrl('!!!'), '/tags/tag');
    assert.equal(seriesUrl('Storage engines, part 1'), '/series/storage-engines-part-1');
  });
  it('names the social card of each page', () => {
    assert.equal(ogImageUrl('/'), '/og/index.png');
    assert.equal(ogImageUrl('/notes/a'), '/og/notes/a.png');
    assert.equal(ogImageUrl('/notes/'), '/og/notes/index.png');
  });
  it('names the file of each page\'s words for search excerpts', () => {
    assert.equal(searchTextUrl('/'), '/search/index.json');
    assert.equal(searchTextUrl('/notes/a'), '/search/notes/a.json');
    assert.equal(searchTextUrl('/about/'), '/search/about/index.json');
  });
});
