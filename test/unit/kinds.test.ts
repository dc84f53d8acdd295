import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classify, KINDS, PROFILE_FIELDS } from '../../extension/core/kinds';
import { CHART_KEYS } from '../../extension/core/chart/index';

describe('kinds', () => {
  it('classifies paths by folder, and ignores what is not the notebook\'s', () => {
    const role = (p: string) => { const r = classify(p); return r ? `${r.role}${'kind' in r ? `:${r.kind.id}` : ''}` : undefined; };
    assert.equal(role('index.md'), 'profile');
    assert.equal(role('notes/a.md'), 'entry:note');
    assert.equal(role('notes/2026/a.md'), 'entry:note');
    assert.equal(role('case-studies/index.md'), 'section:case-study');
    assert.equal(role('open-source/x.md'), 'entry:open-source');
    for (const p of ['README.md', 'tags/[tag].md', 'notes/a.txt', '.notepress/templates/notes.md', 'notes/.hidden.md', 'notes/../x.md', '/notes/a.md', 'notes//a.md']) {
      assert.equal(role(p), undefined, p);
    }
  });
  it('documents every field in the README', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const fields = [...PROFILE_FIELDS, ...KINDS.flatMap((k) => k.fields)].map((f) => f.name);
    const missing = [...new Set(fields)].filter((f) => !readme.includes(`| \`${f}\``) && !new RegExp(`\\| [^|]*\`${f}\``).test(readme));
    assert.deepEqual(missing, []);
  });
  it('documents every chart key in the README', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    assert.deepEqual(Object.keys(CHART_KEYS).filter((k) => !readme.includes(`| \`${k}\` |`)), []);
  });
});
