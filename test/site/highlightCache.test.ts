import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite, REPO, siteWithOverrides } from '../helpers/site';
import { writeNotebook } from '../helpers/generate';

/** Every built page's HTML, by its path in the output folder. */
function pages(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
  return new Map(files.map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(dir, f), 'utf8')]));
}

/** The build's line about code blocks (highlight.ts). */
function blocks(output: string): { highlighted: number; cached: number } {
  const m = /notepress: code blocks: (\d+) highlighted, (\d+) from the cache/.exec(output);
  assert.ok(m, output);
  return { highlighted: Number(m[1]), cached: Number(m[2]) };
}

/** A page without what names other pages' chunks (VitePress's page hashes, which change with any page: `metaChunk`). */
const body = (html: string) => html.replace(/<script type="module" src="\/assets\/chunks\/metadata\.\w+\.js"><\/script>/, '');

const CODE_NOTE = (n: number) => `---\ntitle: Code\ndate: 2026-01-02\n---\n\nBlocks.\n\n\`\`\`ts {2}\nconst a = 1;\nconst b = ${n};\n\`\`\`\n\n\`\`\`rust:line-numbers\nfn main() {}\n\`\`\`\n\n\`\`\`vue-html\n<p>{{ a }}</p>\n\`\`\`\n`;

/**
 * The highlight cache over real builds: a rebuild with nothing changed highlights no
 * block and writes the same pages; a changed block is highlighted again and its page is
 * what a build without the cache writes; a damaged cache file costs time, not the build.
 */
describe('site: the highlight cache', function () {
  this.timeout(600_000);
  let base: string;
  let content: string;
  let site: string;
  const env = { NOTEPRESS_OG_IMAGES: 'off' };
  const cacheFile = () => path.join(site, '.vitepress', 'cache', 'notepress', 'highlight', 'blocks');
  const build = async (name: string) => {
    const out = path.join(base, name);
    const r = await buildSite(content, out, { env, siteDir: site });
    assert.equal(r.code, 0, r.output);
    return { out, output: r.output, pages: pages(out) };
  };

  before(() => {
    mkdirSync(path.join(REPO, '.cache'), { recursive: true });
    // Under the repository: the pages VitePress compiles import vue from beside them.
    base = mkdtempSync(path.join(REPO, '.cache', 'highlight-'));
    content = path.join(base, 'content');
    writeNotebook(content, 4);
    writeFileSync(path.join(content, 'notes/code.md'), CODE_NOTE(2));
    // Its own site folder, so its own cache folder (`.vitepress/cache`): no other build shares it.
    site = siteWithOverrides({});
  });
  after(() => {
    rmSync(base, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  });

  it('rebuilds unchanged from the cache, re-highlights a changed block, and survives a damaged cache file', async () => {
    const cold = await build('cold');
    const first = blocks(cold.output);
    // Four generated notes of two blocks each, and the code note's three.
    assert.deepEqual(first, { highlighted: 11, cached: 0 });

    const warm = await build('warm');
    assert.deepEqual(blocks(warm.output), { highlighted: 0, cached: 11 });
    assert.deepEqual([...warm.pages.keys()], [...cold.pages.keys()]);
    for (const [file, html] of cold.pages) assert.ok(warm.pages.get(file) === html, `${file} differs after a rebuild from the cache`);

    writeFileSync(path.join(content, 'notes/code.md'), CODE_NOTE(3));
    const changed = await build('changed');
    assert.deepEqual(blocks(changed.output), { highlighted: 1, cached: 10 });
    const page = changed.pages.get('notes/code.html')!;
    assert.notEqual(body(page), body(cold.pages.get('notes/code.html')!));
    for (const [file, html] of cold.pages) {
      if (file !== 'notes/code.html') assert.equal(body(changed.pages.get(file)!), body(html), `${file} changed with another note`);
    }

    // Damaged: nothing can be read from it, so every block is highlighted; the page is the same.
    writeFileSync(cacheFile(), 'notepress-highlight-cache 1\n["0123", "<pre>wrong</pre>"]\n\u0000\u0001garbage');
    const damaged = await build('damaged');
    assert.deepEqual(blocks(damaged.output), { highlighted: 11, cached: 0 });
    assert.ok(damaged.pages.get('notes/code.html') === page, 'the changed page differs from a build without the cache');
    assert.ok(readFileSync(cacheFile(), 'utf8').startsWith('notepress-highlight-cache 1\n'));
  });
});
