import { strict as assert } from 'node:assert';
import { Notebook } from '../../extension/core/notebook';
import { absoluteHref, pageFile } from '../../extension/core/urls';
import type { Problem } from '../../extension/core/problems';

const note = (title: string, aliases: string, extra = '') => `---\ntitle: ${title}\ndate: 2026-01-01\n${extra}aliases: ${aliases}\n---\nbody\n`;
const brief = (ps: readonly Problem[]) => ps.filter((p) => p.field === 'aliases').map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

describe('aliases', () => {
  it('keeps well-formed old addresses with their positions', () => {
    const nb = new Notebook();
    const e = nb.set('notes/a.md', note('A', '[/posts/a, /2019/01/a.html, /old/]'));
    assert.deepEqual(e && 'aliases' in e ? e.aliases : undefined, [
      { url: '/posts/a', line: 4, column: 11, endLine: 4, endColumn: 19 },
      { url: '/2019/01/a.html', line: 4, column: 21, endLine: 4, endColumn: 36 },
      { url: '/old/', line: 4, column: 38, endLine: 4, endColumn: 43 },
    ]);
    assert.deepEqual(nb.problems(), []);
  });

  it('reports each malformed alias at its own line, with a fix where the intent is clear', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', '---\ntitle: A\ndate: 2026-01-01\naliases:\n  - posts/a\n  - https://old.blog/posts/b\n  - /posts/../etc\n  - /feed.xml\n  - /a b\n  - /ok\n---\n');
    const problems = nb.problemsOf('notes/a.md');
    assert.deepEqual(brief(problems), [
      'notes/a.md:5:5: alias "posts/a" must be a path on this site starting with `/`, e.g. `/posts/a`',
      'notes/a.md:6:5: alias "https://old.blog/posts/b" is an address; an alias is a path on this site: write `/posts/b`',
      'notes/a.md:7:5: alias "/posts/../etc" must not hold `.` or `..` segments: write the path it means from the site\'s root',
      'notes/a.md:8:5: alias "/feed.xml" names a `.xml` file; a redirect is an HTML page: use a path without an extension, ending in `/`, or in `.html`',
      'notes/a.md:9:5: alias "/a b" must be a plain path: no spaces, `\\`, `?` or `#`',
    ]);
    assert.deepEqual(problems.map((p) => p.replacement).filter(Boolean), ['/posts/a', '/posts/b']);
    assert.deepEqual(nb.get('notes/a.md')!.aliases.map((a) => a.url), ['/ok']);
  });

  it('reports an alias that takes a real page\'s address, a generated page\'s, or another alias\'s', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', note('A', '[/notes/b, /notes/a, /tags/rust, /old]', 'tags: [rust]\n'));
    nb.set('notes/b.md', note('B', '[/old.html, /notes/]'));
    nb.set('notes/c.md', note('C', '[/gone]', 'draft: true\n'));
    nb.set('about.md', '---\ntitle: About\naliases: [/notes/c, /me/]\n---\n');
    assert.deepEqual(brief(nb.problems()), [
      'about.md:3:11: alias "/notes/c" is the address of notes/c.md: a redirect there would replace that page',
      'notes/a.md:5:11: alias "/notes/b" is the address of notes/b.md: a redirect there would replace that page',
      'notes/a.md:5:21: alias "/notes/a" is this page\'s own address',
      'notes/a.md:5:31: alias "/tags/rust" is the address of the page of the tag "rust": a redirect there would replace that page',
      'notes/a.md:5:43: alias "/old" is also an alias at notes/b.md:4: one old address can lead to one page',
      'notes/b.md:4:11: alias "/old.html" is also an alias at notes/a.md:5: one old address can lead to one page',
      'notes/b.md:4:22: alias "/notes/" is the address of the list of notes: a redirect there would replace that page',
    ]);
    // A draft's aliases are not published, so they take no address.
    assert.deepEqual(brief(nb.problemsOf('notes/c.md')), []);
    assert.equal(brief(nb.problemsOf('notes/b.md')).length, 2);
    nb.set('notes/b.md', note('B', '[/older]'));
    assert.deepEqual(brief(nb.problemsOf('notes/a.md')).length, 3, 'fixing one file clears the collision in the other');
  });
});

describe('urls: built files and absolute addresses', () => {
  it('names the file a clean URL is served from', () => {
    for (const [url, file] of [['/', 'index.html'], ['/notes/', 'notes/index.html'], ['/notes/a', 'notes/a.html'], ['/old.html', 'old.html'], ['/caf%C3%A9', 'café.html'], ['/a?x=1#y', 'a.html']]) {
      assert.equal(pageFile(url), file, url);
    }
  });
  it('makes an address found on a page absolute', () => {
    const site = 'https://me.dev';
    assert.equal(absoluteHref(site, '/notes/a', './plot.png'), 'https://me.dev/notes/plot.png');
    assert.equal(absoluteHref(site, '/notes/a', '/assets/x.1a2b.png'), 'https://me.dev/assets/x.1a2b.png');
    assert.equal(absoluteHref(site, '/notes/a', '#why'), 'https://me.dev/notes/a#why');
    assert.equal(absoluteHref(site, '/notes/', 'b'), 'https://me.dev/notes/b');
    assert.equal(absoluteHref(site, '/notes/a', 'https://other.dev/x'), 'https://other.dev/x');
    assert.equal(absoluteHref(site, '/notes/a', 'mailto:me@me.dev'), 'mailto:me@me.dev');
  });
});
