import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { escapePageData } from '../../docs/site/safeMarkdown';

function render(src: string): string {
  const md = new MarkdownIt(MARKDOWN_OPTIONS);
  notepressMarkdown(md);
  return md.render(src);
}
const wrap = (html: string) => html;

describe('markdown', () => {
  it('renders markdown and escapes {{ so Vue leaves it alone', () => {
    assert.equal(render('# Hi\n\nText {{ x }} and `{{ y }}`'), '<h1>Hi</h1>\n<p>Text &#123;&#123; x }} and <code>&#123;&#123; y }}</code></p>\n');
  });
  it('removes scripts, frames and inline SVG with their content', () => {
    assert.equal(render('<script>alert(1)</script>\n\nHi'), wrap('\n<p>Hi</p>\n'));
    assert.equal(render('<iframe src="https://e.com"></iframe>'), wrap(''));
    assert.equal(render('a <svg><script>alert(1)</script></svg> b'), wrap('<p>a <svg></svg> b</p>\n'));
  });
  it('removes event handlers, style and dangerous URLs', () => {
    // `x` is a local path with no media extension: the bundler would import it as code.
    assert.equal(render('x <img src=x onerror="alert(1)"> y'), wrap('<p>x <img /> y</p>\n'));
    assert.equal(render('x <img src=https://example.org/x onerror="alert(1)"> y'), wrap('<p>x <img src="https://example.org/x" /> y</p>\n'));
    assert.equal(render('<a href="jav&#x61;script:alert(1)">b</a>'), wrap('<p><a>b</a></p>\n'));
    assert.equal(render('[a](javascript:alert(1))'), wrap('<p>[a](javascript:alert(1))</p>\n'));
    assert.equal(render('<div style="position:fixed;inset:0">\n\n**b**\n\n</div>'), wrap('<div>\n<p><strong>b</strong></p>\n</div>'));
  });
  it('keeps the page balanced: stray closes dropped, open tags closed', () => {
    assert.equal(render('a <span class="k">open\n\nnext'), wrap('<p>a <span class="k">open</span></p>\n<p>next</p>\n'));
    assert.equal(render('</div> stray'), wrap(' stray'));
    assert.equal(render('<div>\n\nnever closed'), wrap('<div>\n<p>never closed</p>\n</div>'));
  });
  it('keeps safe HTML, and guards new tabs', () => {
    assert.equal(render('<details open><summary>S</summary>\n\nBody\n\n</details>'), wrap('<details open><summary>S</summary>\n<p>Body</p>\n</details>'));
    assert.equal(render('<a href="https://x.com" target="_blank" onclick="x()">x</a>'), wrap('<p><a href="https://x.com" target="_blank" rel="noreferrer noopener">x</a></p>\n'));
  });
  it('renders everyday HTML as written, across markdown tokens (the issue\'s cases)', () => {
    assert.equal(render('Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.'), '<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.</p>\n');
    assert.equal(render('A <a href="https://example.com">link</a> and then plain text.'), '<p>A <a href="https://example.com">link</a> and then plain text.</p>\n');
    assert.equal(render('<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n\nAfter.'),
      '<details>\n<summary>More</summary>\n<p>Hidden <strong>text</strong>.</p>\n</details>\n<p>After.</p>\n');
    assert.equal(render('<div align="center">\n\n# Title\n\n</div>\n\nAfter.'), '<div align="center">\n<h1>Title</h1>\n</div>\n<p>After.</p>\n');
    assert.equal(render('<ruby>漢<rt>kan</rt></ruby> <bdi>x</bdi> <bdo dir="rtl">y</bdo>'), '<p><ruby>漢<rt>kan</rt></ruby> <bdi>x</bdi> <bdo dir="rtl">y</bdo></p>\n');
    assert.equal(render('<section>\n<nav>n</nav>\n<article>a</article>\n</section>'), '<section>\n<nav>n</nav>\n<article>a</article>\n</section>');
    assert.equal(render('<picture>\n<source srcset="./dark.png" media="(prefers-color-scheme: dark)">\n<img src="./light.png" alt="L">\n</picture>'),
      '<picture>\n<source srcset="./dark.png" media="(prefers-color-scheme: dark)" />\n<img src="./light.png" alt="L" />\n</picture>');
    assert.equal(render('<video src="./clip.mp4" poster="./clip.png" controls></video>'), '<p><video src="./clip.mp4" poster="./clip.png" controls></video></p>\n');
  });
  it('renders text as CommonMark does: entities only where markdown-it read one', () => {
    assert.equal(render('&#87654321; &copy; &amp; \\&copy; a < b'), '<p>&amp;#87654321; © &amp; &amp;copy; a &lt; b</p>\n');
    assert.equal(render('[a]()'), '<p><a href="">a</a></p>\n');
    assert.equal(render('| a | b |\n|:-:|--:|\n| 1 | 2 |'), '<table>\n<thead>\n<tr>\n<th style="text-align:center">a</th>\n<th style="text-align:right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style="text-align:center">1</td>\n<td style="text-align:right">2</td>\n</tr>\n</tbody>\n</table>\n');
  });
  it('keeps no local media the bundler would import as code', () => {
    assert.equal(render('![x](./a.js) <img src="./a.png?raw"> <img src="~pkg/a.png"> <img src="#x"> <img src="./b%20c.png">'),
      '<p><img alt="x" /> <img /> <img /> <img /> <img src="./b%20c.png" /></p>\n');
  });
  it('page data holding </script> cannot close the page component\'s script block, and reads back the same', () => {
    const data = { title: '</script><script>alert(1)</script> and </SCRIPT >' };
    const component = `<script>\nexport const __pageData = JSON.parse(${JSON.stringify(JSON.stringify(data))})\nexport default {}</script><template><p>x</p></template>`;
    const safe = escapePageData(component);
    assert.equal(safe.match(/<\/script/gi)?.length, 1, 'only the block\'s own closing tag is left');
    const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(safe)![1];
    assert.deepEqual(JSON.parse(JSON.parse(literal)), data);
  });
});
