import { strict as assert } from 'node:assert';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import MarkdownIt from 'markdown-it';
import { chartBlocks, parseChart, relativeSymbol, renderChart, type Chart } from '../../extension/core/chart/index';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { parseEntry } from '../../extension/core/entry';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { referenceProblems } from '../../extension/core/references';
import { readingStats } from '../../extension/core/reading';

const FILE = 'notes/lag.md';
/** The block's first content line is line 10 of the note in these tests. */
const parse = (src: string, read?: (t: string) => string | undefined) => parseChart(src, { file: FILE, line: 10, read });
const chart = (src: string): Chart => {
  const r = parse(src);
  assert.deepEqual(r.problems, []);
  return r.chart!;
};
const messages = (src: string, read?: (t: string) => string | undefined) => parse(src, read).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
const dom = (html: string) => parseDocument(html, { xmlMode: false });
const all = (root: ReturnType<typeof dom>, tag: string) => DomUtils.getElementsByTagName(tag, root, true) as Element[];
const num = (e: Element, a: string) => Number(e.attribs[a]);

describe('charts', () => {
  describe('rendering', () => {
    it('a bar chart is a figure with titled SVG, bars of exact height, and the data as a table', () => {
      const c = chart('title: Throughput\ny-unit: ops/s\n---\nlang,ops\nrust,100\nc,50');
      assert.equal(c.type, 'bar', 'words on x make a bar chart');
      const d = dom(renderChart(c, 'c1'));
      const [figure] = all(d, 'figure');
      assert.equal(figure.attribs.id, 'c1');
      const [svg] = all(d, 'svg').filter((s) => s.attribs.class === 'np-chart-svg');
      assert.equal(svg.attribs.viewbox, '0 0 640 320');
      assert.equal(svg.attribs['aria-labelledby'], 'c1-title c1-desc');
      assert.equal(DomUtils.textContent(all(d, 'title')[0]), 'Throughput');
      assert.equal(all(d, 'title')[0].attribs.id, 'c1-title');
      assert.equal(DomUtils.textContent(all(d, 'desc')[0]), 'Bar chart of ops (ops/s) against lang, 2 rows. Values from 50 to 100 ops/s. The data table follows.');
      // Plot area: top 24, bottom 276 (320 - 44). 100 is the top of the axis, 50 is half.
      const rects = all(d, 'rect');
      assert.deepEqual(rects.map((r) => [num(r, 'y'), num(r, 'height')]), [[24, 252], [150, 126]]);
      assert.equal(num(rects[0], 'width'), num(rects[1], 'width'));
      assert.ok(num(rects[0], 'x') < num(rects[1], 'x'));
      // Axis: ticks 0 to 100 by 20, and the label with its unit.
      const axisText = all(d, 'text').map((t) => DomUtils.textContent(t));
      assert.deepEqual(axisText.slice(0, 6), ['0', '20', '40', '60', '80', '100']);
      assert.ok(axisText.includes('ops (ops/s)') && axisText.includes('rust') && axisText.includes('c'));
      // The numbers themselves, for readers who want them.
      const [details] = all(d, 'details');
      assert.equal(details.attribs.open, undefined);
      assert.deepEqual(all(d, 'tr').map((tr) => DomUtils.textContent(tr)), ['langops', 'rust100', 'c50']);
      assert.equal(all(d, 'script').length, 0);
    });

    it('a line chart draws one path per series, with a gap where a value is empty, and a legend', () => {
      const c = chart('x-unit: s\n---\nt,a,b\n0,0,5\n10,100,\n20,200,30\n30,300,40');
      assert.equal(c.type, 'line');
      const d = dom(renderChart(c, 'c2'));
      const paths = all(d, 'path');
      assert.deepEqual(paths.map((p) => p.attribs.class), ['np-chart-line np-s0', 'np-chart-line np-s1']);
      assert.equal(paths[0].attribs.d.match(/M/g)?.length, 1);
      assert.equal(paths[1].attribs.d.match(/M/g)?.length, 2, 'the empty cell splits the line');
      assert.deepEqual(all(d, 'li').map((li) => DomUtils.textContent(li)), ['a', 'b']);
      // x runs across the plot: first point at the left edge, last at the right.
      assert.match(paths[0].attribs.d, /^M36,276L/);
      assert.match(paths[0].attribs.d, /L620,24$/);
    });

    it('series from a column, scatter symbols that differ per series, and a log axis', () => {
      const c = chart('type: scatter\nseries: impl\nlog: y\n---\nn,impl,ns\n1,a,10\n10,a,1000\n1,b,20\n10,b,100000');
      assert.deepEqual(c.series.map((s) => s.name), ['a', 'b']);
      const d = dom(renderChart(c, 'c3'));
      const marks = all(d, 'path').filter((p) => /np-chart-dot/.test(p.attribs.class) && !p.attribs.transform);
      assert.equal(marks.length, 2);
      assert.equal(marks[0].attribs.d.match(/M/g)?.length, 2, 'one circle per point');
      assert.notEqual(marks[0].attribs.d.includes('a'), marks[1].attribs.d.includes('a'), 'circles for one series, another shape for the next');
      const labels = all(d, 'text').map((t) => DomUtils.textContent(t));
      assert.ok(labels.includes('10') && labels.includes('100k'), labels.join(' '));
    });

    it('rewrites d3\'s symbols in relative commands that draw the same shape at any point', () => {
      assert.equal(relativeSymbol('M-3,-3h6v6h-6Z'), 'm-3,-3h6v6h-6z');
      assert.equal(relativeSymbol('M0,-5.58L3.22,0L0,5.58L-3.22,0Z'), 'm0,-5.58l3.22,5.58l-3.22,5.58l-3.22,-5.58z');
      assert.equal(relativeSymbol('M3.39,0A3.39,3.39,0,1,1,-3.39,0A3.39,3.39,0,1,1,3.39,0'), 'm3.39,0a3.39,3.39,0,1,1,-6.78,0a3.39,3.39,0,1,1,6.78,0');
    });

    it('dates on x make a time axis', () => {
      const c = chart('---\nday,p99\n2026-05-01,12\n2026-05-02,14\n2026-05-03,11');
      assert.equal(c.xKind, 'date');
      const labels = all(dom(renderChart(c, 'c4')), 'text').map((t) => DomUtils.textContent(t));
      assert.ok(labels.some((l) => /May|0[23]/.test(l)), labels.join(' '));
    });

    it('type: table shows only the numbers, expanded', () => {
      const d = dom(renderChart(chart('type: table\n---\na,b\n1,2'), 'c5'));
      assert.equal(all(d, 'svg').length, 0);
      assert.equal(all(d, 'details')[0].attribs.open, '');
    });

    it('escapes markup and {{ in titles, names and cells', () => {
      const html = renderChart(chart('title: "<script>x</script> {{ y }}"\n---\nk,"<b>v</b>"\n"<i>",1'), 'c6');
      assert.ok(!html.includes('<script>') && !html.includes('<b>') && !html.includes('<i>') && !html.includes('{{'));
      assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt; &#123;&#123; y }}'));
    });
  });

  describe('bad data gives a message at its line and column', () => {
    it('a value that is not a number, in the block', () => {
      assert.deepEqual(messages('---\nt,lag\n0,1\n1,lots'), ['13:3: "lots" in column "lag" is not a number']);
      // One word in a column of numbers is reported, not a reason to drop the series; a column of words is a label.
      assert.deepEqual(messages('---\nt,a,b\n0,1,2\n1,2,lots'), ['13:5: "lots" in column "b" is not a number']);
      assert.deepEqual(chart('---\nt,host,v\n0,web,2\n1,db,3').y, ['v']);
      // Only decimal notation is a number: not hex, binary, Infinity or words Number() would take.
      for (const v of ['0x10', '0b1', '0o7', 'Infinity', '1_000', '1 000', 'NaN']) {
        assert.deepEqual(messages(`---\nt,v\n0,1\n1,"${v}"`), [`13:3: "${v}" in column "v" is not a number`], v);
      }
      assert.deepEqual(chart('---\nt,v\n0,-1.5e3\n1,+.5\n2,7.').series[0].y, [-1500, 0.5, 7]);
      assert.deepEqual(messages('y: lag\n---\nt,lag\n0,1\n1,lots'), ['14:3: "lots" in column "lag" is not a number']);
    });
    it('a column that does not exist, at the key that names it', () => {
      assert.deepEqual(messages('x: time\n---\nt,lag\n0,1'), ['10:4: column "time" is not in the data; its columns are t, lag']);
      assert.deepEqual(messages('y: [lag, p99]\n---\nt,lag\n0,1'), ['10:4: column "p99" is not in the data; its columns are t, lag']);
      assert.deepEqual(messages('series: host\n---\nt,lag\n0,1'), ['10:9: column "host" is not in the data; its columns are t, lag']);
    });
    it('a data file that does not exist, and bad data inside one, at the data: line', () => {
      const files: Record<string, string> = { 'notes/bad.csv': 't,lag\n0,1\n1,x\n' };
      const read = (t: string) => files[t];
      const missing = parse('title: T\ndata: ./lag.csv', read).problems;
      assert.equal(missing[0].code, 'missing-file');
      assert.deepEqual(messages('title: T\ndata: ./lag.csv', read), ['11:7: data file "./lag.csv" does not exist (looked for notes/lag.csv)']);
      assert.deepEqual(messages('data: bad.csv', read), ['10:7: notes/bad.csv:3:3: "x" in column "lag" is not a number']);
    });
    it('a data path that leaves the content folder, is absolute, or is not CSV', () => {
      assert.deepEqual(messages('data: ../../../etc/passwd.csv', () => 'a,b\n1,2'), ['10:7: data "../../../etc/passwd.csv" points outside the content folder']);
      assert.deepEqual(messages('data: /etc/x.csv'), ['10:7: data "/etc/x.csv" must be a path relative to the note, like ./latency.csv']);
      assert.deepEqual(messages('data: ./notes.md'), ['10:7: data "./notes.md" must be a .csv or .tsv file']);
    });
    it('spec mistakes: unknown key, type, log, table, YAML syntax', () => {
      assert.deepEqual(messages('colour: red\n---\na,b\n1,2'), [`10:1: unknown chart key "colour"; the keys are type, title, description, x, y, series, x-unit, y-unit, log, data, table`]);
      assert.deepEqual(messages('type: pie\n---\na,b\n1,2'), ['10:7: type must be one of line, bar, scatter, table, not "pie"']);
      assert.deepEqual(messages('log: z\n---\na,b\n1,2'), ['10:6: log must be x, y or both, not "z"']);
      assert.deepEqual(messages('table: yes\n---\na,b\n1,2'), ['10:8: table must be open or closed, not "yes"']);
      assert.match(messages('title: "open\n---\na,b\n1,2')[0], /^10:8: chart spec: Missing closing "quote/);
    });
    it('CSV mistakes: ragged rows, an unclosed quote, no rows, a column named twice, no data at all', () => {
      assert.deepEqual(messages('---\na,b\n1,2,3'), ['12:1: this row has 3 cells; the header has 2']);
      assert.deepEqual(messages('---\na,b\n"1,2'), ['12:1: a quoted cell is never closed']);
      assert.deepEqual(messages('---\na,b'), ['11:1: the data has a header but no rows']);
      assert.deepEqual(messages('---\na,a\n1,2'), ['11:3: column "a" is named twice']);
      assert.deepEqual(messages('title: Nothing'), ['9:1: the chart has no data: add CSV after a line `---`, or `data: ./file.csv`']);
    });
    it('values a chart cannot draw: zero on a log axis, words on a line chart\'s x, log bars, too many series, a repeated bar', () => {
      assert.deepEqual(messages('log: y\n---\nt,v\n1,0'), ['13:3: 0 in column "v" cannot be on a log scale (values must be above 0)']);
      assert.deepEqual(messages('type: line\n---\nhost,v\nweb,1'), ['13:1: "web" in column "host" is not a number or a date; a line chart needs them on x (type: bar takes words)']);
      assert.deepEqual(messages('type: bar\nlog: y\n---\nk,v\na,1'), ['11:6: a bar chart cannot have a log y axis: bars start at zero']);
      const wide = `---\nx,${Array.from({ length: 9 }, (_, i) => `s${i}`).join(',')}\n1,${Array(9).fill(1).join(',')}`;
      assert.deepEqual(messages(wide), ['11:1: 9 series; a chart shows at most 8 (split it, or use type: table)']);
      assert.deepEqual(messages('---\nk,v\na,1\na,2'), ['13:1: a second row for k "a"']);
    });
  });

  describe('in notes', () => {
    const note = (body: string) => `---\ntitle: Lag\ndate: 2026-05-13\n---\n\nIntro.\n\n${body}\n`;
    it('an entry reports an inline chart\'s problems at file lines', () => {
      const e = parseEntry(FILE, note('```chart\n---\nt,v\n0,x\n```'), DEFAULT_TABLE.spec('note'));
      assert.deepEqual(e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`), ['11:3: "x" in column "v" is not a number']);
    });
    it('chart blocks are found as fences are, and add nothing to the reading time', () => {
      const body = 'Words here.\n\n~~~chart\n---\na,b\n1,2\n~~~\n\n```js\nconst chart = 1;\n```\n';
      assert.deepEqual(chartBlocks(body, 5).map((b) => [b.line, b.source]), [[8, '---\na,b\n1,2']]);
      assert.deepEqual(readingStats(body).codeWords, 3);
    });
    it('the site\'s markdown renders a chart, or a visible error in its place, never a broken page', () => {
      const md = new MarkdownIt(MARKDOWN_OPTIONS);
      notepressMarkdown(md);
      const ok = md.render('```chart\n---\nt,v\n0,1\n1,2\n```\n\n```chart\n---\nt,v\n0,1\n```', { relativePath: FILE, notepressSourceLines: true });
      assert.match(ok, /^<figure class="np-chart np-chart-line" id="np-chart-1" data-line="0">/);
      assert.match(ok, /<figure class="np-chart np-chart-line" id="np-chart-2" data-line="7">/);
      const bad = md.render('text\n\n```chart\n---\nt,v\n0,x\n```\n', { relativePath: FILE });
      // The sanitizer writes quotes in text as characters (the same text).
      assert.match(bad, /<div class="np-chart-error"><strong>This chart has problems<\/strong><ul><li>line 6: "x" in column "v" is not a number<\/li><\/ul><\/div>/);
      const file = md.render('```chart\ndata: ./lag.csv\n```', { relativePath: FILE, notepressReadFile: (t: string) => (t === 'notes/lag.csv' ? 't,v\n0,1\n1,3\n' : undefined) });
      assert.match(file, /Values from 1 to 3/);
    });
    it('a chart is drawn again only when its block or its data changes', () => {
      const md = new MarkdownIt(MARKDOWN_OPTIONS);
      notepressMarkdown(md);
      let data = 't,v\n0,1\n1,3\n';
      let reads = 0;
      const env = () => ({ relativePath: FILE, notepressSourceLines: true, notepressReadFile: () => { reads++; return data; } });
      const block = '```chart\ndata: ./lag.csv\n```';
      const first = md.render(block, env());
      assert.match(first, /Values from 1 to 3/);
      // Typing above the chart moves it down a line: the same SVG, with its new source line.
      const moved = md.render(`Typed.\n\n${block}`, env());
      assert.equal(moved.slice(moved.indexOf('<figure')), first.replace('data-line="0"', 'data-line="2"'));
      assert.equal(reads, 2, 'the data file is read to check the memo');
      data = 't,v\n0,1\n1,9\n';
      assert.match(md.render(block, env()), /Values from 1 to 9/);
      assert.match(md.render('```chart\n---\nt,v\n0,4\n1,5\n```', env()), /Values from 4 to 5/);
    });
    it('reference checks find a chart\'s missing data file and bad data in one', () => {
      const e = parseEntry(FILE, note('```chart\ndata: ./lag.csv\n```\n\n```chart\ndata: ./ok.csv\n```'), DEFAULT_TABLE.spec('note'));
      assert.deepEqual(e.problems, [], 'a data file is checked where the disk is read');
      const files: Record<string, string> = { 'notes/ok.csv': 'a,b\n1,2\n' };
      const found = referenceProblems(e, { read: (t) => files[t], isFile: (t) => t in files });
      assert.deepEqual(found.map((p) => `${p.line}:${p.column}: ${p.message}`), ['9:7: data file "./lag.csv" does not exist (looked for notes/lag.csv)']);
    });
  });
});
