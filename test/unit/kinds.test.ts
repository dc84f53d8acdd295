import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TABLE, PAGE_FIELDS, PROFILE_FIELDS } from '../../extension/core/kinds';
import { CHART_KEYS } from '../../extension/core/chart';

describe('kinds', () => {
  const role = (p: string) => { const r = DEFAULT_TABLE.classify(p); return r ? `${r.role}${'kind' in r ? `:${r.kind.id}` : ''}` : undefined; };

  it('classifies paths by folder, and ignores what is not the notebook\'s', () => {
    assert.equal(role('index.md'), 'profile');
    assert.equal(role('about.md'), 'page');
    assert.equal(role('notes/a.md'), 'entry:note');
    assert.equal(role('notes/2026/a.md'), 'entry:note');
    assert.equal(role('case-studies/index.md'), 'section:case-study');
    assert.equal(role('open-source/x.md'), 'entry:open-source');
    for (const p of ['README.md', 'About Me.md', '[notepress].md', 'tags/[tag].md', 'drafts/a.md', 'notes/a.txt', '.notepress/templates/notes.md', 'notes/.hidden.md', 'notes/../x.md', '/notes/a.md', 'notes//a.md', 'public/a.md', 'public/notes/a.md']) {
      assert.equal(role(p), undefined, p);
    }
  });

  it('has one rule for `public`: only the top-level folder is static files; a `public` folder inside a kind holds entries', () => {
    assert.equal(role('public/x.md'), undefined);
    assert.equal(role('notes/public/x.md'), 'entry:note');
  });

  it('makes an .mdx file where an entry could be a visible problem, not a skipped file', () => {
    assert.equal(role('notes/post.mdx'), 'unsupported');
    assert.equal(role('elsewhere/post.mdx'), undefined);
  });

  it('gives every kind the common fields, after its own', () => {
    const note = DEFAULT_TABLE.spec('note');
    assert.deepEqual(note.fields.map((f) => `${f.name}${f.required ? '*' : ''}`), ['title*', 'date*', 'summary', 'updated', 'tags', 'series', 'order', 'draft', 'aliases']);
    assert.deepEqual(DEFAULT_TABLE.spec('open-source').fields.slice(0, 4).map((f) => f.name), ['project', 'role', 'url', 'date']);
  });

  it('documents every field in the README', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const fields = [...PROFILE_FIELDS, ...PAGE_FIELDS, ...DEFAULT_TABLE.all.flatMap((k) => k.fields)].map((f) => f.name);
    const missing = [...new Set(fields)].filter((f) => !readme.includes(`| \`${f}\``) && !new RegExp(`\\| [^|]*\`${f}\``).test(readme));
    assert.deepEqual(missing, []);
  });

  it('documents every chart key in the README', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    assert.deepEqual(Object.keys(CHART_KEYS).filter((k) => !readme.includes(`| \`${k}\` |`)), []);
  });
});
