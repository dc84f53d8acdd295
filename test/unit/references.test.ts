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
    assert.equal(localImageRefs('notes/n.md', '![x](../../etc/a.png)', 1)[0].target, '../etc/a.png');
  });
  it('reads raw HTML as the sanitizer does: unquoted, across lines, srcset, video, entities', () => {
    const body = 'A <img src=./u.png> b\n\n<picture>\n  <source\n    srcset="./d.png 2x, ./e.png">\n  <img src="./l.png">\n</picture>\n\n<video src="./v.mp4" poster="./p.png"></video> <img src="./&#x61;.png">\n';
    assert.deepEqual(localImageRefs('notes/n.md', body, 1).map((r) => `${r.target}@${r.line}:${r.column}`), [
      'notes/u.png@1:12', 'notes/d.png@5:13', 'notes/e.png@5:25', 'notes/l.png@6:13', 'notes/v.mp4@9:13', 'notes/p.png@9:30', 'notes/a.png@9:1',
    ]);
  });
  it('lists only what the sanitizer keeps: no code, no non-media paths, nothing in code spans or fences', () => {
    const body = 'Text `<img src="./c.png">` <img src=x> <img src="./a.js"> <img src="#f">\n\n```html\n<img src="./f.png">\n```\n\n    <img src="./i.png">\n';
    assert.deepEqual(localImageRefs('notes/n.md', body, 1), []);
  });
});
