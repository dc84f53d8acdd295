import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { isSafeUrl, sanitizeHtml } from '../../extension/core/sanitize';
import { escapePageData } from '../../docs/site/safePageData';

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
    assert.equal(render('a <svg><script>alert(1)</script></svg> b'), wrap('<p>a  b</p>\n'));
  });
  it('removes event handlers, style and dangerous URLs', () => {
    assert.equal(render('x <img src=x onerror="alert(1)"> y'), wrap('<p>x <img src="x"> y</p>\n'));
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
  it('judges URLs the way browsers read them', () => {
    assert.equal(isSafeUrl('java\tscript:alert(1)'), false);
    assert.equal(isSafeUrl(' JAVASCRIPT:alert(1)'), false);
    assert.equal(isSafeUrl('vbscript:x'), false);
    assert.equal(isSafeUrl('data:text/html,<script>'), false);
    assert.equal(isSafeUrl('data:image/png;base64,AAAA', 'src'), true);
    assert.equal(isSafeUrl('data:image/png;base64,AAAA', 'href'), false);
    assert.equal(isSafeUrl('../a.png'), true);
    assert.equal(isSafeUrl('#x'), true);
    assert.equal(isSafeUrl('mailto:a@b.c'), true);
  });
  it('sanitizes standalone HTML', () => {
    assert.equal(sanitizeHtml('<b onclick=x>b</b><style>*{}</style><p>p'), '<b>b</b><p>p</p>');
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
