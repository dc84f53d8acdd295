import { strict as assert } from 'node:assert';
import { DEFAULT_TABLE } from '../../extension/core/kinds';
import { parseEntry } from '../../extension/core/entry';
import { headerFacts, renderHeader } from '../../extension/core/header';

describe('header', () => {
  it('renders every fact of a case study: group, lead, dates, tags, stack, source and series', () => {
    const kind = DEFAULT_TABLE.spec('case-study');
    const e = parseEntry('case-studies/r.md', '---\ntitle: Redis clone\ncategory: Databases\nsummary: A Redis in Rust.\ndate: 2026-03-01\nupdated: 2026-04-02\ntags: [Rust]\nstack: [rust, tokio]\nrepository: github.com/x/redis\nseries: Storage\n---\nWords here.\n', kind);
    assert.equal(renderHeader(headerFacts(e, kind)),
      '<p class="entry-header__kind"><a href="/case-studies/">Case studies</a> / Databases</p><h1 class="entry-header__title">Redis clone</h1>'
      + '<p class="entry-header__lead">A Redis in Rust.</p><p class="entry-header__meta"><time datetime="2026-03-01">Mar 1, 2026</time> / <span>1 min read</span> / <span>updated Apr 2, 2026</span></p>'
      + '<ul class="entry-header__tags" aria-label="Tags"><li><a href="/tags/rust">#Rust</a></li></ul>'
      + '<p class="entry-header__stack">Stack: rust, tokio · <a href="https://github.com/x/redis" rel="noopener">Source</a></p>'
      + '<p class="entry-header__series">Part of <a href="/series/storage">Storage</a></p>');
  });
  it('escapes every value, in text and attributes', () => {
    const kind = DEFAULT_TABLE.spec('note');
    const e = parseEntry('notes/x.md', '---\ntitle: "<img src=x onerror=alert(1)>"\ndate: 2026-01-01\nsummary: \'"><script>x</script>\'\ntags: [\'"a&b\']\n---\n', kind);
    const html = renderHeader(headerFacts(e, kind));
    assert.ok(!/<img|<script/.test(html), html);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /&quot;&gt;&lt;script&gt;/);
    assert.match(html, /#&quot;a&amp;b/);
  });
});
