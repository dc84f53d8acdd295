import { strict as assert } from 'node:assert';
import { parts, planFixture, reportLines, sourceBody, written } from '../helpers/importFixtures';

describe('import hugo (the quickstart, with a page bundle and TOML)', () => {
  const plan = planFixture('hugo');

  it('imports each section into its kind; a bundle takes its folder\'s name', () => {
    assert.equal(plan.layout, 'hugo');
    assert.deepEqual(plan.writes.map((w) => [w.path, w.from, w.kind]), [
      ['notes/my-first-post.md', 'content/posts/my-first-post.md', 'note'],
      ['notes/trip-to-lisbon.md', 'content/posts/trip-to-lisbon/index.md', 'note'],
      ['case-studies/raft-kv.md', 'content/projects/raft-kv.md', 'case-study'],
      ['research/consensus.md', 'content/research/consensus.md', 'research'],
      ['index.md', 'hugo.toml', undefined],
    ]);
  });

  it('turns TOML into YAML and date-times into the date written, whatever the offset', () => {
    assert.equal(written(plan, 'notes/my-first-post.md').frontmatter, `---
title: My First Post
date: 2024-01-14
draft: true
tags: [hugo, getting-started, meta]
---
`);
    // 18:30 at -07:00 is already 3 October in UTC; the post says 2 October.
    assert.equal(written(plan, 'notes/trip-to-lisbon.md').frontmatter, `---
title: "Trip to Lisbon"
date: 2023-10-02
updated: 2023-10-05
summary: "Trams, tiles and a conference on databases."
tags: [travel]
---
`);
    assert.equal(written(plan, 'case-studies/raft-kv.md').frontmatter, `---
title: "Raft KV"
date: 2023-11-20
category: Distributed systems
repository: https://github.com/example/raft-kv
summary: A replicated key-value store.
---
`);
    assert.equal(written(plan, 'research/consensus.md').frontmatter, `---
title: Consensus
summary: Reading notes on Paxos, Raft and their variants.
date: 2024-03-05
updated: 2024-03-09
params:
  math: true
---
`);
    assert.equal(written(plan, 'index.md').frontmatter, `---
name: Jane Doe
role: My New Hugo Site
tagline: Notes on systems, written down so I stop forgetting them.
url: https://example.org/
---
`);
  });

  it('keeps bodies byte for byte; references into a bundle gain its folder', () => {
    for (const w of plan.writes.filter((x) => x.kind && x.path !== 'notes/trip-to-lisbon.md')) {
      assert.equal(parts(w.text).body, sourceBody('hugo', w.from), w.path);
    }
    assert.equal(written(plan, 'notes/trip-to-lisbon.md').body, sourceBody('hugo', 'content/posts/trip-to-lisbon/index.md')
      .replace('](cover.jpg)', '](./trip-to-lisbon/cover.jpg)')
      .replace('](./photos/tram.jpg ', '](./trip-to-lisbon/photos/tram.jpg '));
  });

  it('copies static/ whole and a bundle\'s files beside the note, never Hugo\'s output in public/', () => {
    assert.deepEqual(plan.copies, [
      { from: 'content/posts/trip-to-lisbon/cover.jpg', to: 'notes/trip-to-lisbon/cover.jpg' },
      { from: 'content/posts/trip-to-lisbon/photos/tram.jpg', to: 'notes/trip-to-lisbon/photos/tram.jpg' },
      { from: 'static/favicon.ico', to: 'public/favicon.ico' },
      { from: 'static/images/hugo-logo.png', to: 'public/images/hugo-logo.png' },
    ]);
  });

  it('leaves out list pages, pages outside sections and a bundle\'s markdown resources, saying why', () => {
    assert.deepEqual(plan.skipped, [
      { path: 'content/_index.md', reason: 'the home page\'s list page, not an entry' },
      { path: 'content/about.md', reason: 'a page outside any section, not an entry' },
      { path: 'content/posts/_index.md', reason: 'the list page of a section, not an entry' },
      { path: 'content/posts/trip-to-lisbon/captions.md', reason: 'a resource of the page bundle content/posts/trip-to-lisbon/, not a page' },
      { path: 'content/research/_index.md', reason: 'the list page of a section, not an entry' },
    ]);
  });

  it('reports shortcodes outside code, and the references it rewrote', () => {
    assert.deepEqual(reportLines(plan), [
      'content/notes/my-first-post.md:13:1: warning: Hugo shortcode `{{< figure src="/images/hugo-logo.png" alt="Hugo logo" >}}` is kept as text: write a markdown image, `![alt](src)`',
      'content/notes/my-first-post.md:15:1: warning: Hugo shortcode `{{< highlight go >}}` is kept as text: use a fenced code block (```lang) instead',
      'content/notes/trip-to-lisbon.md:9:14: info: image "cover.jpg" is now "./trip-to-lisbon/cover.jpg" (copied from content/posts/trip-to-lisbon/cover.jpg)',
      'content/notes/trip-to-lisbon.md:13:12: info: image "./photos/tram.jpg" is now "./trip-to-lisbon/photos/tram.jpg" (copied from content/posts/trip-to-lisbon/photos/tram.jpg)',
      'content/notes/trip-to-lisbon.md:15:1: warning: Hugo shortcode `{{% notice info %}}` is kept as text: replace it with markdown or HTML',
    ]);
    const first = plan.writes[0].text.split('\n');
    assert.ok(first[12].startsWith('{{< figure'));
    assert.ok(first[14].startsWith('{{< highlight go >}}'));
  });
});
