import { strict as assert } from 'node:assert';
import { blogDate, canonicalField, FIELD_ALIASES, mapFields } from '../../extension/core/import/fields';
import { readPost } from '../../extension/core/import/source';
import type { SourcePost } from '../../extension/core/import/layout';
import type { ImportKind } from '../../extension/core/import/types';

const note: ImportKind = { id: 'note', folder: 'notes', dated: true, fields: ['title', 'date', 'summary', 'tags', 'series', 'updated', 'draft'] };
const caseStudy: ImportKind = { id: 'case-study', folder: 'case-studies', dated: false, fields: ['title', 'category', 'summary', 'stack', 'repository', 'date', 'tags', 'order', 'draft'] };
const openSource: ImportKind = { id: 'open-source', folder: 'open-source', dated: false, fields: ['project', 'role', 'summary', 'url', 'date', 'order', 'draft'], titleField: 'project' };

/** The frontmatter a source file gets, as written, and the notes about it. */
function mapped(source: string, kind: ImportKind = note, post: Partial<SourcePost> = {}, modified?: string) {
  const read = readPost('p.md', new TextEncoder().encode(source));
  assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
  const notes = mapFields(read.post.doc, { kind, post: { path: 'p.md', collection: '', stem: 'p', ...post }, body: read.post.body, modified });
  return { yaml: read.post.doc.toString({ lineWidth: 0, flowCollectionPadding: false }), notes: notes.map((n) => `${n.field}: ${n.severity}: ${n.message}`) };
}

