import { strict as assert } from 'node:assert';
import MiniSearch from 'minisearch';
import { Notebook } from '../../extension/core/notebook';
import { searchIndexJson, searchPages } from '../../docs/site/search';
import { indexOptions, type PageDoc, type SectionDoc } from '../../docs/theme/support/searchIndex';
import { search } from '../../docs/theme/support/searchResults';

function notebook(): Notebook {
  const nb = new Notebook();
  nb.set('index.md', '---\nname: Ada\nrole: Engineer\ntagline: Builds storage engines.\nfocus:\n  stack: rust, zig\n---\n\nI write about compaction.\n');
  nb.set('about.md', '---\ntitle: About\n---\n\nHobbies: gardening.\n');
  nb.set('drafty.md', '---\ntitle: Draft page\ndraft: true\n---\n\nunpublishedpage\n');
  nb.set('notes/index.md', '---\ntitle: Notes\n---\n');
  nb.set('notes/lsm.md', '---\ntitle: LSM trees\ndate: 2026-01-02\nsummary: Why writes are cheap.\ntags: [storage, Write Path]\n---\n\nMemtables first.\n\n## Compaction\n\nMerging sorted runs.\n\n```rust\nfn merge_runs() {}\n```\n');
  nb.set('notes/secret.md', '---\ntitle: Secret\ndate: 2026-01-03\ndraft: true\n---\n\nunpublishednote\n');
  nb.set('open-source/zig.md', '---\nproject: Zig compiler\nrole: Contributor\n---\n');
  return nb;
}

describe('site search index', () => {
  it('holds every published page once, each section under its page, with addresses from the core and no drafts', () => {
    const pages = searchPages(notebook());
    assert.deepEqual(pages.map((p) => p.url), ['/', '/about', '/notes/lsm', '/open-source/zig']);
    const docs = pages.flatMap((p) => p.docs);
    assert.deepEqual(docs.map((d) => d.id), [0, 1, 2, 3, 4]);
    const lsm = docs[2] as PageDoc;
    assert.deepEqual(lsm, { id: 2, url: '/notes/lsm', words: '/search/notes/lsm.json', title: 'LSM trees', kind: 'Note', summary: 'Why writes are cheap.', tags: 'storage Write Path', text: 'Memtables first.', code: '' });
    assert.deepEqual(docs[3] as SectionDoc, { id: 3, page: 2, heading: 'Compaction', anchor: 'compaction', text: 'Merging sorted runs.', code: 'fn merge_runs() {}' });
    assert.equal((docs[4] as PageDoc).title, 'Zig compiler');
    assert.equal((docs[4] as PageDoc).kind, 'Open Source Entry');
    const home = docs[0] as PageDoc;
    assert.deepEqual([home.title, home.kind, home.summary], ['Ada', 'Home', 'Engineer. Builds storage engines.']);
    assert.match(home.text, /compaction[\s\S]*stack: rust, zig/);
    assert.deepEqual(pages[2].words, { summary: 'Why writes are cheap.', sections: { '': { text: 'Memtables first.', code: '' }, compaction: { text: 'Merging sorted runs.', code: 'fn merge_runs() {}' } } });
  });

  it('finds a page by its title, tags, summary, text and code, a section under its page, and never a draft', () => {
    const json = searchIndexJson(searchPages(notebook()));
    assert.ok(!json.includes('unpublished'));
    const index = MiniSearch.loadJSON(json, indexOptions());
    const first = (q: string) => search(index, q)[0];
    assert.equal(first('lsm')?.url, '/notes/lsm');
    assert.equal(first('write path')?.url, '/notes/lsm');
    assert.equal(first('cheap')?.url, '/notes/lsm');
    assert.equal(first('gardening')?.url, '/about');
    assert.equal(first('zig')?.url, '/open-source/zig', 'a title outranks the home page\'s focus card');
    const runs = first('merge')!;
    assert.equal(runs.url, '/notes/lsm');
    assert.deepEqual(runs.sections.map((s) => [s.anchor, s.fields]), [['compaction', ['code']]]);
    assert.deepEqual(runs.terms, [], 'only the section matched');
    assert.equal(first('unpublishednote'), undefined);
    assert.equal(first('unpublishedpage'), undefined);
  });
});
