import { strict as assert } from 'node:assert';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { parseChart, renderChart } from '../../extension/core/chart/index';
import { COMPACT, REGULAR } from '../../extension/core/chart/scales';
import { r2 } from '../../extension/core/chart/format';
import { PathWriter, TextWriter } from '../../extension/core/chart/writer';

const render = (src: string, id = 'c1') => {
  const p = parseChart(src, { file: 'notes/x.md', line: 10 });
  assert.deepEqual(p.problems, []);
  return parseDocument(renderChart(p.chart!, id));
};
const byClass = (root: ReturnType<typeof parseDocument>, tag: string, cls: string) =>
  (DomUtils.getElementsByTagName(tag, root, true) as Element[]).filter((e) => e.attribs.class === cls);
const drawing = (root: ReturnType<typeof parseDocument>, cls: 'np-chart-svg' | 'np-chart-svg-compact') => byClass(root, 'svg', cls)[0];
const baseline = (svg: Element) => {
  const l = DomUtils.findOne((e) => e.attribs.class === 'np-chart-baseline', [svg]) as Element;
  return { x1: Number(l.attribs.x1), x2: Number(l.attribs.x2), y: Number(l.attribs.y1) };
};
/** The `<use>` transform as [sx, sy, tx, ty]. */
const fit = (svg: Element) => {
  const use = DomUtils.getElementsByTagName('use', svg)[0];
  const m = /^matrix\(([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+)\)$/.exec(use.attribs.transform)!;
  return m.slice(1).map(Number);
};
/** Labels under the x axis. */
const xLabels = (svg: Element) => {
  const base = baseline(svg).y;
  return (DomUtils.getElementsByTagName('text', svg) as Element[]).filter((t) => Number(t.attribs.y) > base && t.attribs.class !== 'np-chart-label').map((t) => DomUtils.textContent(t));
};

describe('chart drawings (svg)', () => {
  it('draws a compact copy beside the regular one: its own axes in 360 units, the marks by <use>, the same title and one table', () => {
    const d = render('title: Throughput\ny-unit: ops/s\n---\nlang,ops\nrust,100\nc,50');
    const regular = drawing(d, 'np-chart-svg');
    const compact = drawing(d, 'np-chart-svg-compact');
    assert.equal(regular.attribs.viewBox ?? regular.attribs.viewbox, '0 0 640 320');
    assert.equal(compact.attribs.viewBox ?? compact.attribs.viewbox, '0 0 360 300');
    assert.equal(compact.attribs['aria-labelledby'], 'c1-title c1-desc');
    assert.equal(DomUtils.getElementsByTagName('title', compact).length, 0, 'named by the regular drawing\'s title');
    assert.equal(byClass(d, 'g', 'np-chart-marks')[0].attribs.id, 'c1-marks');
    const use = DomUtils.getElementsByTagName('use', compact)[0];
    assert.equal(use.attribs.href, '#c1-marks');
    // Plot 36..620 by 24..276 onto 45..344 by 30..248 (labels of 3 characters at 15 units need 40.25).
    assert.equal(use.attribs.transform, 'matrix(0.51199 0 0 0.86508 26.57 9.24)');
    assert.equal(DomUtils.getElementsByTagName('rect', compact).length, 0, 'no second copy of the bars');
    assert.equal(DomUtils.getElementsByTagName('table', d).length, 1);
    assert.deepEqual(xLabels(compact), ['rust', 'c']);
  });

  it('the <use> transform puts the regular plot exactly on the compact plot, for every kind of chart', () => {
    const charts = [
      'x-unit: s\n---\nt,a,b\n0,0,5\n10,100,\n20,200,30\n30,300,40',
      '---\nday,p99\n2026-05-01,12\n2026-05-02,14\n2026-05-03,11',
      'log: y\n---\nt,v\n1,10\n2,100000',
      'type: bar\n---\nk,a,b\nx,1,2\ny,-3,4',
      'type: scatter\nseries: g\n---\nn,g,v\n1,a,10\n10,a,1000\n1,b,20\n10,b,100',
    ];
    for (const src of charts) {
      const d = render(src);
      const R = baseline(drawing(d, 'np-chart-svg'));
      const compact = drawing(d, 'np-chart-svg-compact');
      const C = baseline(compact);
      const [sx, sy, tx, ty] = fit(compact);
      const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 0.02, `${what}: ${a} against ${b} in ${JSON.stringify(src)}`);
      near(sx * R.x1 + tx, C.x1, 'left edge');
      near(sx * R.x2 + tx, C.x2, 'right edge');
      near(sy * R.y + ty, C.y, 'baseline');
      near(sy * REGULAR.top + ty, COMPACT.top, 'top');
    }
  });

  it('a scatter plot\'s compact drawing keeps the plot\'s shape, so its symbols are not squeezed', () => {
    const d = render('type: scatter\n---\nn,v\n1,10\n10,1000\n5,20');
    const compact = drawing(d, 'np-chart-svg-compact');
    const [sx, sy] = fit(compact);
    assert.ok(Math.abs(sx - sy) < 1e-4, `${sx} against ${sy}`);
    assert.notEqual(compact.attribs.viewbox, '0 0 360 300');
    // A line chart's compact plot is stretched upwards: its vertical scale well above its horizontal one.
    const [lx, ly] = fit(drawing(render('---\nt,v\n0,1\n1,2'), 'np-chart-svg-compact'));
    assert.ok(ly / lx > 1.5, `${lx} ${ly}`);
  });

  it('has fewer x ticks in the compact drawing', () => {
    const d = render(`---\nt,v\n${Array.from({ length: 50 }, (_, i) => `${i * 1000},${i}`).join('\n')}`);
    const regular = xLabels(drawing(d, 'np-chart-svg'));
    const compact = xLabels(drawing(d, 'np-chart-svg-compact'));
    assert.deepEqual(regular, ['0', '10,000', '20,000', '30,000', '40,000']);
    assert.deepEqual(compact, ['0', '20,000', '40,000']);
  });

  it('writes path numbers as String(r2(n)) would, straight into bytes', () => {
    const values = [0, -0, 0.005, -0.005, 1.005, -1.005, 2.675, 99.995, -99.995, 0.1 + 0.2, 620.004, 275.99999, 1e13, -1e13 - 0.5, 1e15, 1e22, NaN, Infinity];
    // A deterministic spread over many magnitudes as well.
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      values.push(((seed / 2147483648) - 0.5) * 10 ** ((i % 14) - 4));
    }
    const w = new PathWriter();
    for (let i = 0; i < values.length; i += 2) (i % 4 ? w.lineTo : w.moveTo).call(w, values[i], values[i + 1] ?? 0);
    w.closePath();
    let expected = '';
    for (let i = 0; i < values.length; i += 2) expected += `${i % 4 ? 'L' : 'M'}${r2(values[i])},${r2(values[i + 1] ?? 0)}`;
    assert.equal(w.take(), `${expected}Z`);
  });

  it('takes text as written, ASCII as bytes and other scripts as they are, across chunks', () => {
    const w = new TextWriter();
    let expected = '';
    for (let i = 0; i < 4000; i++) {
      const s = i % 3 ? `row ${i};` : `ряд ${i} 東;`;
      w.text(s);
      expected += s;
    }
    w.text('abcdef', 2, 4);
    assert.equal(w.take(), `${expected}cd`);
    assert.equal(w.take(), '', 'taking empties the writer');
  });
});
