import { strict as assert } from 'node:assert';
import { parseChart } from '../../extension/core/chart/index';
import { dataTable } from '../../extension/core/chart/describe';

const chart = (src: string) => {
  const p = parseChart(src, { file: 'notes/x.md', line: 1 });
  assert.deepEqual(p.problems, []);
  return p.chart!;
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
});
