import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { dangerousElements, settle } from '../helpers/xssDetector';
import { serveStatic } from '../helpers/staticServer';
import { buildSite, copyContent, REPO } from '../helpers/site';
import { assertSameHtml, normalisedBodies } from '../helpers/fidelity';
import { BROKEN, DAMAGE_PROBLEM, VALID, writeCorpus, writeDamagedNotebook } from '../fixtures/corpus';
import { NoteRenderer } from '../../extension/preview/noteRenderer';
import { urlOf } from '../../extension/core/urls';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('bad and hostile input corpus: the site build', function () {
  this.timeout(300_000);

  it('lists every problem of every broken file as path:line:column, builds nothing, and prints no stack trace', async () => {
    const content = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-corpus-broken-'));
    try {
      writeCorpus(content, { only: 'broken', loop: true });
      const { code, output } = await buildSite(content, out);
      assert.equal(code, 1, output);
      const rel = path.relative(REPO, content);
      const expected = BROKEN.flatMap((c) => c.problems);
      for (const line of expected) assert.ok(output.includes(`${rel}/${line}`), `missing: ${line}\n${output}`);
      // Exactly these and no others: one line per problem.
      assert.equal(output.split('\n').filter((l) => / error: /.test(l)).length, expected.length, output);
      assert.ok(output.includes(`notepress: ${expected.length} problems in the content folder; the site was not built.`), output);
      assert.doesNotMatch(output, STACK_LINE);
      assert.equal(existsSync(path.join(out, 'index.html')), false);
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  describe('valid but unusual files', () => {
    let content: string;
    let out: string;
    let server: { url: string; close: () => Promise<void> };
    let browser: Browser;
    before(async () => {
      content = copyContent();
      out = mkdtempSync(path.join(os.tmpdir(), 'notepress-corpus-valid-'));
      writeCorpus(content, { only: 'valid', loop: true });
      const build = await buildSite(content, out);
      assert.equal(build.code, 0, build.output);
      assert.doesNotMatch(build.output, STACK_LINE);
      server = await serveStatic(out);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    });

    it('builds a page for each, with its title: byte-order mark, CRLF, no body, 5 MB', async () => {
      const page = await browser.newPage();
      for (const c of VALID.filter((v) => v.file !== 'notes/hostile-markup.md')) {
        await page.goto(server.url + urlOf(c.file));
        assert.equal(await page.locator('.entry-header__title').innerText(), c.title, c.what);
      }
      await page.goto(server.url + urlOf('notes/huge.md'));
      assert.ok((await page.locator('.entry__body h2').count()) > 100);
      // The symbolic link that loops back up is not followed into pages.
      assert.equal(existsSync(path.join(out, 'notes/loop')), false);
      await page.close();
    });

    it('shows hostile markup and a hostile title as inert text, on the note and on every list, and runs nothing', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      const hostile = VALID.find((v) => v.file === 'notes/hostile-markup.md')!;
      for (const url of ['/', '/notes/', '/feed.xml', urlOf(hostile.file)]) {
        await page.goto(server.url + url, { waitUntil: 'networkidle' });
        assert.equal(await pwned(), undefined, url);
      }
      await page.goto(server.url + urlOf(hostile.file), { waitUntil: 'networkidle' });
      assert.equal(await page.locator('.entry-header__title').innerText(), hostile.title);
      const body = page.locator('.entry__body');
      assert.deepEqual(await dangerousElements(page, '.entry__body'), []);
      for (const id of ['#js-link', '#data-link', '#vb-link']) assert.equal(await page.locator(id).getAttribute('href'), null, id);
      await page.locator('#js-link').click();
      await page.locator('.entry__body details summary').click();
      await settle(page);
      assert.equal(await pwned(), undefined);
      assert.match(await body.innerText(), /Template \{\{ constructor\.constructor\("window\.__pwned = 'vue'"\)\(\) \}\} stays text\./);
      assert.match(await body.innerText(), /Harmless text at the end\./);
      // The box that tried to cover the page is an ordinary block in the flow.
      const box = await body.locator('div', { hasText: 'a box that tries to cover the page' }).last().evaluate((el) => getComputedStyle(el).position);
      assert.equal(box, 'static');
      await page.goto(server.url + '/');
      assert.ok((await page.locator('main').innerText()).includes(hostile.title), 'the home page lists the title as text');
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('the preview renders each of them to the same HTML the site built', async () => {
      const page = await browser.newPage();
      const renderer = new NoteRenderer(content, path.join(REPO, 'node_modules/vitepress/dist/node/index.js'));
      for (const c of VALID) {
        const text = readFileSync(path.join(content, c.file), 'utf8');
        const preview = await renderer.render(text, { absPath: path.join(content, c.file), relPath: c.file });
        await page.goto(server.url + urlOf(c.file));
        const [built, mine] = await normalisedBodies(page, preview.html);
        assertSameHtml(c.file, mine, built);
      }
      await page.close();
    });
  });

  it('scale with damage: 10,000 notes with 1% broken stop the build with all 100 listed, before any rendering', async () => {
    const content = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-damage-'));
    try {
      const broken = writeDamagedNotebook(content);
      const { code, output } = await buildSite(content, out);
      assert.equal(code, 1);
      const rel = path.relative(REPO, content);
      for (const b of broken) assert.ok(output.includes(`${rel}/${b}:3:7: ${DAMAGE_PROBLEM}`), b);
      assert.ok(output.includes('notepress: 100 problems in the content folder; the site was not built.'));
      assert.doesNotMatch(output, STACK_LINE);
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
