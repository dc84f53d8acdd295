import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Notebook } from '../../extension/core/notebook';
import { loadNotebook } from '../../extension/core/node/load';

const note = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nbody\n`;

describe('notebook', () => {
  it('lists notes newest first and keeps drafts apart', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', note('A', '2026-01-01'));
    nb.set('notes/b.md', note('B', '2026-03-01', 'tags: [x, y]\n'));
    nb.set('notes/c.md', note('C', '2025-12-31', 'draft: true\n'));
    nb.set('notes/index.md', '---\ntitle: Notes\n---\n');
    nb.set('README.md', 'not ours');
    assert.deepEqual(nb.list('note').map((e) => e.title), ['B', 'A']);
    assert.deepEqual(nb.drafts().map((e) => e.title), ['C']);
    assert.deepEqual(nb.groups(nb.kinds.spec('note')).map((g) => [g.key, g.items.length]), [['2026', 2]]);
    assert.deepEqual(nb.tags().map((g) => g.key), ['x', 'y']);
    assert.equal(nb.size, 3);
  });
  it('updates one file at a time', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', note('A', '2026-01-01'));
    nb.set('notes/b.md', note('B', '2026-03-01'));
    assert.deepEqual(nb.list('note').map((e) => e.title), ['B', 'A']);
    nb.set('notes/a.md', note('A2', '2026-04-01'));
    assert.deepEqual(nb.list('note').map((e) => e.title), ['A2', 'B']);
    nb.delete('notes/b.md');
    assert.deepEqual(nb.list('note').map((e) => e.title), ['A2']);
    nb.set('notes/a.md', '---\ntitle: A\ndate: nope\n---\n');
    assert.deepEqual(nb.problems().map((p) => `${p.file}:${p.line}:${p.column}`), ['notes/a.md:3:7']);
    assert.equal(nb.list('note').length, 1, 'a file with problems stays listed');
  });
  it('orders other kinds by order, then date, then title, and groups by category', () => {
    const nb = new Notebook();
    nb.set('case-studies/z.md', '---\ntitle: Z\ncategory: Databases\n---\n');
    nb.set('case-studies/y.md', '---\ntitle: Y\ncategory: Systems\norder: 2\n---\n');
    nb.set('case-studies/x.md', '---\ntitle: X\ncategory: Databases\norder: 1\n---\n');
    assert.deepEqual(nb.list('case-study').map((e) => e.title), ['X', 'Y', 'Z']);
    assert.deepEqual(nb.groups(nb.kinds.spec('case-study')).map((g) => [g.key, g.items.map((e) => e.title)]), [['Databases', ['X', 'Z']], ['Systems', ['Y']]]);
    assert.deepEqual(nb.values('category'), ['Databases', 'Systems']);
  });
  it('offers as values those other files use: the word being typed in this file is not one', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', note('A', '2026-01-01', 'tags: [redis, kaf]\nseries: Draft ser\n'));
    nb.set('notes/b.md', note('B', '2026-02-01', 'tags: [Kafka, redis]\nseries: Storage\n'));
    nb.set('notes/c.md', note('C', '2026-03-01', 'tags: [kafka]\n'));
    assert.deepEqual(nb.values('tags', 'notes/a.md'), ['kafka', 'redis']);
    assert.deepEqual(nb.values('series', 'notes/a.md'), ['Storage']);
    assert.deepEqual(nb.values('tags'), ['kaf', 'kafka', 'redis'], 'without an exception, every file counts');
  });
  it('links a series in date order and finds neighbours', () => {
    const nb = new Notebook();
    nb.set('notes/p1.md', note('P1', '2026-01-01', 'series: S\n'));
    nb.set('notes/p2.md', note('P2', '2026-02-01', 'series: S\n'));
    nb.set('notes/other.md', note('O', '2026-03-01'));
    assert.deepEqual(nb.series('S')?.items.map((e) => e.title), ['P1', 'P2']);
    assert.deepEqual(nb.neighbours('notes/p2.md'), { prev: nb.get('notes/other.md'), next: nb.get('notes/p1.md') });
  });
  it('records unreadable files as problems', () => {
    const nb = new Notebook();
    nb.setUnreadable('notes/bin.md', 'binary', 'binary');
    assert.deepEqual(nb.problems().map((p) => p.code), ['binary']);
    assert.equal(nb.problemsOf('notes/bin.md').length, 1);
  });

  describe('the seed notebook in content/', () => {
    let nb: Notebook;
    before(async () => {
      nb = await loadNotebook(path.join(__dirname, '../../content'));
    });
    it('loads with no problems', () => assert.deepEqual(nb.problems(), []));
    it('has the profile and focus card from the seed', () => {
      assert.equal(nb.profile?.role, 'Distributed Systems & Infrastructure Engineer');
      assert.equal(nb.profile?.tagline, 'Building distributed systems, observability platforms, AI runtime infrastructure, and open-source software.');
      assert.deepEqual(nb.profile?.focus, [
        ['location', 'Roorkee, India'],
        ['stack', 'rust, c++, python, linux, docker'],
        ['systems', 'redis, rocksdb, emulators, p2p networking'],
        ['mode', 'build the primitive, measure the edge cases'],
      ]);
      assert.match(nb.profile!.body, /^I am a Computer Science undergraduate at IIT Roorkee/m);
      assert.deepEqual(nb.profile?.links.map((l) => l.url), ['https://github.com/SK1PPR']);
    });
    it('has the three notes with the seed\'s dates and reading times', () => {
      assert.deepEqual(nb.list('note').map((e) => [e.date, e.reading.minutes]), [['2026-06-01', 8], ['2026-05-20', 1], ['2026-05-13', 1]]);
      assert.match(nb.list('note')[0].summary, /^A series-level writeup from Eli Bendersky's concurrent servers articles/);
    });
    it('has the case studies with their categories in the seed\'s order', () => {
      assert.deepEqual(nb.list('case-study').map((e) => e.data.category), ['Databases', 'Databases', 'Systems programming']);
      assert.match(nb.list('case-study')[1].summary, /RocksDB for storage, custom embedding modules, KD-Tree indexing, and KNN search/);
    });
    it('has four research entries, one of them Rust systems programming', () => {
      const r = nb.list('research');
      assert.equal(r.length, 4);
      assert.equal(r[0].title, 'Rust systems programming');
      assert.ok(r.every((e) => e.summary === 'Design notes, experiments, measurements, and implementation writeups.'));
    });
    it('has the open-source entries', () => {
      assert.deepEqual(nb.list('open-source').map((e) => e.title), ['Inkscape', 'IIT Roorkee student developer group']);
      assert.equal(nb.list('open-source')[1].data.role, 'developer');
    });
  });
});

describe('notebook sorted lists under change', () => {
  it('stays sorted exactly as a fresh sort would, through many updates and deletes', () => {
    const nb = new Notebook();
    const day = (i: number) => `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    for (let i = 0; i < 60; i++) nb.set(`notes/n${i}.md`, note(`T${i % 7}`, day(i), i % 9 === 0 ? 'draft: true\n' : ''));
    nb.list('note'); // build the cached lists, so that what follows updates them in place
    for (let i = 0; i < 200; i++) {
      const k = (i * 37) % 60;
      if (i % 11 === 0) nb.delete(`notes/n${k}.md`);
      else nb.set(`notes/n${k}.md`, note(`T${(i * 3) % 5}`, day(i * 13), i % 4 === 0 ? 'draft: true\n' : ''));
    }
    const fresh = new Notebook();
    for (const p of nb.paths()) fresh.set(p, `---\ntitle: ${nb.get(p)!.title}\ndate: ${nb.get(p)!.date}\n${nb.get(p)!.draft ? 'draft: true\n' : ''}---\nbody\n`);
    assert.deepEqual(nb.all('note').map((e) => e.path), fresh.all('note').map((e) => e.path));
    assert.deepEqual(nb.list('note').map((e) => e.path), fresh.list('note').map((e) => e.path));
  });
});
