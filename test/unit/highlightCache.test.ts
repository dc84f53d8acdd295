import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedHighlight, HIGHLIGHT_CACHE_VERSION, withoutTokenizeTimeLimit, HIGHLIGHT_THEMES, highlightKey, type HighlightStore, siteMarkdownOptions } from '../../extension/core/index';
import { DiskHighlightStore, highlighterContext } from '../../extension/core/node/highlightStore';
import { sha256 } from '../../extension/core/node/cacheFile';
import { siteHighlightCache } from '../../docs/site/highlight';

const REPO = path.resolve(__dirname, '../..');

class MemoryStore implements HighlightStore {
  readonly map = new Map<string, string>();
  get(key: string) { return this.map.get(key); }
  set(key: string, html: string) { this.map.set(key, html); }
}

describe('highlight cache: keys', () => {
  const block = { code: 'let a = 1;\n', lang: 'ts', attrs: '' };
  const cache = { context: 'vitepress@1 shiki@2', hash: sha256 };
  const key = highlightKey(block, HIGHLIGHT_THEMES, cache);

  it('changes with each part: source, language, attributes, themes, versions', () => {
    const variants = [
      highlightKey({ ...block, code: 'let a = 2;\n' }, HIGHLIGHT_THEMES, cache),
      highlightKey({ ...block, lang: 'js' }, HIGHLIGHT_THEMES, cache),
      highlightKey({ ...block, lang: 'ts:line-numbers' }, HIGHLIGHT_THEMES, cache),
      highlightKey({ ...block, attrs: '1,3' }, HIGHLIGHT_THEMES, cache),
      highlightKey(block, { light: 'github-light', dark: HIGHLIGHT_THEMES.dark }, cache),
      highlightKey(block, HIGHLIGHT_THEMES, { ...cache, context: 'vitepress@1 shiki@3' }),
    ];
    assert.equal(new Set([key, ...variants]).size, variants.length + 1);
    assert.equal(highlightKey({ ...block }, { ...HIGHLIGHT_THEMES }, cache), key);
  });

  it('holds our own version, so a change of ours drops every stored block', () => {
    const parts = JSON.parse(highlightKey(block, HIGHLIGHT_THEMES, { ...cache, hash: (s) => s })) as unknown[];
    assert.equal(parts[0], HIGHLIGHT_CACHE_VERSION);
  });

  it('highlights a block once; a changed block again', () => {
    const calls: string[] = [];
    const store = new MemoryStore();
    const hl = cachedHighlight((code, lang, attrs) => (calls.push(code), `<pre>${lang}|${attrs}|${code}</pre>`), HIGHLIGHT_THEMES, { ...cache, store });
    assert.equal(hl('a', 'ts', ''), '<pre>ts||a</pre>');
    assert.equal(hl('a', 'ts', ''), '<pre>ts||a</pre>');
    assert.equal(hl('a', 'ts', '2'), '<pre>ts|2|a</pre>');
    assert.equal(hl('b', 'ts', ''), '<pre>ts||b</pre>');
    assert.deepEqual(calls, ['a', 'a', 'b']);
  });

  it('has Shiki colour every line whole (its time limit made the first block of a language depend on the machine\'s load)', () => {
    const seen: object[] = [];
    const h = { codeToHtml: (_code: string, o: object) => (seen.push(o), 'html') };
    withoutTokenizeTimeLimit(h);
    assert.equal(h.codeToHtml('a', { lang: 'ts' }), 'html');
    assert.deepEqual(seen, [{ lang: 'ts', tokenizeTimeLimit: 0 }]);
  });

  it('names the installed highlighter\'s versions', () => {
    const context = highlighterContext(REPO);
    const version = (name: string) => (JSON.parse(readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    assert.match(context, new RegExp(`^vitepress@${version('vitepress')} shiki@${version('shiki')} `));
    assert.ok(!context.includes('@none'), context);
    assert.match(highlighterContext(os.tmpdir()), /^vitepress@none shiki@none/);
  });
});

describe('highlight cache: the file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-hl-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const K = (n: number) => sha256(String(n));

  it('keeps blocks between processes; a build writes back only the blocks it used', async () => {
    const first = new DiskHighlightStore();
    first.open(dir);
    first.set(K(1), '<pre>1</pre>');
    first.set(K(2), '<pre>2</pre>');
    await first.write({ all: false });
    const second = new DiskHighlightStore();
    second.open(dir);
    assert.equal(second.get(K(1)), '<pre>1</pre>');
    assert.equal(second.get(K(3)), undefined);
    assert.deepEqual(second.stats, { highlighted: 0, cached: 1 });
    await second.write({ all: false });
    const third = new DiskHighlightStore();
    third.open(dir);
    assert.equal(third.get(K(2)), undefined);
    assert.equal(third.get(K(1)), '<pre>1</pre>');
  });

  it('keeps every block it held when writing all (the dev server), and does not write an unchanged file', async () => {
    const a = new DiskHighlightStore();
    a.open(dir);
    a.set(K(1), 'one');
    await a.write({ all: true });
    const b = new DiskHighlightStore();
    b.open(dir);
    b.set(K(2), 'two');
    await b.write({ all: true });
    const file = path.join(dir, 'blocks');
    const before = statSync(file).mtimeMs;
    const c = new DiskHighlightStore();
    c.open(dir);
    assert.equal(c.get(K(1)), 'one');
    assert.equal(c.get(K(2)), 'two');
    await c.write({ all: false });
    assert.equal(statSync(file).mtimeMs, before);
  });

  it('ignores a damaged file, another format or a damaged line: what cannot be read is highlighted again', async () => {
    const file = path.join(dir, 'blocks');
    const read = (text: string | Buffer, key: string) => {
      writeFileSync(file, text);
      const s = new DiskHighlightStore();
      s.open(dir);
      return s.get(key);
    };
    assert.equal(read(Buffer.from([0xff, 0x00, 0x13, 0x0a, 0x7b]), K(1)), undefined);
    assert.equal(read(`other-format 1\n${JSON.stringify([K(1), 'x'])}\n`, K(1)), undefined);
    const good = `notepress-highlight-cache 1\n${JSON.stringify([K(1), 'one'])}\n`;
    assert.equal(read(`${good}["${K(2)}", "tw`, K(1)), 'one');
    assert.equal(read(`${good}["${K(2)}", "tw`, K(2)), undefined);
    assert.equal(read(`${good}[1, "x"]\n{}\n["short", "x"]\n`, K(1)), 'one');
    // A damaged file is replaced by the next build's.
    const s = new DiskHighlightStore();
    s.open(dir);
    s.set(K(3), 'three');
    await s.write({ all: false });
    assert.equal(readFileSync(file, 'utf8'), `notepress-highlight-cache 1\n${JSON.stringify([K(3), 'three'])}\n`);
  });
});

describe('highlight cache: the site\'s', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-hl-site-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = () => path.join(dir, 'notepress', 'highlight', 'blocks');
  type Hooks = { configResolved(c: object): void; closeBundle(): Promise<void> };

  it('finds its file in VitePress\'s cache folder; the dev server writes it when it closes, a build only at its end', async () => {
    for (const isBuild of [false, true]) {
      rmSync(file(), { force: true });
      const hl = siteHighlightCache(isBuild);
      const hooks = hl.plugin as unknown as Hooks;
      hooks.configResolved({ vitepress: { cacheDir: dir } });
      hl.markdown.store.set(sha256('a'), '<pre>a</pre>');
      await hooks.closeBundle();
      assert.equal(existsSync(file()), !isBuild);
      const lines: string[] = [];
      await hl.write((l) => lines.push(l));
      assert.ok(readFileSync(file(), 'utf8').includes('<pre>a</pre>'));
      assert.deepEqual(lines, ['notepress: code blocks: 1 highlighted, 0 from the cache\n']);
    }
  });
});

