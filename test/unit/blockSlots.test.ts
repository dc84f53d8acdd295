import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { BlockSlots, SanitizedBlocks } from '../../extension/core/blockSlots';
import { sanitizeHtml } from '../../extension/core/sanitize';
import { loadBlockEngines } from '../../extension/core/blocks/engines';
import { drawMermaid, mermaidHtml } from '../../extension/core/blocks/mermaid';
import { mathHtml } from '../../extension/core/blocks/math';
import { parseChart, renderChart } from '../../extension/core/chart';

const repo = path.resolve(__dirname, '../..');
const notesUnder = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = path.join(dir, f);
  return statSync(p).isDirectory() ? notesUnder(p) : p.endsWith('.md') ? [p] : [];
});
const braces = (html: string) => html.replace(/\{\{/g, '&#123;&#123;');
/** What sanitizing the whole HTML at once gives, blocks in place (the reference). */
const whole = (html: string, o: { sourceLines?: boolean } = {}) => braces(sanitizeHtml(html, o));

const HOSTILE = '<div class="np-math"><img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">a</a><style>*{}</style>b</div>';
const SAMPLES = [
  '# Blocks\n\nText $x^2$ and more.\n\n```mermaid\nflowchart LR\n  a[A <b>bold</b>] -->|x| b{B?}\n```\n\n$$\n\\frac{n(n+1)}{2}\n$$\n\n```math\n\\sum_i x_i\n```\n',
  '- item\n\n  ```chart\n  type: line\n  x: t\n  y: a\n  ---\n  t,a\n  1,2\n  2,{{3}}\n  ```\n\n> $$\n> e^{i\\pi}\n> $$\n',
  '```mermaid\nnot a diagram\n```\n\n```math\n\\frac{\n```\n\n```chart\ntype: nope\n```\n',
];

describe('blockSlots: charts, diagrams and math sanitized on their own, kept while unchanged', () => {
  before(() => loadBlockEngines());

  it('renders every seed note, test note and block sample byte for byte as sanitizing the whole note does', () => {
    const md = new MarkdownIt(MARKDOWN_OPTIONS);
    notepressMarkdown(md);
    // Each reference renders with a renderer of its own, so that nothing kept is shared.
    const whole = (src: string, env: Record<string, unknown>) => {
      const ref = new MarkdownIt(MARKDOWN_OPTIONS);
      notepressMarkdown(ref);
      return ref.render(src, { ...env, notepressWholeSanitize: true });
    };
    const files = [...notesUnder(path.join(repo, 'content')), ...notesUnder(path.join(repo, 'test/fixtures/corpus'))];
    assert.ok(files.some((f) => readFileSync(f, 'utf8').includes('```chart')), 'the seed has a chart note');
    const sources = [...files.map((f) => [f, readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')]), ...SAMPLES.map((s, i) => [`content/notes/sample-${i}.md`, s])];
    for (const [file, src] of sources) {
      for (const sourceLines of [false, true]) {
        const env = () => ({ path: path.resolve(repo, file), relativePath: path.relative(path.join(repo, 'content'), path.resolve(repo, file)), notepressSourceLines: sourceLines });
        const reference = whole(src, env());
        // Twice: the second render takes the blocks from the memo.
        assert.equal(md.render(src, env()), reference, `${file} (sourceLines ${sourceLines})`);
        assert.equal(md.render(src, env()), reference, `${file}, again (sourceLines ${sourceLines})`);
        // A line typed above: the blocks move down a line (their `data-line` changes).
        assert.equal(md.render(`\n${src}`, env()), whole(`\n${src}`, env()), `${file}, a line down (sourceLines ${sourceLines})`);
      }
    }
  });

  it('sanitizes a chart, a diagram and math in their slots as in place, and keeps them', () => {
    const parsed = parseChart('type: line\nx: t\ny: a\n---\nt,a\n1,2\n2,3', { file: 'notes/x.md', line: 2 });
    const chart = renderChart(parsed.chart!, 'np-chart-1').replace('>', ' data-line="7">');
    const diagram = mermaidHtml(drawMermaid('flowchart LR\n  a --> b')!.svg!, 'np-diagram-1');
    const math = mathHtml('\\frac{a}{b}', true, { block: true });
    const memo = new SanitizedBlocks(braces);
    for (const sourceLines of [false, true]) {
      const slots = new BlockSlots(memo);
      const outer = (c: string, d: string, m: string) => `<h2 id="a">A {{b}}</h2>\n<p>text</p>\n${c}\n<ul>\n<li>${d}</li>\n</ul>\n<blockquote>\n${m}\n</blockquote>\n`;
      const tokens = [slots.slot(chart), slots.slot(diagram), slots.slot(math)];
      assert.ok(tokens.every((t) => /^npblock[0-9a-f]{32}n\de$/.test(t)), 'each block is slotted');
      const before = memo.size;
      assert.equal(slots.sanitize(outer(tokens[0], tokens[1], tokens[2]), { sourceLines }), whole(outer(chart, diagram, math), { sourceLines }));
      assert.equal(memo.size, before + 3, 'the three blocks were sanitized on their own and kept');
    }
    const again = new BlockSlots(memo);
    const html = `<p>x</p>\n${again.slot(chart)}\n`;
    assert.equal(again.sanitize(html), whole(`<p>x</p>\n${chart}\n`));
    assert.equal(memo.size, 6, 'the chart came from the memo');
  });

  it('keeps the sanitized HTML, not the block as written: what the sanitizer removes stays removed', () => {
    const memo = new SanitizedBlocks();
    for (let i = 0; i < 2; i++) {
      const slots = new BlockSlots(memo);
      const out = slots.sanitize(`<p>a</p>\n${slots.slot(HOSTILE)}\n`);
      assert.equal(out, '<p>a</p>\n<div class="np-math"><img /><a>a</a>b</div>\n', `render ${i + 1}`);
      assert.equal(memo.get(HOSTILE, {}), sanitizeHtml(HOSTILE));
      assert.equal(memo.size, 1);
    }
  });

  it('falls back to the whole HTML when a token is misplaced, swallowed, duplicated or missing', () => {
    const places: ((t: string) => string)[] = [
      (t) => `<img alt="${t}">`, // in an attribute
      (t) => `<a title='x ${t}'>a</a>`,
      (t) => `<!-- ${t} -->`, // in a comment
      (t) => `<script>${t}</script>`, // in a dropped element
      (t) => `<style>${t}</style>`,
      (t) => `<textarea>${t}</textarea>`,
      (t) => `<svg><text>${t}</text></svg>`, // where a block would be read as SVG
      (t) => `<math><mi>${t}</mi></math>`,
      (t) => `<p>${t}</p>`, // which the block's <div> would close
      (t) => `<div data-x="${t}">${t}</div>`, // twice
      () => '<p>gone</p>', // missing
      (t) => `<div title="\n${t}\n">`, // an attribute left open
    ];
    const memo = new SanitizedBlocks(braces);
    for (const place of places) {
      const slots = new BlockSlots(memo);
      const token = slots.slot(HOSTILE);
      const html = `<p>before</p>\n${place(token)}\n<p>after</p>`;
      const out = slots.sanitize(html);
      assert.equal(out, whole(html.split(token).join(HOSTILE)), place(token));
      // (The hostile block may survive as escaped text, in an attribute the note left open.)
      assert.doesNotMatch(out, /<script|<img [^>]*onerror|href="javascript|npblock/, place(token));
    }
    assert.equal(memo.size, 0, 'no block was sanitized apart');
  });

  it('gives a note that writes a token nothing: its text is escaped, and a forged token is not a slot', () => {
    const md = new MarkdownIt(MARKDOWN_OPTIONS);
    notepressMarkdown(md);
    const forged = `npblock${'0'.repeat(32)}n0e`;
    const src = `${forged}\n\n<img alt="${forged}"><b title="npblock">x</b>\n\n$$\nx\n$$\n\n${forged}`;
    const out = md.render(src, { relativePath: 'notes/x.md' });
    assert.equal(out, md.render(src, { relativePath: 'notes/x.md', notepressWholeSanitize: true }));
    assert.equal(out.split(forged).length - 1, 3, 'the forged strings stay as the note wrote them');
    // A token of this render written twice (as a forger who guessed it would): the whole HTML is sanitized instead.
    const memo = new SanitizedBlocks();
    const slots = new BlockSlots(memo);
    const token = slots.slot(HOSTILE);
    const html = `<img alt="${token}">\n${token}\n`;
    assert.equal(slots.sanitize(html), sanitizeHtml(html.split(token).join(HOSTILE)));
    assert.equal(memo.size, 0);
  });

  it('escapes {{ across a block\'s edge, as the whole note would', () => {
    const memo = new SanitizedBlocks(braces);
    const slots = new BlockSlots(memo);
    const block = '<div class="np-math">x</div>{';
    const html = `${slots.slot(block)}{ y`;
    assert.equal(slots.sanitize(html), whole(`${block}{ y`));
    assert.doesNotMatch(slots.sanitize(html), /\{\{/);
  });

  it('leaves HTML that is not one <figure> or <div> in place', () => {
    const slots = new BlockSlots(new SanitizedBlocks());
    assert.equal(slots.slot('<span>x</span>'), '<span>x</span>');
    assert.equal(slots.slot('text <div>x</div>'), 'text <div>x</div>');
  });
});
