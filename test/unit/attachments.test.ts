import { strict as assert } from 'node:assert';
import { attachmentFolder, attachmentName, isImageName, imageLink } from '../../extension/core/attachments';
import { localImageRefs } from '../../extension/core/references';

describe('attachments', () => {
  it('puts a note\'s images in a folder named after it, or in the folder an index.md note already has', () => {
    assert.equal(attachmentFolder('notes/kafka-lag.md'), 'notes/kafka-lag');
    assert.equal(attachmentFolder('notes/2026/deep/post.md'), 'notes/2026/deep/post');
    assert.equal(attachmentFolder('notes/trip/index.md'), 'notes/trip');
    assert.equal(attachmentFolder('about.md'), 'about');
    assert.equal(attachmentFolder('index.md'), '');
  });

  it('names a file from its own name with the slug rules, and a clipboard image "image"', () => {
    assert.equal(attachmentName('Latency Histogram (p99).PNG', 'image/png', []), 'latency-histogram-p99.png');
    assert.equal(attachmentName('Screenshot 2026-06-01 at 10.22.33.png', 'image/png', []), 'screenshot-2026-06-01-at-10-22-33.png');
    assert.equal(attachmentName('image.png', 'image/png', []), 'image.png');
    assert.equal(attachmentName(undefined, 'image/png', []), 'image.png');
    assert.equal(attachmentName('🙂.png', 'image/png', []), 'image.png');
    assert.equal(attachmentName('café.jpeg', undefined, []), 'cafe.jpg');
    assert.equal(attachmentName('grafik.bin', 'image/webp', []), 'grafik.webp');
  });

  it('never leaves a separator, a dot or a device name in the name', () => {
    assert.equal(attachmentName('../../etc/passwd.png', 'image/png', []), 'passwd.png');
    assert.equal(attachmentName('C:\\Users\\me\\plot.png', 'image/png', []), 'plot.png');
    assert.equal(attachmentName('.hidden.png', 'image/png', []), 'hidden.png');
    assert.equal(attachmentName('con.png', 'image/png', []), 'con-note.png');
  });

  it('never takes a name already used, compared without case', () => {
    assert.equal(attachmentName('image.png', 'image/png', ['image.png']), 'image-2.png');
    assert.equal(attachmentName('Plot.png', 'image/png', ['PLOT.PNG', 'plot-2.png']), 'plot-3.png');
    assert.equal(attachmentName('plot.png', 'image/png', ['plot.jpg']), 'plot.png');
  });

  it('takes images only', () => {
    assert.equal(attachmentName('notes.pdf', 'application/pdf', []), undefined);
    assert.equal(attachmentName('run.sh', undefined, []), undefined);
    assert.equal(attachmentName('page.html', 'text/html', []), undefined);
    assert.ok(isImageName('a/b/C.JPEG'));
    assert.ok(!isImageName('a/b/c.md'));
  });

  it('links relatively, and the link points where the site build will look', () => {
    const cases: [string, string, string][] = [
      ['notes/kafka-lag.md', 'notes/kafka-lag/plot.png', './kafka-lag/plot.png'],
      ['notes/trip/index.md', 'notes/trip/image.png', './image.png'],
      ['notes/a.md', 'case-studies/x/fig one (1).png', '../case-studies/x/fig%20one%20%281%29.png'],
      ['index.md', 'image.png', './image.png'],
      ['notes/a.md', 'public/img/logo 2.png', '/img/logo%202.png'],
    ];
    for (const [note, file, link] of cases) {
      assert.equal(imageLink(note, file), link);
      // The core's own reading of the link finds the file again.
      assert.equal(localImageRefs(note, `![](${link})`, 1)[0]?.target, file, link);
    }
  });
});
