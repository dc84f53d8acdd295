import { strict as assert } from 'node:assert';
import { searchText } from '../../extension/core/searchText';

describe('searchText', () => {
  it('splits a body into the text before the first heading and one section per heading, prose apart from code', () => {
    const body = [
      'Intro with `inline code` and a [link](https://x.org) and ![a diagram of it](d.png).',
      '',
      '## The loop',
      '',
      'Each turn **reads** bytes.',
      '',
      '```rust',
      'let buf = socket.read();',
      '```',
      '',
      '### Why $O(1)$ matters',
      '',
      '- one',
      '- two',
      '',
      'After the list:',
      '',
      '    indented code',
      '',
    ].join('\n');
    assert.deepEqual(searchText(body), {
      intro: { text: 'Intro with inline code and a link and a diagram of it.', code: '' },
      sections: [
        { heading: 'The loop', anchor: 'the-loop', level: 2, text: 'Each turn reads bytes.', code: 'let buf = socket.read();' },
        { heading: 'Why matters', anchor: 'why-matters', level: 3, text: 'one\ntwo\nAfter the list:', code: 'O(1)\nindented code' },
      ],
    });
  });

  it('gives headings the ids VitePress gives them: repeated ones numbered, `{#id}` taken as written', () => {
    const s = searchText('## Same\n\na\n\n## Same\n\nb\n\n## Same\n\n## Custom title {#mine}\n\n## `epoll` vs. select()\n').sections;
    assert.deepEqual(s.map((x) => x.anchor), ['same', 'same-1', 'same-2', 'mine', 'epoll-vs-select']);
    assert.deepEqual(s.map((x) => x.heading), ['Same', 'Same', 'Same', 'Custom title', 'epoll vs. select()']);
  });

  it('leaves out what the page does not show as words: dropped markup, container markers, chart data', () => {
    const body = [
      'Safe <script>stolen()</script> words <b>bold</b>.',
      '',
      '<div>block <em>html</em><style>.x{}</style></div>',
      '',
      '::: tip Careful',
      'Inside the tip.',
      ':::',
      '',
      '```chart',
      'type: line',
      '---',
      't,v',
      '0,1',
      '```',
    ].join('\n');
    assert.deepEqual(searchText(body), { intro: { text: 'Safe words bold.\nblock html\nCareful\nInside the tip.', code: '' }, sections: [] });
  });

  it('reads an empty body as nothing', () => {
    assert.deepEqual(searchText(''), { intro: { text: '', code: '' }, sections: [] });
  });
});
