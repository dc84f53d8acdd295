import { strict as assert } from 'node:assert';
import { aliasFix } from '../../extension/core/fixes';
import { applyEdit } from '../../extension/core/frontmatter';
import { parseEntry } from '../../extension/core/entry';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { foreignSyntaxProblems } from '../../extension/core/foreign';

describe('fixes', () => {
  it('a missing date with a pubDate present names it, and the fix renames it and makes the date-time a date', () => {
    const text = '---\ntitle: T\n# kept\npubDate: 2024-03-05T10:00:00+01:00\n---\nBody\n';
    const e = parseEntry('notes/t.md', text, DEFAULT_TABLE.spec('note'));
    assert.deepEqual(e.problems.map((p) => p.message), ['missing `date`: publication date, `YYYY-MM-DD`. This file sets `pubDate`: rename it to `date`.']);
    const fix = aliasFix(text, 'date')!;
    assert.equal(fix.alias, 'pubDate');
    const fixed = [...fix.edits].sort((a, b) => b.start - a.start).reduce(applyEdit, text);
    assert.equal(fixed, '---\ntitle: T\n# kept\ndate: 2024-03-05\n---\nBody\n');
    assert.deepEqual(parseEntry('notes/t.md', fixed, DEFAULT_TABLE.spec('note')).problems, []);
  });
  it('keeps a value that is already a date, and offers nothing without an alias', () => {
    const fix = aliasFix('---\ntitle: T\npublishDate: 2024-03-05\n---\n', 'date')!;
    assert.deepEqual(fix.edits.map((e) => e.text), ['date']);
    assert.equal(aliasFix('---\ntitle: T\n---\n', 'date'), undefined);
  });
  it('warns of another engine\'s syntax left in a note, at its place, and never inside code', () => {
    const body = 'import Chart from "../c.astro";\n\nText {{< figure src="a.png" >}} and {% include x.html %}.\n\n<Chart data={d} />\n\n```\n{{< not-this >}}\n```\n\nBraces {a, b} and {{ this }} are prose.\n';
    assert.deepEqual(foreignSyntaxProblems('notes/x.md', body, 5).map((p) => `${p.line}:${p.column} ${p.message.split(':')[0]}`), [
      '5:1 MDX `import` is kept as text',
      '7:6 Hugo shortcode `{{< figure src="a.png" >}}` is kept as text',
      '7:37 Liquid tag `{% include x.html %}` is kept as text',
      '9:1 MDX component `<Chart>` is not converted',
    ]);
    assert.deepEqual(foreignSyntaxProblems('notes/x.md', 'Plain prose with {braces}.\n', 1), []);
  });
});
