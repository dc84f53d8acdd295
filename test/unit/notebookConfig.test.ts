import { strict as assert } from 'node:assert';
import { parseNotebookConfig } from '../../extension/core/notebookConfig';
import { Notebook } from '../../extension/core/notebook';
import { defaultTemplate, fillTemplate } from '../../extension/core/templates';

const LAB = `kinds:
  lab:
    folder: lab
    label: Lab note
    plural: Lab
    fields:
      status: { type: enum, values: [planned, running, measured, written up], required: true }
      area: text
  case-study:
    fields:
      status: { type: enum, values: [active, archived] }
`;

describe('notebookConfig', () => {
  it('reads the README\'s example: a lab kind and a status on case studies', () => {
    const c = parseNotebookConfig(LAB);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.kinds.all.map((k) => k.id), ['note', 'case-study', 'research', 'open-source', 'lab']);
    const lab = c.kinds.spec('lab');
    assert.deepEqual([lab.folder, lab.label, lab.plural, lab.sort, lab.group, lab.meta, lab.feed], ['lab', 'Lab note', 'Lab', 'date', 'year', 'date', false]);
    assert.deepEqual(lab.fields.find((f) => f.name === 'status'), { name: 'status', type: 'enum', required: true, doc: 'Status.', values: ['planned', 'running', 'measured', 'written up'] });
    const cs = c.kinds.spec('case-study');
    assert.equal(cs.fields.find((f) => f.name === 'category')?.required, true, 'the default kind keeps its fields');
    assert.deepEqual(cs.fields.find((f) => f.name === 'status')?.values, ['active', 'archived']);
    assert.equal(c.kinds.classify('lab/x.md')?.role, 'entry');
  });

  it('validates entries of a custom kind against its fields', () => {
    const nb = new Notebook(parseNotebookConfig(LAB));
    nb.set('lab/a.md', '---\ntitle: A\nstatus: paused\n---\n');
    nb.set('lab/b.md', '---\ntitle: B\n---\n');
    assert.deepEqual(nb.problems().map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`), [
      'lab/a.md:3:9 `status` must be one of `planned`, `running`, `measured`, `written up`, not the text "paused"',
      'lab/b.md:3:1 missing `status`: status.',
    ]);
  });

  it('writes a template for a custom kind that fills into a valid entry', () => {
    const kind = parseNotebookConfig(LAB).kinds.spec('lab');
    assert.equal(defaultTemplate(kind), '---\ntitle: {{title}}\nstatus: {{status}}\nsummary:\ndate: {{date}}\ntags: []\n---\n\n{{cursor}}\n');
    const { text } = fillTemplate(defaultTemplate(kind), { title: 'Cache', date: '2026-05-01', fields: { status: 'written up' } });
    assert.equal(text, '---\ntitle: Cache\nstatus: written up\nsummary:\ndate: 2026-05-01\ntags: []\n---\n\n\n');
    const nb = new Notebook(parseNotebookConfig(LAB));
    nb.set('lab/cache.md', text);
    assert.deepEqual(nb.problems(), []);
  });

  it('reports each mistake at its line, with the intended word where it is clear', () => {
    const c = parseNotebookConfig(`kinds:
  lab:
    lable: Lab
    fields:
      status: { type: enumm, values: [a] }
      level: { type: enum }
      mood: colour
    sort: newest
  notes2:
    folder: notes
home: [lab, nte]
navv: [lab]
`);
    assert.deepEqual(c.problems.map((p) => [p.line, p.column, p.message, p.replacement]), [
      [3, 5, 'unknown setting of kind `lab` `lable`: did you mean `label`?', 'label'],
      [5, 23, '`enumm` is not a field type; use one of `text`, `date`, `list`, `boolean`, `url`, `number`, `enum`', 'enum'],
      [6, 22, '`level` is an `enum` and needs `values`, e.g. `values: [planned, running]`', undefined],
      [7, 13, '`colour` is not a field type; use one of `text`, `date`, `list`, `boolean`, `url`, `number`, `enum`', undefined],
      [8, 11, '`sort` must be `date` or `order`', undefined],
      [9, 3, 'kind `notes2` uses the folder `notes/`, which `note` already uses', undefined],
      [11, 13, '`nte` is not a kind of this notebook', 'note'],
      [12, 1, 'unknown setting `navv`: did you mean `nav`?', 'nav'],
    ]);
    assert.deepEqual(c.home.map((h) => h.kind), ['lab'], 'what could be read is used');
  });

  it('keeps the defaults and reports a broken file without throwing', () => {
    for (const text of ['kinds: [', 'just text', '- a\n- b', '', 'kinds:\n  Lab:\n    folder: ../x\n']) {
      const c = parseNotebookConfig(text);
      assert.deepEqual(c.kinds.all.slice(0, 4).map((k) => k.id), ['note', 'case-study', 'research', 'open-source'], text);
    }
    assert.deepEqual(parseNotebookConfig('kinds: [').problems.map((p) => p.code), ['yaml-syntax']);
    assert.deepEqual(parseNotebookConfig('kinds:\n  lab:\n    folder: tags\n').problems.map((p) => `${p.line}:${p.column}`), ['3:13']);
  });

  it('reads home sections with limits and styles, and the navigation', () => {
    const c = parseNotebookConfig('home:\n  - note\n  - { kind: research, limit: 3, style: cards }\nnav: [note, about]\n');
    assert.deepEqual(c.home, [{ kind: 'note', limit: 8, style: 'list' }, { kind: 'research', limit: 3, style: 'cards' }]);
    assert.deepEqual(c.nav, ['note', 'about']);
  });
});
