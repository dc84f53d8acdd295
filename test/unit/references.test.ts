import { strict as assert } from 'node:assert';
import { localImageRefs } from '../../extension/core/references';

describe('references', () => {
  it('finds local images in markdown and HTML, with file positions', () => {
    const body = 'Intro\n\n![A](./fig/a.png "t") and ![B](../b%20c.svg)\n\n<img alt="x" src="/logo.png">\n';
    assert.deepEqual(localImageRefs('notes/n.md', body, 5), [
      { src: './fig/a.png', target: 'notes/fig/a.png', line: 7, column: 6 },
      { src: '../b%20c.svg', target: 'b c.svg', line: 7, column: 32 },
      { src: '/logo.png', target: 'public/logo.png', line: 9, column: 19 },
    ]);
  });
  it('ignores web images, data URLs and code', () => {
    const body = '![w](https://e.org/a.png) ![d](data:image/png;base64,AA) ![p](//cdn/x.png)\n\n```md\n![c](./in-code.png)\n```\n';
    assert.deepEqual(localImageRefs('notes/n.md', body, 1), []);
  });
  it('resolves a path that climbs out, for the caller to refuse', () => {
    assert.equal(localImageRefs('notes/n.md', '![x](../../etc/passwd)', 1)[0].target, '../etc/passwd');
  });
});
