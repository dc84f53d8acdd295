import { strict as assert } from 'node:assert';
import { isSafeSlug, slugify, slugOf, uniqueFileName } from '../../extension/core/slug';
import { headingSlug } from '../../extension/core/links/headings';
import { tagUrl, urlOf } from '../../extension/core/urls';

describe('slug', () => {
  it('makes readable slugs', () => {
    assert.equal(slugify('Concurrent servers: from sequential sockets to async/await'), 'concurrent-servers-from-sequential-sockets-to-async-await');
    assert.equal(slugify("Kafka's log"), 'kafkas-log');
    assert.equal(slugify('  Hello,   World!  '), 'hello-world');
  });
  it('drops accents on Latin letters and keeps other scripts whole', () => {
    assert.equal(slugify('Café crème à Paris'), 'cafe-creme-a-paris');
    assert.equal(slugify('नमस्ते दुनिया'), 'नमस्ते-दुनिया');
    assert.equal(slugify('Übergrößenträger'), 'ubergroßentrager');
  });
  it('never lets a title leave the folder or name a device', () => {
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('a/b'), 'a-b');
    assert.equal(slugify('.hidden'), 'hidden');
    assert.equal(slugify('$(touch /tmp/x)'), 'touch-tmp-x');
    assert.equal(slugify('`rm -rf ~`'), 'rm-rf');
    assert.equal(slugify('CON'), 'con-note');
    assert.equal(slugify('a\u0000b\u001fc'), 'a-b-c');
    for (const t of ['../../etc/passwd', 'a/b', '.hidden', 'CON', '$(x)', 'नमस्ते']) assert.ok(isSafeSlug(slugify(t)), t);
  });
  it('returns empty for titles with nothing to keep', () => {
    assert.equal(slugify('🚀🔥'), '');
    assert.equal(slugify(''), '');
    assert.equal(slugify('...'), '');
  });
  it('cuts long titles at a word boundary within 80 characters', () => {
    const slug = slugify('word '.repeat(60));
    assert.equal(slug.length, 79);
    assert.ok(slug.endsWith('word'));
    assert.equal(slugify('x'.repeat(300)).length, 80);
  });
  it('picks a free file name, never an existing one', () => {
    assert.equal(uniqueFileName('Hello', []), 'hello.md');
    assert.equal(uniqueFileName('Hello', ['hello.md']), 'hello-2.md');
    assert.equal(uniqueFileName('Hello', ['Hello.md', 'hello-2.md']), 'hello-3.md');
    assert.throws(() => uniqueFileName('🚀', []), /no letters or digits/);
  });
  it('derives URLs from paths', () => {
    assert.equal(urlOf('notes/a.md'), '/notes/a');
    assert.equal(urlOf('notes/index.md'), '/notes/');
    assert.equal(urlOf('index.md'), '/');
    assert.equal(slugOf('notes/2026/a-b.md'), 'a-b');
    assert.equal(tagUrl('Event Loop'), '/tags/event-loop');
  });
});

describe('headingSlug', () => {
  it('makes VitePress\'s heading ids', () => {
    assert.equal(headingSlug('Event-driven: one thread, many connections'), 'event-driven-one-thread-many-connections');
    assert.equal(headingSlug('async/await: the state machine, written for you'), 'async-await-the-state-machine-written-for-you');
    assert.equal(headingSlug('2026 in review'), '_2026-in-review');
    assert.equal(headingSlug('Café “quoted”'), 'cafe-quoted');
    assert.equal(headingSlug('नमस्ते दुनिया'), 'नमस्ते-दुनिया');
  });
});
