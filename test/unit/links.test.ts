import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import {
  ContentFiles, formatProblem, loadBlockEngines, MARKDOWN_OPTIONS, movedPath, Notebook, notepressMarkdown, readLinks, renameEdits, siteMarkdownOptions,
} from '../../extension/core/index';

const note = (title: string, body: string, extra = '') => `---\ntitle: ${title}\ndate: 2026-01-01\n${extra}---\n\n${body}\n`;
const noFiles: ContentFiles = { read: () => undefined, isFile: () => false };
const problems = (nb: Notebook, files = noFiles) => nb.linkProblems(files).map((p) => formatProblem(p));

describe('links', () => {
  describe('readLinks', () => {
    it('finds every form of link with the line and column of what it points at', () => {
      const body = [
        'Intro [a](../notes/b.md#part) and [[Event loop]], [[redis-clone|the clone]].',
        '',
        '| x | [c](./c.md) |',
        '|---|---|',
        '| [c](./c.md) | `[no](code.md)` |',
        '',
        '> quoted [q](<../q b.md>) <a class="x" href="/notes/h.md">h</a>',
        '',
        '<div><a href="../research/x.md#y">x</a></div>',
        '',
        '## Head [[X#Y]]',
        '[[#Head X#Y]] https://example.com <https://example.org>',
        '',
        '```',
        '[in](fence.md) [[fenced]]',
        '```',
        '',
        '- item [[notes/a|A]] and $[math](x.md)$',
        '',
        '[r]: ./ref.md "title"',
        '[use][r]',
      ].join('\n');
      const got = readLinks(body, 6).links.map((l) => `${l.form} ${JSON.stringify(l.href)} ${l.line}:${l.column}-${l.endLine}:${l.endColumn}`);
      assert.deepEqual(got, [
        'markdown "../notes/b.md#part" 6:11-6:29',
        'wiki "Event loop" 6:37-6:47',
        'wiki "redis-clone" 6:53-6:64',
        'markdown "./c.md" 8:11-8:17',
        'markdown "./c.md" 10:7-10:13',
        'markdown "../q b.md" 12:15-12:24',
        'html "/notes/h.md" 12:46-12:57',
        'html "../research/x.md#y" 14:15-14:33',
        'wiki "X" 16:11-16:12',
        'wiki "" 17:4-17:12',
        'wiki "notes/a" 23:10-23:17',
        'reference "./ref.md" 25:6-25:14',
      ]);
      const wiki = readLinks('[[ Note title #Part | shown ]]', 1).links[0].wiki;
      assert.deepEqual(wiki, { target: 'Note title', heading: 'Part', alias: 'shown', shown: 'shown', targetOffset: 3, targetLength: 10 });
    });

    it('gives headings the anchors VitePress gives them: exact ids for hard cases', () => {
      const heads = ['Same', 'Same', 'Head &amp; \\& `code`', 'Café — über', '2024 results', 'Custom {#my-id}', 'Emoji :tada: here', 'Dollar $x^2$', 'Wiki [[X|shown]] here', 'Class {.big}'];
      const body = heads.map((h) => `## ${h}`).join('\n\n');
      assert.deepEqual(readLinks(body, 1).headings.map((h) => `${h.line} ${h.slug} ${JSON.stringify(h.text)}`), [
        '1 same "Same"', '3 same-1 "Same"', '5 head-amp-amp-code "Head &amp; &amp; code"', '7 cafe-—-uber "Café — über"',
        '9 _2024-results "2024 results"', '11 my-id "Custom"', '13 emoji-here "Emoji  here"', '15 dollar "Dollar"',
        '17 wiki-shown-here "Wiki shown here"', '19 class "Class"',
      ]);
    });

    it('matches the ids in the HTML VitePress renders, for every level, in quotes, lists and setext headings', async () => {
      await loadBlockEngines();
      const heads = ['Why it works', 'Same', 'Same', 'A.B.C', 'under_score', 'Question? Yes!', 'Ünïcödé 日本語 テスト', 'With `a<b>` and **bold** _em_',
        'Links [inside](x.md) too', 'Trailing ##', 'Entity &copy; and &#169;', 'Emoji :tada: and :) here', 'Same'];
      const body = `${heads.map((h, i) => `${'#'.repeat((i % 6) + 1)} ${h}`).join('\n\ntext\n\n')}\n\n> ## In quote\n\n- ## In list\n\nSetext\n---\n`;
      const { createMarkdownRenderer } = await import('vitepress');
      const md = await createMarkdownRenderer(path.resolve(__dirname, '../../content'), siteMarkdownOptions(), '/');
      const html = md.render(body, { relativePath: 'notes/x.md', cleanUrls: true });
      const ids = [...html.matchAll(/<h[1-6][^>]* id="([^"]*)"/g)].map((m) => m[1]);
      assert.equal(ids.length, heads.length + 3);
      assert.deepEqual(readLinks(body, 1).headings.map((h) => h.slug), ids);
    });
  });

  describe('resolving against the notebook', () => {
    function notebook(): Notebook {
      const nb = new Notebook();
      nb.set('notes/a.md', note('Event loop', '## Why it works\n\nSee [[redis-clone|the clone]], [[Missing]], [b](./b.md#nope), [[#Why it works]], [[#Nope]].'));
      nb.set('notes/b.md', note('B note', [
        'Back to [[Event loop#Why it works]] and [[event LOOP#why-it-works]] [tags](/tags/x) [t2](/tags/y) [feed](/feed.xml) [list](/notes/) [home](/)',
        '<a href="../case-studies/redis-clone.md">rc</a> [pdf](./p.pdf) [pub](/p.pdf) [out](../../x.md) [hidden](./.secret/x.txt)',
        '[draft](./wip) [about](/about) [[Intro]] [x](https://example.com) [m](mailto:a@b.c) [self](#b-section) [pubrel](../public/p.pdf)',
        '',
        '## B section',
      ].join('\n'), 'tags: [x]\n'));
      nb.set('notes/wip.md', note('Work in progress', 'Links to [a](a.md) and [[Event loop]].', 'draft: true\n'));
      nb.set('notes/intro.md', note('Intro', 'x'));
      nb.set('research/intro.md', note('Intro', 'y'));
      nb.set('case-studies/redis-clone.md', '---\ntitle: Redis clone\ncategory: DB\n---\n\nx\n');
      nb.set('about.md', '---\ntitle: About\n---\n\nSee [the loop](notes/a).\n');
      nb.set('index.md', '---\nrole: Engineer\n---\n\nRead [[Event loop]] and [nothing](/nothing).\n');
      return nb;
    }

    it('reports dead and ambiguous links with exact messages, at their lines; files through the disk', () => {
      const nb = notebook();
      assert.deepEqual(problems(nb, { read: () => undefined, isFile: (p) => p === 'public/p.pdf' }), [
        'index.md:5:35: error: link "/nothing" leads to no page (looked for nothing.md and nothing/index.md)',
        'notes/a.md:8:34: error: [[Missing]] names no note or page (by title, file name or path)',
        'notes/a.md:8:49: error: link "./b.md#nope" leads to no heading "#nope" in notes/b.md',
        'notes/a.md:8:85: error: [[#Nope]] names no heading "Nope" in this note',
        'notes/b.md:7:90: error: link "/tags/y" leads to no tag page: no published entry has the tag "y"',
        'notes/b.md:8:55: error: link "./p.pdf" leads to no file (looked for notes/p.pdf)',
        'notes/b.md:8:84: error: link "../../x.md" points outside the content folder',
        'notes/b.md:8:105: error: link "./.secret/x.txt" leads into a hidden folder, which is not published',
        'notes/b.md:9:9: error: link "./wip" leads to notes/wip.md, a draft: it is not published',
        'notes/b.md:9:34: error: [[Intro]] is ambiguous: it names notes/intro.md and research/intro.md; write the path, as [[notes/intro]]',
        'notes/b.md:9:113: error: link "../public/p.pdf": files in public/ are published at the site\'s root, so link /p.pdf',
      ]);
    });

    it('reads the notebook in slices when asked, to the same answers', async () => {
      const nb = notebook();
      const whole = problems(notebook());
      let yielded = 0;
      const tick = setInterval(() => yielded++, 0);
      await nb.links.ready(0);
      clearInterval(tick);
      assert.ok(yielded > 0, 'the event loop ran between slices');
      assert.deepEqual(problems(nb), whole);
    });

    it('a link to an old address (aliases:) leads to the page it redirects to, and a rename leaves it as written', () => {
      const nb = new Notebook();
      nb.set('notes/new-name.md', note('New', 'x', 'aliases: [/posts/old-name, /2019/old.html]\n'));
      nb.set('notes/b.md', note('B', '[old](/posts/old-name) [older](/2019/old.html) [gone](/posts/gone)'));
      assert.deepEqual(problems(nb), ['notes/b.md:6:55: error: link "/posts/gone" leads to no page (looked for posts/gone.md and posts/gone/index.md)']);
      assert.deepEqual(nb.links.backlinks('notes/new-name.md').map((b) => b.path), ['notes/b.md']);
      assert.deepEqual(renameEdits(nb.links, [{ from: 'notes/new-name.md', to: 'notes/newer.md' }]), []);
      // The alias removed: the link is dead.
      nb.set('notes/new-name.md', note('New', 'x'));
      assert.equal(problems(nb).length, 3);
    });

    it('a missing file is found when it appears; a note is found when it is added', () => {
      const nb = notebook();
      assert.ok(problems(nb).some((p) => p.includes('"./p.pdf"')));
      assert.ok(!problems(nb, { read: () => undefined, isFile: (p) => p === 'notes/p.pdf' }).some((p) => p.includes('"./p.pdf"')));
      nb.set('notes/missing.md', note('Missing', 'Now here.'));
      assert.ok(!problems(nb).some((p) => p.includes('[[Missing]]')));
      nb.delete('notes/missing.md');
      assert.ok(problems(nb).some((p) => p.includes('[[Missing]]')));
    });

    it('lists backlinks by title; the site\'s list leaves drafts out', () => {
      const nb = notebook();
      assert.deepEqual(nb.links.backlinks('notes/a.md').map((b) => `${b.title} ${b.url}${b.draft ? ' (draft)' : ''}`), [
        'About /about', 'B note /notes/b', 'Engineer /', 'Work in progress /notes/wip (draft)',
      ]);
      assert.deepEqual(nb.links.backlinks('notes/a.md', { published: true }).map((b) => b.path), ['about.md', 'notes/b.md', 'index.md']);
      assert.deepEqual(nb.links.backlinks('case-studies/redis-clone.md').map((b) => b.path), ['notes/b.md', 'notes/a.md']);
      nb.set('notes/b.md', note('B note', 'No links now.'));
      assert.deepEqual(nb.links.backlinks('case-studies/redis-clone.md').map((b) => b.path), ['notes/a.md']);
    });

    it('re-resolves only the notes that depend on what changed', () => {
      const nb = notebook();
      nb.linkProblems(noFiles);
      const a = nb.links.linksOf('notes/a.md');
      const b = nb.links.linksOf('notes/b.md');
      // Typing in another note's body: neither is resolved again.
      nb.set('notes/intro.md', note('Intro', 'x, edited'));
      assert.equal(nb.links.linksOf('notes/a.md'), a);
      assert.equal(nb.links.linksOf('notes/b.md'), b);
      // A heading of b changes: a links to b#…, so a is resolved again; b's title-links to a are not.
      nb.set('notes/b.md', note('B note', 'x\n\n## Nope'));
      assert.notEqual(nb.links.linksOf('notes/a.md'), a);
      assert.ok(!problems(nb).some((p) => p.includes('"./b.md#nope"')));
      // A renamed title: the wikilinks that named it lead nowhere.
      nb.set('notes/a.md', note('Event loops', '## Why it works'));
      assert.ok(problems(nb).includes('index.md:5:8: error: [[Event loop]] names no note or page (by title, file name or path)'));
    });

    it('renders wikilinks as links to the entry (and heading), unresolved ones as text, and ends an entry with its backlinks', () => {
      const nb = notebook();
      const md = new MarkdownIt(MARKDOWN_OPTIONS);
      notepressMarkdown(md, { notebook: () => nb });
      assert.equal(md.render(nb.get('notes/a.md')!.body, { relativePath: 'notes/a.md' }), [
        '<h2>Why it works</h2>',
        '<p>See <a href="/case-studies/redis-clone">the clone</a>, <span class="np-wikilink-unresolved">Missing</span>, <a href="./b.md#nope">b</a>, <a href="#why-it-works">#Why it works</a>, <span class="np-wikilink-unresolved">#Nope</span>.</p>',
        '<nav class="np-backlinks" aria-labelledby="np-backlinks-title">',
        '<h2 id="np-backlinks-title" class="np-backlinks__title">Linked from</h2>',
        '<ul>',
        '<li><a href="/about">About</a></li>',
        '<li><a href="/notes/b">B note</a></li>',
        '<li><a href="/">Engineer</a></li>',
        '</ul>',
        '</nav>',
        '',
      ].join('\n'));
      assert.equal(md.render('[[Event loop#Why it works|<b>x</b>]]', { relativePath: 'about.md' }), '<p><a href="/notes/a#why-it-works">&lt;b&gt;x&lt;/b&gt;</a></p>\n');
      // Without a notebook every wikilink is text.
      const plain = new MarkdownIt(MARKDOWN_OPTIONS);
      notepressMarkdown(plain);
      assert.equal(plain.render('[[Event loop]]'), '<p><span class="np-wikilink-unresolved">Event loop</span></p>\n');
    });
  });

  describe('renameEdits', () => {
    /** Each edit as `file:line: old → new`, the old text read from the file at the edit's range. */
    const shown = (texts: Record<string, string>, edits: ReturnType<typeof renameEdits>) => edits.map((e) => {
      assert.equal(e.line, e.endLine);
      const old = texts[e.file].split('\n')[e.line - 1].slice(e.column - 1, e.endColumn - 1);
      return `${e.file}:${e.line}: ${old} → ${e.text}`;
    });
    const load = (texts: Record<string, string>) => {
      const nb = new Notebook();
      for (const [p, t] of Object.entries(texts)) nb.set(p, t);
      return nb;
    };

    it('rewrites every link to a renamed note in the form it was written, and the title wikilinks when the title changes', () => {
      const texts = {
        'notes/old-name.md': note('Old title', 'Self: [[Old title#Part]] [up](../research/r.md) [here](./data.csv)\n\n## Part'),
        'notes/other.md': note('Other', [
          '[rel](./old-name.md#part) [bare](old-name) [root](/notes/old-name) [rootmd](/notes/old-name.md?x=1) [html](old-name.html)',
          '[[Old title]] [[old-name|x]] [[notes/old-name#Part]] [[Other]] <a href="./old-name.md">h</a> [[OLD TITLE]]',
          '',
          '[ref]: ./old-name.md',
        ].join('\n')),
        'research/r.md': note('R', '[back](../notes/old-name.md) [[old-name]] [other](../notes/other.md)'),
      };
      const nb = load(texts);
      const edits = renameEdits(nb.links, [{ from: 'notes/old-name.md', to: 'notes/new-name.md' }], new Map([['notes/old-name.md', 'New title']]));
      assert.deepEqual(shown(texts, edits), [
        'notes/old-name.md:6: Old title → New title',
        'notes/other.md:6: ./old-name.md#part → ./new-name.md#part',
        'notes/other.md:6: old-name → new-name',
        'notes/other.md:6: /notes/old-name → /notes/new-name',
        'notes/other.md:6: /notes/old-name.md?x=1 → /notes/new-name.md?x=1',
        'notes/other.md:6: old-name.html → new-name.html',
        'notes/other.md:7: Old title → New title',
        'notes/other.md:7: old-name → new-name',
        'notes/other.md:7: notes/old-name → notes/new-name',
        'notes/other.md:7: ./old-name.md → ./new-name.md',
        'notes/other.md:7: OLD TITLE → New title',
        'notes/other.md:9: ./old-name.md → ./new-name.md',
        'research/r.md:6: ../notes/old-name.md → ../notes/new-name.md',
        'research/r.md:6: old-name → new-name',
      ]);
    });

    it('a note moved to another folder keeps its own relative links; a folder moved whole changes only the paths into it', () => {
      const texts = {
        'notes/a.md': note('A', '[up](../research/r.md) [here](./data.csv) [sib](./b.md) [[b]] [[notes/b]] [idx](../research/)'),
        'notes/b.md': note('B', '[a](./a.md) [a2](a)'),
        'research/r.md': note('R', '[a](../notes/a.md) [b](/notes/b) [c](./c.md)'),
      };
      const nb = load(texts);
      assert.deepEqual(shown(texts, renameEdits(nb.links, [{ from: 'notes/a.md', to: 'research/a.md' }])), [
        'notes/a.md:6: ../research/r.md → r.md',
        'notes/a.md:6: ./data.csv → ../notes/data.csv',
        'notes/a.md:6: ./b.md → ../notes/b.md',
        'notes/a.md:6: ../research/ → ./',
        'notes/b.md:6: ./a.md → ../research/a.md',
        'notes/b.md:6: a → ../research/a',
        'research/r.md:6: ../notes/a.md → a.md',
      ]);
      const folder = [{ from: 'notes', to: 'journal', folder: true }];
      assert.equal(movedPath('notes/x/y.md', folder), 'journal/x/y.md');
      assert.equal(movedPath('notesx/y.md', folder), 'notesx/y.md');
      assert.deepEqual(shown(texts, renameEdits(nb.links, folder)), [
        'notes/a.md:6: notes/b → journal/b',
        'research/r.md:6: ../notes/a.md → ../journal/a.md',
        'research/r.md:6: /notes/b → /journal/b',
      ]);
    });
  });
});