describe('import fields', () => {
  it('reads the dates blogs write, as the date written, never shifted to UTC', () => {
    const cases: [unknown, string | undefined][] = [
      ['2024-03-05', '2024-03-05'],
      ['2024-03-05T10:00:00Z', '2024-03-05'],
      ['2024-03-05 10:00:00 +0100', '2024-03-05'],
      ['2024-03-05T00:30:00+02:00', '2024-03-05'],
      ['2024-03-05T23:30:00.000-07:00', '2024-03-05'],
      ['2024-3-5', '2024-03-05'],
      ['2024/03/05', '2024-03-05'],
      ['Jul 08 2022', '2022-07-08'],
      ['July 8, 2022', '2022-07-08'],
      ['8 July 2022', '2022-07-08'],
      ['Tue, 08 Jul 2022 10:00:00 GMT', '2022-07-08'],
      ['2024-02-30', undefined],
      ['someday', undefined],
      ['Foo 08 2022', undefined],
      [20240305, undefined],
    ];
    for (const [input, expected] of cases) assert.equal(blogDate(input), expected, String(input));
  });

  it('exports one table of renames, matched case-insensitively', () => {
    assert.deepEqual(FIELD_ALIASES.map((a) => a.field), ['date', 'updated', 'summary', 'repository']);
    assert.equal(canonicalField('pubDate'), 'date');
    assert.equal(canonicalField('lastMod'), 'updated');
    assert.equal(canonicalField('description'), 'summary');
    assert.equal(canonicalField('github'), 'repository');
    assert.equal(canonicalField('heroImage'), undefined);
  });

  it('renames in place and keeps unknown fields, order and comments', () => {
    const { yaml, notes } = mapped('---\ntitle: A # the title\npubDate: 2024-03-05 10:00:00 +0100\nheroImage: x\nupdatedDate: "Jul 08 2024"\nexcerpt: Short.\n---\nBody\n');
    assert.equal(yaml, 'title: A # the title\ndate: 2024-03-05\nheroImage: x\nupdated: 2024-07-08\nsummary: Short.\n');
    assert.deepEqual(notes, []);
  });

  it('keeps the notebook\'s own field when a post has it and an alias, and leaves the alias as it is', () => {
    const { yaml } = mapped('---\ntitle: A\ndate: 2024-01-01\npublishDate: 2024-02-01\n---\n');
    assert.equal(yaml, 'title: A\ndate: 2024-01-01\npublishDate: 2024-02-01\n');
  });

  it('turns Jekyll\'s space-separated categories into tags, merged with the tags already there', () => {
    const { yaml } = mapped('---\ntitle: A\ndate: 2024-01-01\ntags: ruby\ncategories: jekyll update\n---\n');
    assert.equal(yaml, 'title: A\ndate: 2024-01-01\ntags: [ruby, jekyll, update]\n');
  });

  it('gives a kind with a category field the first category, and the rest as tags', () => {
    const { yaml } = mapped('---\ntitle: A\ncategories: [Databases, rust]\nrepo: https://github.com/e/a\n---\n', caseStudy);
    assert.equal(yaml, 'title: A\ncategory: Databases\ntags: [rust]\nrepository: https://github.com/e/a\n');
  });

  it('turns `published: false` and Jekyll drafts into `draft: true`', () => {
    assert.equal(mapped('---\ntitle: A\ndate: 2024-01-01\npublished: false\n---\n').yaml, 'title: A\ndate: 2024-01-01\ndraft: true\n');
    assert.equal(mapped('---\ntitle: A\ndate: 2024-01-01\npublished: true\n---\n').yaml, 'title: A\ndate: 2024-01-01\n');
    assert.equal(mapped('---\ntitle: A\ndate: 2024-01-01\n---\n', note, { draft: true }).yaml, 'title: A\ndate: 2024-01-01\ndraft: true\n');
  });

  it('dates a dated entry from its file name, else from its modification time, and says so', () => {
    assert.deepEqual(mapped('---\ntitle: A\n---\n', note, { fileDate: '2024-01-15' }, '2024-03-01'), { yaml: 'title: A\ndate: 2024-01-15\n', notes: [] });
    assert.deepEqual(mapped('---\ntitle: A\n---\n', note, {}, '2024-03-01'), {
      yaml: 'title: A\ndate: 2024-03-01\n',
      notes: ['date: warning: no date in the blog: `date` is the file\'s modification date, 2024-03-01; check it'],
    });
    assert.equal(mapped('---\ntitle: A\n---\n', caseStudy, {}, '2024-03-01').yaml, 'title: A\n', 'an undated kind is not given a guessed date');
  });

  it('warns about a date it cannot read and leaves it for the user', () => {
    assert.deepEqual(mapped('---\ntitle: A\npubDate: last spring\n---\n'), {
      yaml: 'title: A\ndate: last spring\n',
      notes: ['date: warning: `date` "last spring" is not a date the importer can read: write it as YYYY-MM-DD'],
    });
  });

  it('takes a missing title from the first heading, else from the file name', () => {
    assert.deepEqual(mapped('# TCP slow start\n\nText.\n', note, { stem: 'tcp' }, '2024-03-01').yaml, 'title: TCP slow start\ndate: 2024-03-01\n');
    assert.deepEqual(mapped('Text.\n', caseStudy, { stem: 'raft-kv' }), {
      yaml: 'title: Raft kv\n',
      notes: ['title: info: no title in the blog: `title` made from the file name; check it'],
    });
  });

  it('names an entry with the kind\'s title field', () => {
    assert.equal(mapped('---\ntitle: Inkscape\nrepo: x\n---\n', openSource).yaml, 'project: Inkscape\nrepository: x\n');
  });

  it('uses the date field an Astro schema declares when no known name is there', () => {
    const post = { dateFields: [{ name: 'publishedAt', optional: false }] };
    assert.deepEqual(mapped('---\ntitle: A\npublishedAt: 2023-11-20\n---\n', note, post), {
      yaml: 'title: A\ndate: 2023-11-20\n',
      notes: ['date: info: `publishedAt` became `date`: it is the date field of the collection\'s schema'],
    });
  });

  it('reads TOML frontmatter, its dates as written', () => {
    const { yaml } = mapped('+++\ntitle = \'T\'\ndate = 2024-01-14T23:07:07-05:00\nlastmod = 2024-01-20\n[params]\n  math = true\n+++\nBody\n');
    assert.equal(yaml, 'title: T\ndate: 2024-01-14\nupdated: 2024-01-20\nparams:\n  math: true\n');
  });

  it('reports frontmatter it cannot read at its line and column', () => {
    const bad = (text: string) => {
      const r = readPost('p.md', new TextEncoder().encode(text));
      return r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    };
    assert.deepEqual(bad('+++\ntitle = \'T\'\ndate = \n+++\n'), ['p.md:3:8: invalid TOML: invalid value']);
    assert.deepEqual(bad('+++\ntitle = 1\n'), ['p.md:1:1: frontmatter opened with `+++` on line 1 is never closed: add a line `+++` after the last field']);
    assert.deepEqual(bad('---\ntitle: "open\n---\n'), ['p.md:2:8: invalid YAML: Missing closing "quote']);
    assert.deepEqual(bad('{\n  "title": "x"\n}\n'), ['p.md:1:1: JSON frontmatter is not read: convert it to YAML (`---`) or TOML (`+++`) and import again']);
    const latin1 = readPost('p.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.deepEqual(latin1.ok ? [] : latin1.problems.map((p) => `${p.line}:${p.column}: ${p.message}`),
      ['1:4: the file is not valid UTF-8: byte 0xE9 at line 1, column 4; save it as UTF-8 (it may be Latin-1 or Windows-1252)']);
  });
});
