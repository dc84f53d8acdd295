import { strict as assert } from 'node:assert';
import { isSafeUrl, localMedia, sanitizeHtml } from '../../extension/core/sanitize';
import { parseChart, renderChart } from '../../extension/core/chart';

describe('sanitize', () => {
  it('judges URLs the way browsers read them', () => {
    assert.equal(isSafeUrl('java\tscript:alert(1)'), false);
    assert.equal(isSafeUrl(' JAVASCRIPT:alert(1)'), false);
    assert.equal(isSafeUrl('vbscript:x'), false);
    assert.equal(isSafeUrl('data:text/html,<script>'), false);
    assert.equal(isSafeUrl('data:image/png;base64,AAAA', 'image'), true);
    assert.equal(isSafeUrl('data:image/svg+xml;base64,AAAA', 'image'), false);
    assert.equal(isSafeUrl('data:image/png;base64,AAAA', 'link'), false);
    assert.equal(isSafeUrl('../a.png'), true);
    assert.equal(isSafeUrl('#x'), true);
    assert.equal(isSafeUrl('mailto:a@b.c'), true);
  });

  it('knows which local paths the bundler may import as media', () => {
    assert.deepEqual(localMedia('./fig/a.png'), { ok: true, path: './fig/a.png' });
    assert.deepEqual(localMedia('../b%20c.SVG#x'), { ok: true, path: '../b c.SVG' });
    assert.equal(localMedia('https://e.org/a.js'), undefined);
    assert.equal(localMedia('data:image/png;base64,AA'), undefined);
    for (const bad of ['./a.js', './a.png?raw', '~pkg/a.png', '@/a.png', '#frag', 'x', '']) assert.deepEqual(localMedia(bad), { ok: false }, bad);
  });

  it('balances tags across the whole body: stray closes dropped, open elements closed', () => {
    assert.equal(sanitizeHtml('<b onclick=x>b</b><style>*{}</style><p>p'), '<b>b</b><p>p</p>');
    assert.equal(sanitizeHtml('</div><span>a'), '<span>a</span>');
  });

  it('keeps VitePress\'s and Shiki\'s markup: code blocks, copy button, code groups, anchors', () => {
    const code = '<div class="language-js vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">js</span>'
      + '<pre class="shiki shiki-themes github-light-default github-dark-default vp-code" tabindex="0"><code><span class="line">'
      + '<span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">const</span></span></code></pre></div>';
    assert.equal(sanitizeHtml(code), code);
    const group = '<div class="vp-code-group"><div class="tabs"><input type="radio" name="group-a" id="tab-b" checked /><label data-title="a.js" for="tab-b">a.js</label></div></div>';
    assert.equal(sanitizeHtml(group), group);
    const h = '<h2 id="x" tabindex="-1">X <a class="header-anchor" href="#x" aria-label="Permalink to &quot;X&quot;">\u200b</a></h2>';
    assert.equal(sanitizeHtml(h), h);
  });

  it('allows style only as Shiki\'s colours on spans and a cell\'s alignment', () => {
    assert.equal(sanitizeHtml('<span style="color:red">a</span>'), '<span>a</span>');
    assert.equal(sanitizeHtml('<span style="--shiki-light:#fff;background:url(x)">a</span>'), '<span>a</span>');
    assert.equal(sanitizeHtml('<div style="--shiki-light:#fff">a</div>'), '<div>a</div>');
    assert.equal(sanitizeHtml('<td style="text-align:center">a</td>'), '<td style="text-align:center">a</td>');
  });

  it('keeps a safe SVG subset with SVG\'s own spelling, and drops the rest with its content', () => {
    assert.equal(sanitizeHtml('<svg viewbox="0 0 1 1"><lineargradient id="g"></lineargradient><rect fill="url(#g)"/></svg>'),
      '<svg viewBox="0 0 1 1"><linearGradient id="g"></linearGradient><rect fill="url(#g)"></rect></svg>');
    assert.equal(sanitizeHtml('<svg><rect fill="url(https://e.org/x#g)" onclick="x" style="fill:red"/><use href="./a.svg#x"/><use href="#ok"/></svg>'),
      '<svg><rect></rect><use></use><use href="#ok"></use></svg>');
    assert.equal(sanitizeHtml('<svg><a href="javascript:alert(1)"><text>t</text></a><foreignObject><p>x</p></foreignObject><animate attributeName="href" values="javascript:alert(1)"/><image href="x.png"/><style>*{}</style><script>1</script></svg>'),
      '<svg><a><text>t</text></a></svg>');
  });

  it('keeps MathML Core without maction, annotation-xml and mglyph', () => {
    assert.equal(sanitizeHtml('<math display="block"><mfrac><mi>a</mi><mn>2</mn></mfrac><maction>x</maction><annotation-xml encoding="text/html"><b>y</b></annotation-xml><mtext><mglyph></mglyph></mtext></math>'),
      '<math display="block"><mfrac><mi>a</mi><mn>2</mn></mfrac><mtext></mtext></math>');
  });

  it('keeps SVG and MathML elements only inside <svg> and <math>, and HTML only outside them', () => {
    assert.equal(sanitizeHtml('<title>t</title><circle r="1">c</circle><mi>m</mi>'), 'cm');
    assert.equal(sanitizeHtml('<svg><p>p</p><title>T</title></svg>'), '<svg>p<title>T</title></svg>');
  });

  it('keeps a chart figure exactly as the core draws it', () => {
    const { chart } = parseChart('x,y\n1,2\n2,3\n3,5', { file: 'n.md', line: 1, read: () => undefined });
    const html = renderChart(chart!, 'np-chart-1');
    assert.equal(sanitizeHtml(html), html.replace(/<(path|line|rect)([^>]*)\/>/g, '<$1$2></$1>'));
  });

  it('keeps the preview\'s numeric data-line only when asked', () => {
    assert.equal(sanitizeHtml('<p data-line="3">a</p><p data-line="x">b</p>', { sourceLines: true }), '<p data-line="3">a</p><p>b</p>');
    assert.equal(sanitizeHtml('<p data-line="3">a</p>'), '<p>a</p>');
  });
});
