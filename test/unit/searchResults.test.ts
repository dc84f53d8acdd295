import { strict as assert } from 'node:assert';
import type { SearchResult } from 'minisearch';
import { excerpt, excerptOf, groupByPage, optionsOf, pieces } from '../../docs/theme/support/searchResults';

const hit = (id: number, score: number, terms: string[], fields: string[], stored: Record<string, unknown>): SearchResult =>
  ({ id, score, terms, queryTerms: terms, match: Object.fromEntries(terms.map((t) => [t, fields])), ...stored });

describe('search results', () => {
  it('marks whole words whose folded form matched, and keeps every character of the text', () => {
    const terms = new Set(['event', 'cafe']);
    const p = pieces('Event-driven: <b>event</b>s at the Café, eventually.', terms);
    assert.deepEqual(p, [
      { text: 'Event', mark: true }, { text: '-driven: <b>', mark: false }, { text: 'event', mark: true },
      { text: '</b>s at the ', mark: false }, { text: 'Café', mark: true }, { text: ', eventually.', mark: false },
    ]);
    assert.equal(p.map((x) => x.text).join(''), 'Event-driven: <b>event</b>s at the Café, eventually.');
  });

  it('cuts a long text around its first matched word, keeps a short one whole, and gives nothing without a match', () => {
    const long = `${'alpha '.repeat(60)}needle ${'omega '.repeat(60)}`.trim();
    const cut = excerpt(long, new Set(['needle']))!;
    const text = cut.map((p) => p.text).join('');
    assert.ok(text.startsWith('…alpha') && text.endsWith('omega…'), text);
    assert.ok(text.length <= 170, `${text.length}`);
    assert.deepEqual(cut.filter((p) => p.mark), [{ text: 'needle', mark: true }]);
    assert.deepEqual(excerpt('A short needle text.', new Set(['needle'])), [{ text: 'A short ', mark: false }, { text: 'needle', mark: true }, { text: ' text.', mark: false }]);
    assert.equal(excerpt(long, new Set(['absent'])), undefined);
  });

  it('groups sections under their page, ranks pages by their best match, and keeps at most three sections each', () => {
    const page = (id: number, title: string) => ({ url: `/p${id}`, words: `/search/p${id}.json`, title, kind: 'Note' });
    const stored: Record<number, Record<string, unknown>> = { 0: page(0, 'Zero'), 5: page(5, 'Five') };
    const hits = [
      hit(6, 9, ['loop'], ['text'], { page: 5, heading: 'A', anchor: 'a' }),
      hit(0, 8, ['loop'], ['title'], stored[0]),
      hit(7, 1, ['loop'], ['code'], { page: 5, heading: 'B', anchor: 'b' }),
      hit(8, 2, ['loop'], ['heading'], { page: 5, heading: 'C', anchor: 'c' }),
      hit(9, 3, ['loop'], ['text'], { page: 5, heading: 'D', anchor: 'd' }),
    ];
    const groups = groupByPage(hits, (id) => stored[id]);
    assert.deepEqual(groups.map((g) => [g.url, g.terms, g.sections.map((s) => s.anchor)]), [['/p5', [], ['a', 'd', 'c']], ['/p0', ['loop'], []]]);
    assert.equal(groups[0].score, 9 + 0.1 * (1 + 2 + 3));
    assert.deepEqual(optionsOf(groups).flatMap((g) => g.options.map((o) => [o.id, o.url])), [
      ['np-search-0', '/p5'], ['np-search-0-0', '/p5#a'], ['np-search-0-1', '/p5#d'], ['np-search-0-2', '/p5#c'], ['np-search-1', '/p0'],
    ]);
  });

  it('excerpts a page from its summary, else its text, else its code; a section from its own words', () => {
    const page = { id: 0, url: '/p', words: '/search/p.json', title: 'P', kind: 'Note', score: 1, terms: [], fields: [], sections: [{ anchor: 's', heading: 'S', terms: [], fields: [] }] };
    const [row, section] = optionsOf([page])[0].options;
    const words = { summary: 'About queues.', sections: { '': { text: 'Intro words.', code: 'let queue_len = 1;' }, s: { text: 'Section prose.', code: '' } } };
    const text = (e: ReturnType<typeof excerptOf>) => e && [e.code, e.pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')];
    assert.deepEqual(text(excerptOf(row, words, new Set(['queues']))), [false, 'About [queues].']);
    assert.deepEqual(text(excerptOf(row, words, new Set(['intro']))), [false, '[Intro] words.']);
    assert.deepEqual(text(excerptOf(row, words, new Set(['len']))), [true, 'let queue_[len] = 1;']);
    assert.deepEqual(text(excerptOf(row, words, new Set(['other']))), [false, 'About queues.']);
    assert.deepEqual(text(excerptOf(section, words, new Set(['prose']))), [false, 'Section [prose].']);
    assert.equal(excerptOf(row, undefined, new Set(['queues'])), undefined, 'nothing until the words arrive');
  });
});
