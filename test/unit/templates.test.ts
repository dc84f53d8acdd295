import { strict as assert } from 'node:assert';
import { defaultTemplate, fillTemplate, templatePath } from '../../extension/core/templates';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { parseEntry } from '../../extension/core/entry';

describe('templates', () => {
  it('fills a note template into a valid note with the cursor in the body', () => {
    const { text, cursor } = fillTemplate(defaultTemplate(DEFAULT_TABLE.spec('note')), { title: 'Hello: world #1', date: '2026-06-01' });
    assert.equal(text, '---\ntitle: "Hello: world #1"\ndate: 2026-06-01\nsummary:\ntags: []\n---\n\n\n');
    assert.equal(cursor, text.length - 1);
    const e = parseEntry('notes/x.md', text, DEFAULT_TABLE.spec('note'));
    assert.deepEqual(e.problems, []);
    assert.equal(e.title, 'Hello: world #1');
  });
  it('quotes values that YAML would misread', () => {
    const { text } = fillTemplate('---\ntitle: {{title}}\n---\n# {{title}}\n', { title: "it's `x` - [y]", date: '2026-01-01' });
    assert.equal(text, "---\ntitle: it's `x` - [y]\n---\n# it's `x` - [y]\n");
    for (const title of ['null', 'true', '2026-01-01', '- a', '"q"', '{a}', '*x', '&a', '!t', '%p', '@x', 'a: b', "'"]) {
      const filled = fillTemplate(defaultTemplate(DEFAULT_TABLE.spec('note')), { title, date: '2026-01-01' }).text;
      assert.equal(parseEntry('notes/x.md', filled, DEFAULT_TABLE.spec('note')).title, title, title);
    }
  });
  it('fills every kind into an entry without problems', () => {
    for (const kind of ['note', 'case-study', 'research', 'open-source'] as const) {
      const { text } = fillTemplate(defaultTemplate(DEFAULT_TABLE.spec(kind)), { title: 'T', date: '2026-01-01', fields: { category: 'Databases' } });
      assert.deepEqual(parseEntry(`x/${kind}.md`, text, DEFAULT_TABLE.spec(kind)).problems, [], kind);
    }
  });
  it('names template files by kind folder', () => assert.equal(templatePath(DEFAULT_TABLE.spec('case-study')), '.notepress/templates/case-studies.md'));
});
