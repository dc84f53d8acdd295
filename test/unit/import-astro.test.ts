import { strict as assert } from 'node:assert';
import { parts, planFixture, reportLines, sourceBody, written } from '../helpers/importFixtures';

describe('import astro (the blog template)', () => {
  const plan = planFixture('astro');

  it('imports each collection into its kind under the blog\'s slug; .mdx becomes .md', () => {
    assert.equal(plan.layout, 'astro');
    assert.deepEqual(plan.writes.map((w) => [w.path, w.from, w.kind]), [
      ['notes/first-post.md', 'src/content/blog/first-post.md', 'note'],
      ['notes/markdown-style-guide.md', 'src/content/blog/markdown-style-guide.md', 'note'],
      ['notes/second-post.md', 'src/content/blog/second-post.md', 'note'],
      ['notes/using-mdx.md', 'src/content/blog/using-mdx.mdx', 'note'],
      ['case-studies/raft-kv.md', 'src/content/projects/raft-kv.md', 'case-study'],
      ['index.md', 'src/consts.ts, astro.config.mjs', undefined],
    ]);
  });

  it('writes the frontmatter in the notebook\'s names, dates as YYYY-MM-DD, unknown fields kept', () => {
    assert.equal(written(plan, 'notes/first-post.md').frontmatter, `---
title: 'First post'
summary: 'Lorem ipsum dolor sit amet'
date: 2022-07-08
heroImage: './first-post/blog-placeholder-3.jpg'
---
`);
    assert.equal(written(plan, 'notes/second-post.md').frontmatter, `---
title: 'Second post'
summary: 'Lorem ipsum dolor sit amet'
date: 2022-07-15
updated: 2022-08-01
heroImage: './second-post/blog-placeholder-4.jpg'
tags: ['astro', 'writing']
---
`);
    assert.equal(written(plan, 'notes/using-mdx.md').frontmatter, `---
title: 'Using MDX'
summary: 'Lorem ipsum dolor sit amet'
date: 2024-06-01
heroImage: './using-mdx/blog-placeholder-5.jpg'
---
`);
    assert.equal(written(plan, 'case-studies/raft-kv.md').frontmatter, `---
title: Raft KV
summary: A replicated key-value store on the Raft consensus algorithm.
date: 2023-11-20
repository: https://github.com/example/raft-kv
category: Distributed systems
tags: [rust]
---
`);
    assert.equal(written(plan, 'index.md').frontmatter, '---\nname: Astro Blog\ntagline: Welcome to my website!\nurl: https://example.com\n---\n');
  });

  it('keeps bodies byte for byte, MDX included; only a reference that had to move changes', () => {
    for (const w of plan.writes.filter((x) => x.kind)) {
      const expected = sourceBody('astro', w.from).replace('../../assets/blog-placeholder-about.jpg', './markdown-style-guide/blog-placeholder-about.jpg');
      assert.equal(parts(w.text).body, expected, w.path);
    }
    assert.ok(written(plan, 'notes/using-mdx.md').body.includes("import HeaderLink from '../../components/HeaderLink.astro';\n\n<HeaderLink href=\"#\""));
  });

  it('copies public/ whole, and each image a post or its frontmatter uses to where the reference resolves', () => {
    assert.deepEqual(plan.copies, [
      { from: 'src/assets/blog-placeholder-3.jpg', to: 'notes/first-post/blog-placeholder-3.jpg' },
      { from: 'src/assets/blog-placeholder-1.jpg', to: 'notes/markdown-style-guide/blog-placeholder-1.jpg' },
      { from: 'src/assets/blog-placeholder-about.jpg', to: 'notes/markdown-style-guide/blog-placeholder-about.jpg' },
      { from: 'src/content/blog/request-flow.png', to: 'notes/request-flow.png' },
      { from: 'src/assets/blog-placeholder-4.jpg', to: 'notes/second-post/blog-placeholder-4.jpg' },
      { from: 'src/assets/blog-placeholder-5.jpg', to: 'notes/using-mdx/blog-placeholder-5.jpg' },
      { from: 'public/blog-placeholder-about.jpg', to: 'public/blog-placeholder-about.jpg' },
      { from: 'public/favicon.svg', to: 'public/favicon.svg' },
      { from: 'public/fonts/atkinson-regular.woff', to: 'public/fonts/atkinson-regular.woff' },
    ]);
  });

  it('names every markdown file it leaves out, with the reason', () => {
    assert.deepEqual(plan.skipped, [
      { path: 'src/content/blog/_unfinished.md', reason: 'Astro leaves out files and folders whose names start with `_`' },
      { path: 'src/pages/about.md', reason: 'a page, not in a content collection' },
    ]);
  });

  it('reports what moved, what cannot be converted and what will not resolve, at file:line:column', () => {
    assert.deepEqual(reportLines(plan), [
      'content/case-studies/raft-kv.md:4: info: `publishedAt` became `date`: it is the date field of the collection\'s schema',
      'content/index.md:4:6: warning: `url` still holds the starter text "https://example.com": write your own before publishing',
      'content/index.md:5:1: error: missing `role`: what you do, one line, e.g. `Distributed Systems & Infrastructure Engineer`.',
      'content/notes/first-post.md:5: info: image "../../assets/blog-placeholder-3.jpg" is now "./first-post/blog-placeholder-3.jpg" (copied from src/assets/blog-placeholder-3.jpg)',
      'content/notes/markdown-style-guide.md:5: info: image "../../assets/blog-placeholder-1.jpg" is now "./markdown-style-guide/blog-placeholder-1.jpg" (copied from src/assets/blog-placeholder-1.jpg)',
      'content/notes/markdown-style-guide.md:24:21: info: image "../../assets/blog-placeholder-about.jpg" is now "./markdown-style-guide/blog-placeholder-about.jpg" (copied from src/assets/blog-placeholder-about.jpg)',
      'content/notes/second-post.md:6: info: image "../../assets/blog-placeholder-4.jpg" is now "./second-post/blog-placeholder-4.jpg" (copied from src/assets/blog-placeholder-4.jpg)',
      'content/notes/second-post.md:16:11: error: image "./missing-chart.png" is not in the blog either (looked for src/content/blog/missing-chart.png)',
      'content/notes/using-mdx.md:5: info: image "../../assets/blog-placeholder-5.jpg" is now "./using-mdx/blog-placeholder-5.jpg" (copied from src/assets/blog-placeholder-5.jpg)',
      'content/notes/using-mdx.md:18:1: warning: MDX `import` is kept as text: notes cannot import components; remove the line',
      'content/notes/using-mdx.md:20:1: warning: MDX component `<HeaderLink>` is not converted: replace it with markdown or HTML',
      'content/notes/using-mdx.md:24:1: warning: MDX comment `{/* */}` is kept as text: use `<!-- -->`',
      'content/notes/using-mdx.md:26:23: warning: MDX expression `{props.start ?? 0}` is kept as text: write its value',
    ]);
  });

  it('points each body item at the written file\'s own line and column', () => {
    const lines = plan.writes.find((w) => w.path === 'notes/using-mdx.md')!.text.split('\n');
    assert.ok(lines[17].startsWith('import HeaderLink'));
    assert.ok(lines[19].startsWith('<HeaderLink'));
    assert.equal(lines[25].slice(22, 40), '{props.start ?? 0}');
    const second = plan.writes.find((w) => w.path === 'notes/second-post.md')!.text.split('\n');
    assert.equal(second[15].slice(10, 29), './missing-chart.png');
  });

  it('leaves an existing profile alone', () => {
    const again = planFixture('astro', (p) => (p === 'index.md' ? '---\nrole: Engineer\n---\n' : undefined));
    assert.equal(again.writes.some((w) => w.path === 'index.md'), false);
    assert.equal(reportLines(again).some((l) => l.startsWith('content/index.md')), false);
  });

  it('reports an image the notebook already holds as resolved', () => {
    const again = planFixture('astro', (p) => (p === 'notes/missing-chart.png' ? 'PNG' : undefined));
    assert.equal(reportLines(again).some((l) => l.includes('missing-chart')), false);
  });
});
