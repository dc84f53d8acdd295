import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';

function render(src: string): string {
  const md = new MarkdownIt(MARKDOWN_OPTIONS);
  notepressMarkdown(md);
  return md.render(src);
}

describe('imageLinks', () => {
  it('wraps a raster image in a link to its own file', () => {
    assert.equal(render('![A plot](./plot.png)'), '<p><a class="np-full-size" href="./plot.png"><img src="./plot.png" alt="A plot" /></a></p>\n');
    assert.equal(render('![Photo](https://example.org/p.JPG?w=1)'), '<p><a class="np-full-size" href="https://example.org/p.JPG?w=1"><img src="https://example.org/p.JPG?w=1" alt="Photo" /></a></p>\n');
  });
  it('escapes the address it links to', () => {
    assert.equal(render('![x](<./a"b.png>)'), '<p><a class="np-full-size" href="./a%22b.png"><img src="./a%22b.png" alt="x" /></a></p>\n');
  });
  it('leaves images in links, without alt text, SVG files and data URLs alone', () => {
    assert.equal(render('[![A plot](./plot.png)](https://example.org)'), '<p><a href="https://example.org"><img src="./plot.png" alt="A plot" /></a></p>\n');
    assert.equal(render('<a href="https://example.org">![A plot](./plot.png)</a>'), '<p><a href="https://example.org"><img src="./plot.png" alt="A plot" /></a></p>\n');
    assert.equal(render('![](./plot.png)'), '<p><img src="./plot.png" alt="" /></p>\n');
    assert.equal(render('![Diagram](./d.svg)'), '<p><img src="./d.svg" alt="Diagram" /></p>\n');
    assert.equal(render('![Dot](data:image/png;base64,AAAA)'), '<p><img src="data:image/png;base64,AAAA" alt="Dot" /></p>\n');
  });
});
