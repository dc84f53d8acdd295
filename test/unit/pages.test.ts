import { strict as assert } from 'node:assert';
import { Notebook } from '../../extension/core/notebook';
import { parseNotebookConfig } from '../../extension/core/notebookConfig';
import { pageFacts } from '../../docs/site/pages';
import { navItems } from '../../docs/site/config';

describe('site page facts', () => {
  it('the home page shows each section up to its limit and counts them all, so it stays small at any size', () => {
    const nb = new Notebook();
    nb.set('index.md', '---\nrole: Engineer\ntagline: Notes.\n---\n');
    for (let i = 1; i <= 25; i++) nb.set(`notes/n${i}.md`, `---\ntitle: Note ${i}\ndate: 2026-01-${String(i).padStart(2, '0')}\n---\n\nBody.\n`);
    const facts = pageFacts(nb, 'index.md')!.np;
    assert.equal(facts.view, 'home');
    if (facts.view !== 'home') return;
    assert.deepEqual(facts.sections.map((s) => s.kind), ['research', 'case-study', 'note', 'open-source'], 'the seed\'s order');
    const notes = facts.sections.find((s) => s.kind === 'note')!;
    assert.equal(notes.items.length, 8);
    assert.equal(notes.total, 25);
    assert.equal(notes.style, 'list');
    assert.deepEqual(notes.items.slice(0, 2).map((n) => [n.title, n.dateLabel, n.readingTime]), [['Note 25', 'Jan 25, 2026', '1 min read'], ['Note 24', 'Jan 24, 2026', '1 min read']]);
  });

  it('a custom kind from the settings gets its home section, list page, entry header and navigation', () => {
    const config = parseNotebookConfig(`kinds:
  lab:
    label: Lab note
    plural: Lab
    group: status
    show: area
    fields:
      status: { type: enum, values: [planned, running, measured, written up], required: true }
      area: text
home: [lab, note]
nav: [lab, note, about]
`);
    assert.deepEqual(config.problems, []);
    const nb = new Notebook(config);
    nb.set('lab/cache.md', '---\ntitle: Cache warmup\nstatus: running\narea: storage\ndate: 2026-05-02\n---\nBody\n');
    nb.set('lab/wal.md', '---\ntitle: WAL sizing\nstatus: planned\narea: storage\ndate: 2026-05-01\n---\nBody\n');
    nb.set('about.md', '---\ntitle: About me\n---\nHi\n');
    const home = pageFacts(nb, 'index.md')!.np;
    assert.ok(home.view === 'home');
    if (home.view !== 'home') return;
    assert.deepEqual(home.sections.map((s) => [s.kind, s.heading, s.url, s.total]), [['lab', 'Lab', '/lab/', 2], ['note', 'Notes', '/notes/', 0]]);
    assert.deepEqual(home.sections[0].items.map((i) => [i.title, i.meta, i.label]), [['Cache warmup', 'storage', 'running'], ['WAL sizing', 'storage', 'planned']]);
    const list = pageFacts(nb, 'lab/index.md')!.np;
    assert.ok(list.view === 'section' && list.groups.map((g) => g.key).join() === 'running,planned');
    const entry = pageFacts(nb, 'lab/cache.md')!.np;
    assert.ok(entry.view === 'entry');
    if (entry.view !== 'entry') return;
    assert.match(entry.header, /<a href="\/lab\/">Lab<\/a> \/ running<\/p>/);
    assert.match(entry.header, /<span class="entry-header__label" data-field="status">running<\/span>/);
    assert.deepEqual(entry.pager, ['Newer', 'Older']);
    assert.deepEqual(navItems(nb), [{ text: 'Lab', link: '/lab/' }, { text: 'Notes', link: '/notes/' }, { text: 'About me', link: '/about' }]);
  });

  it('tags that share a slug share one page, listing every entry, under the most used spelling', () => {
    const nb = new Notebook();
    nb.set('notes/a.md', '---\ntitle: A\ndate: 2026-01-01\ntags: [Event Loop]\n---\n');
    nb.set('notes/b.md', '---\ntitle: B\ndate: 2026-01-02\ntags: [event-loop]\n---\n');
    nb.set('notes/c.md', '---\ntitle: C\ndate: 2026-01-03\ntags: [event-loop, rust]\n---\n');
    const tag = pageFacts(nb, 'tags/event-loop.md', { np: 'tag', key: 'event-loop', notepress: 'tags/event-loop' })!.np;
    assert.ok(tag.view === 'tag');
    if (tag.view !== 'tag') return;
    assert.equal(tag.name, 'event-loop');
    assert.deepEqual(tag.items.map((i) => i.title), ['C', 'B', 'A']);
    const entry = pageFacts(nb, 'notes/a.md')!.np;
    assert.ok(entry.view === 'entry' && entry.header.includes('<a href="/tags/event-loop">#Event Loop</a>'));
    const all = pageFacts(nb, 'tags/index.md', { np: 'tags', key: '', notepress: 'tags/index' })!.np;
    assert.ok(all.view === 'tags');
    if (all.view !== 'tags') return;
    assert.deepEqual(all.tags.map((t) => [t.name, t.url, t.count]), [['event-loop', '/tags/event-loop', 3], ['rust', '/tags/rust', 1]]);
  });

  it('an entry in several series gets a page per series with its parts in date order', () => {
    const nb = new Notebook();
    nb.set('notes/p1.md', '---\ntitle: P1\ndate: 2026-01-01\nseries: [Storage, Rust]\n---\n');
    nb.set('notes/p2.md', '---\ntitle: P2\ndate: 2026-02-01\nseries: Storage\n---\n');
    nb.set('research/r.md', '---\ntitle: R\ndate: 2026-01-15\nseries: storage\n---\n');
    const s = pageFacts(nb, 'series/storage.md', { np: 'series', key: 'storage', notepress: 'series/storage' })!.np;
    assert.ok(s.view === 'series');
    if (s.view !== 'series') return;
    assert.deepEqual(s.items.map((i) => i.title), ['P1', 'R', 'P2']);
    const e = pageFacts(nb, 'notes/p1.md')!.np;
    assert.ok(e.view === 'entry');
    if (e.view !== 'entry') return;
    assert.deepEqual(e.series.map((x) => [x.name, x.url, x.items.map((i) => `${i.title}${i.current ? '*' : ''}`).join()]), [['Storage', '/series/storage', 'P1*,R,P2'], ['Rust', '/series/rust', 'P1*']]);
  });
});
