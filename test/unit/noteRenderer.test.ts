import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { NoteRenderer } from '../../extension/preview/noteRenderer';

const REPO = path.resolve(__dirname, '../..');
const VITEPRESS = path.join(REPO, 'node_modules/vitepress/dist/node/index.js');
const file = { absPath: path.join(REPO, 'content/notes/x.md'), relPath: 'notes/x.md' };
const note = (prose: string, code = 'let a = 1;') =>
  `---\ntitle: X\ndate: 2026-01-01\n---\n\n${prose}\n\n\`\`\`rust\nfn main() {}\n\`\`\`\n\n\`\`\`ts\n${code}\n\`\`\`\n`;

describe('NoteRenderer', function () {
  this.timeout(30_000);

  it('memoises highlighted blocks: editing prose re-highlights nothing and changes nothing else', async () => {
    const cached = new NoteRenderer(path.join(REPO, 'content'), VITEPRESS);
    const first = await cached.render(note('First words.'), file);
    assert.equal(first.exact, true);
    assert.equal(cached.cachedBlocks, 2);
    const second = await cached.render(note('First words, edited.'), file);
    assert.equal(cached.cachedBlocks, 2);
    const fresh = await new NoteRenderer(path.join(REPO, 'content'), VITEPRESS).render(note('First words, edited.'), file);
    assert.equal(second.html, fresh.html);
    await cached.render(note('First words, edited.', 'let a = 2;'), file);
    assert.equal(cached.cachedBlocks, 3);
  });

  it('marks source lines only when asked, counting from the file\'s first line', async () => {
    const r = new NoteRenderer(path.join(REPO, 'content'), VITEPRESS);
    const plain = await r.render(note('Words.'), file);
    assert.ok(!plain.html.includes('data-line'));
    const marked = await r.render(note('Words.'), file, { sourceLines: true });
    assert.match(marked.html, /<p data-line="5">Words\.<\/p>/);
  });

  it('renders a body that starts with --- as written (VitePress\'s frontmatter reader never sees it), and shows include syntax as text', async () => {
    const r = new NoteRenderer(path.join(REPO, 'content'), VITEPRESS);
    const out = await r.render('---\ntitle: X\ndate: 2026-01-01\n---\n---\nkey: not frontmatter\n---\n\nAfter.\n\n<<< ../../package.json\n\n`<!--@include: ../../package.json-->`\n', file);
    assert.equal(out.exact, true);
    assert.match(out.html, /^<hr \/>\n<h2 id="key-not-frontmatter" tabindex="-1">key: not frontmatter/);
    assert.match(out.html, /<p>After\.<\/p>\n<p>&lt;&lt;&lt; \.\.\/\.\.\/package\.json<\/p>\n<p><code>&lt;!--@include: \.\.\/\.\.\/package\.json--&gt;<\/code><\/p>/);
    assert.ok(!out.html.includes('"name": "notepress"'));
  });

  it('falls back to sanitized markdown-it without VitePress, and says so', async () => {
    const r = new NoteRenderer(path.join(REPO, 'content'), undefined);
    const out = await r.render('---\ntitle: X\n---\n\nHi <script>x()</script> {{ y }}\n', file);
    assert.equal(out.exact, false);
    assert.equal(out.html, '<p>Hi  &#123;&#123; y }}</p>\n');
  });

  it('falls back when VitePress cannot be loaded, and reports why', async () => {
    const said: string[] = [];
    const r = new NoteRenderer('.', '/nonexistent/vitepress/index.js', (m) => said.push(m));
    assert.equal((await r.render('text', file)).exact, false);
    assert.equal(said.length, 1);
    assert.match(said[0], /could not load VitePress's renderer/);
  });
});
