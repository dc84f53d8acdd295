import { strict as assert } from 'node:assert';
import { parts, PINNED_MTIME, planFixture, reportLines, sourceBody, written } from '../helpers/importFixtures';

describe('import jekyll (the minima starter, with drafts and a collection)', () => {
  const plan = planFixture('jekyll');

  it('imports posts without their date prefix, drafts, and declared collections', () => {
    assert.equal(plan.layout, 'jekyll');
    assert.deepEqual(plan.writes.map((w) => [w.path, w.from, w.kind]), [
      ['notes/notes-on-caching.md', '_drafts/notes-on-caching.md', 'note'],
      ['notes/old-announcement.md', '_posts/2023-12-01-old-announcement.md', 'note'],
      ['notes/welcome-to-jekyll.md', '_posts/2024-01-15-welcome-to-jekyll.markdown', 'note'],
      ['notes/profiling-ruby.md', '_posts/2024-02-03-profiling-ruby.md', 'note'],
      ['case-studies/raft-kv.md', '_projects/raft-kv.md', 'case-study'],
      ['index.md', '_config.yml', undefined],
    ]);
  });

  it('dates posts from the file name when the frontmatter has none; drafts and unpublished posts become drafts', () => {
    assert.equal(written(plan, 'notes/welcome-to-jekyll.md').frontmatter, `---
layout: post
title: "Welcome to Jekyll!"
date: 2024-01-15
tags: [jekyll, update]
---
`);
    assert.equal(written(plan, 'notes/profiling-ruby.md').frontmatter, `---
layout: post
title: "Profiling Ruby with stackprof"
date: 2024-02-03
tags: [ruby, performance]
summary: "Where the time went in a slow Rails request."
---
`);
    assert.equal(written(plan, 'notes/old-announcement.md').frontmatter, `---
layout: post
title: "An old announcement"
date: 2023-12-01
draft: true
---
`);
    assert.equal(written(plan, 'notes/notes-on-caching.md').frontmatter, `---
layout: post
title: "Notes on caching"
date: ${PINNED_MTIME}
draft: true
---
`);
    assert.equal(written(plan, 'case-studies/raft-kv.md').frontmatter, `---
title: Raft KV
date: 2023-11-20
category: Distributed systems
repository: https://github.com/example/raft-kv
---
`);
    assert.equal(written(plan, 'index.md').frontmatter, `---
name: Your awesome title
tagline: Write an awesome description for your new site here. You can edit this line in _config.yml. It will appear in your document head meta (for Google search results) and in your feed.xml site description.
---
`);
  });

  it('keeps every body byte for byte, Liquid included, but for the address idiom `{{ site.baseurl }}/` in a link or image', () => {
    for (const w of plan.writes.filter((x) => x.kind)) {
      const expected = sourceBody('jekyll', w.from).replace('![Flame graph]({{ site.baseurl }}/assets/images/flame.png)', '![Flame graph](/assets/images/flame.png)');
      assert.equal(parts(w.text).body, expected, w.path);
    }
  });

  it('copies assets/ without the Sass Jekyll compiles, and nothing of _site/', () => {
    assert.deepEqual(plan.copies, [{ from: 'assets/images/flame.png', to: 'public/assets/images/flame.png' }]);
  });

  it('leaves out pages, saying why', () => {
    assert.deepEqual(plan.skipped, [
      { path: 'about.markdown', reason: 'a page, not a post' },
      { path: 'index.markdown', reason: 'a page, not a post' },
    ]);
  });

  it('reports Liquid outside code, a guessed date, and the profile\'s missing role', () => {
    assert.deepEqual(reportLines(plan), [
      'content/index.md:4:1: error: missing `role`: what you do, one line, e.g. `Distributed Systems & Infrastructure Engineer`.',
      `content/notes/notes-on-caching.md:4: warning: no date in the blog: \`date\` is the file's modification date, ${PINNED_MTIME}; check it`,
      'content/notes/profiling-ruby.md:15:16: info: Liquid address `{{ site.baseurl }}` was removed from the address: the site is served at its root',
      'content/notes/profiling-ruby.md:19:1: warning: Liquid `{% raw %}` is kept as text: remove it and its `{% endraw %}` (Notepress shows `{{` and `{%` as written)',
      'content/notes/welcome-to-jekyll.md:17:1: warning: Liquid tag `{% highlight ruby %}` is kept as text: use a fenced code block (```lang) instead',
    ]);
  });
});
