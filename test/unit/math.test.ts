import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { loadBlockEngines } from '../../extension/core/blocks/engines';
import { MATHML_ALLOWLIST, typesetMath } from '../../extension/core/blocks/math';
import { blockProblems, findBlocks } from '../../extension/core/blocks/find';

function render(src: string): string {
  const md = new MarkdownIt(MARKDOWN_OPTIONS);
  notepressMarkdown(md);
  return md.render(src, { relativePath: 'notes/x.md' });
}
const M = '<math xmlns="http://www.w3.org/1998/Math/MathML"';
const X2 = `${M}><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math>`;
const SUM = `${M} display="block"><semantics><mrow><mo>∑</mo></mrow><annotation encoding="application/x-tex">\\sum</annotation></semantics></math>`;
const problems = (body: string, bodyLine = 1) => blockProblems('notes/x.md', body, bodyLine).map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`);

describe('math', () => {
  before(() => loadBlockEngines());

  it('typesets $…$ inline as MathML that keeps its TeX', () => {
    assert.equal(render('Area $x^2$.'), `<p>Area ${X2}.</p>\n`);
  });

  it('typesets $$…$$ in text, a $$ block and a ```math block as display MathML', () => {
    assert.equal(render('Total $$\\sum$$ here.'), `<p>Total ${SUM} here.</p>\n`);
    assert.equal(render('$$\\sum$$'), `<div class="np-math">${SUM}</div>\n`);
    assert.equal(render('$$\n\\sum\n$$'), `<div class="np-math">${SUM}</div>\n`);
    assert.equal(render('```math\n\\sum\n```'), `<div class="np-math">${SUM}</div>\n`);
  });

  it('leaves dollars that are prices, spaced, escaped or in code as text', () => {
    assert.equal(render('$5 and $10'), '<p>$5 and $10</p>\n');
    assert.equal(render('It costs $5 and $10, and $x^2$ is area.'), `<p>It costs $5 and $10, and ${X2} is area.</p>\n`);
    assert.equal(render('between $ 5 and 10 $ here'), '<p>between $ 5 and 10 $ here</p>\n');
    assert.equal(render('a \\$x$ b'), '<p>a $x$ b</p>\n');
    assert.equal(render('`$x$` and\n\n    $y$'), '<p><code>$x$</code> and</p>\n<pre><code>$y$\n</code></pre>\n');
  });

  it('shows a TeX error in place of the formula, and reports it at its line and column', () => {
    assert.equal(render('Bad $\\frac{1}{$ here.'), '<p>Bad <span class="np-math-error"><strong>TeX error: Unexpected end of input in a macro argument, expected \'}\'</strong> <code>\\frac{1}{</code></span> here.</p>\n');
    assert.deepEqual(problems('Intro.\n\nBad $\\frac{1}{$ here and $a + \\foo b$.', 7), [
      "9:15 math TeX error: Unexpected end of input in a macro argument, expected '}'",
      '9:31 math TeX error: Undefined control sequence: \\foo',
    ]);
    assert.deepEqual(problems('$$\n\\sum\n\\frac{1}\n$$', 3), ["5:9 math TeX error: Unexpected end of input in a macro argument, expected '}'"]);
    assert.deepEqual(problems('```math\n\\bad\n```', 3), ['4:1 math TeX error: Undefined control sequence: \\bad']);
  });

  it('refuses commands that would link, load or style the page', () => {
    assert.deepEqual(problems('See $\\href{javascript:alert(1)}{x}$ and $\\htmlStyle{color:red}{y}$.'), [
      "1:6 math `\\href` is not allowed in a note's math: it would link, load or style the page",
      "1:42 math `\\htmlStyle` is not allowed in a note's math: it would link, load or style the page",
    ]);
  });

  it('finds formulas where the page has them: in lists and quotes, not in code', () => {
    const found = findBlocks('- item $a$\n\n> quote $b$\n\n```\n$c$\n```\n', 10).map((b) => `${b.line}:${b.column} ${b.source}`);
    assert.deepEqual(found, ['10:9 a', '12:10 b']);
  });

  it('emits only allowlisted MathML: no style, class, script, event handler or link', () => {
    const formulas = ['x^2', '\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}', '\\lim_{n\\to\\infty}\\left(1+\\frac1n\\right)^n', '\\begin{pmatrix}a & b\\\\ c & d\\end{pmatrix}',
      '\\sqrt[3]{x} \\le \\lVert v \\rVert_2', '\\mathbb{E}[X] = \\int_{-\\infty}^{\\infty} x f(x)\\,dx', '\\text{lag} = \\max(0, o_{end})', '\\overbrace{a+b}^{n} \\underline{c} \\hat{x} \\cancel{y}',
      '\\color{red}{x} \\boxed{y} \\phantom{z} \\mathrm{d}', '\\begin{aligned}a&=b\\\\c&=d\\end{aligned}'];
    const attrs = MATHML_ALLOWLIST.attributes as Record<string, readonly string[]>;
    for (const tex of formulas) {
      for (const display of [false, true]) {
        const r = typesetMath(tex, display);
        assert.ok(r && 'mathml' in r, tex);
        const bad: string[] = [];
        new Parser({
          onopentag(name, a) {
            if (!(MATHML_ALLOWLIST.elements as readonly string[]).includes(name)) bad.push(name);
            for (const k of Object.keys(a)) if (!attrs['*'].includes(k) && !attrs[name]?.includes(k)) bad.push(`${name}@${k}`);
          },
        }, { xmlMode: true }).end(r.mathml);
        assert.deepEqual(bad, [], tex);
        assert.doesNotMatch(r.mathml, /\sstyle=|<style|<script|\son\w+=|href=|\sclass=/, tex);
      }
    }
  });
});