describe('highlight cache: with VitePress\'s highlighter', function () {
  this.timeout(60_000);
  type Md = { render(src: string, env?: object): string };
  const vitepress = () => import('vitepress') as Promise<{ createMarkdownRenderer(dir: string, o: unknown): Promise<Md>; disposeMdItInstance(): void }>;
  // VitePress keeps one renderer per process: each test makes its own and drops it after.
  const renderer = async (o: Parameters<typeof siteMarkdownOptions>[0]) => {
    const vp = await vitepress();
    vp.disposeMdItInstance();
    return vp.createMarkdownRenderer(path.join(REPO, 'content'), siteMarkdownOptions(o));
  };
  after(async () => (await vitepress()).disposeMdItInstance());

  it('renders byte for byte as without it, and highlights nothing a second time', async () => {
    const doc = '# T\n\n```ts {2}\nconst a = 1;\nconst b = 2;\n```\n\n```rust:line-numbers\nfn main() {}\n```\n\n```vue-html\n<p>{{ a }}</p>\n```\n\n```\nplain\n```\n';
    const plain = (await renderer({})).render(doc, {});
    const store = new DiskHighlightStore();
    const md = await renderer({ highlightCache: { store, context: highlighterContext(REPO), hash: sha256 } });
    assert.equal(md.render(doc, {}), plain);
    assert.equal(store.stats.highlighted, 4);
    assert.equal(md.render(doc, {}), plain);
    assert.equal(store.stats.highlighted, 4);
    assert.equal(md.render(doc.replace('const b = 2', 'const b = 3'), {}), plain.replace('> 2</span>', '> 3</span>'));
    assert.equal(store.stats.highlighted, 5);
  });
});
