import { strict as assert } from 'node:assert';
import { parseChart } from '../../extension/core/chart/index';
import { dataTable } from '../../extension/core/chart/describe';

const chart = (src: string) => {
  const p = parseChart(src, { file: 'notes/x.md', line: 1 });
  assert.deepEqual(p.problems, []);
  return p.chart!;
};
/** Long texts compared, a failure showing where they part rather than both in full. */
const same = (actual: string, expected: string) => {
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  assert.ok(actual === expected, `they part at ${i}: ${JSON.stringify(actual.slice(i - 40, i + 40))} against ${JSON.stringify(expected.slice(i - 40, i + 40))}`);
};
const body = (html: string) => /<tbody>(.*)<\/tbody>/.exec(html)![1];

describe('chart description and data table (describe)', () => {
  it('writes rows of numbers from their text, and rows with quotes or spaces from their cells, the same way', () => {
    const n = '<td class="np-num">';
    assert.equal(body(dataTable(chart('---\nt,v\n0,1\n1, 2\n2,"3"\n3,-4.5e1'), 'c')),
      `<tr>${n}0</td>${n}1</td></tr><tr>${n}1</td>${n}2</td></tr><tr>${n}2</td>${n}3</td></tr><tr>${n}3</td>${n}-4.5e1</td></tr>`);
    // TSV: the tab is the delimiter the plain rows are cut at.
    assert.equal(body(dataTable(chart('---\na\tb\n1\t2'), 'c')), `<tr>${n}1</td>${n}2</td></tr>`);
  });

  it('escapes words, leaves numbers as written, and right-aligns only columns of numbers', () => {
    const html = dataTable(chart('---\nk,v\n<b>,1\n"a, b",\n'), 'c1');
    assert.match(html, /<th scope="col">k<\/th><th scope="col" class="np-num">v<\/th>/);
    assert.equal(body(html), '<tr><td>&lt;b&gt;</td><td class="np-num">1</td></tr><tr><td>a, b</td><td class="np-num"></td></tr>');
    assert.match(html, /^<details class="np-chart-data"><summary>Data \(2 rows\)<\/summary>.*<table aria-describedby="c1-title">/);
  });

  it('describes the chart in a sentence for screen readers', () => {
    assert.equal(chart('x-unit: s\ny-unit: ms\n---\nt,a,b\n0,1,2\n1,1500,3').description,
      'Line chart of a, b (ms) against t (s), 2 rows. 2 series: a, b. Values from 1 to 1,500 ms. The data table follows.');
  });

  it('writes a large table as the rows say, across the writer\'s chunks, whatever the script of its words', () => {
    // Plain rows of numbers, rows with spaces or quotes, and words in three scripts, past 16 KB.
    const lines: string[] = [];
    const expected: string[] = [];
    const n = '<td class="np-num">';
    for (let i = 0; i < 3000; i++) {
      const word = ['naïve', '東京', 'a&b', 'plain', '🚀 <x>'][i % 5];
      const v = i % 7 === 0 ? ` ${i}.5` : i % 11 === 0 ? `"${i}"` : `${i}.5`;
      lines.push(`${i},${v},${word}`);
      const esc = word.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expected.push(`<tr>${n}${i}</td>${n}${v.replace(/[" ]/g, '')}</td><td>${esc}</td></tr>`);
    }
    same(body(dataTable(chart(`---\nt,v,w\n${lines.join('\n')}`), 'c')), expected.join(''));
    // Every column numbers: plain rows copied from their text.
    const nums = Array.from({ length: 3000 }, (_, i) => `${i},${i * 3}.25`);
    same(body(dataTable(chart(`---\nt,v\n${nums.join('\n')}`), 'c')), nums.map((l) => `<tr>${n}${l.replace(',', `</td>${n}`)}</td></tr>`).join(''));
  });
});
