import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, copyContent, REPO, siteWithOverrides } from '../helpers/site';
import { useBuiltSite } from '../helpers/builtSite';
import { assertSameHtml, normalisedBodies } from '../helpers/fidelity';
import { NoteRenderer } from '../../extension/preview/noteRenderer';
import { loadNotebook } from '../../extension/core/node/load';

// Fixtures, not seed notes: two notes that link to each other by wikilink, by path with a
// heading, and to a file beside them.
const LEDGER = [
  '---', 'title: Quokka ledger', 'date: 2026-03-02', 'summary: Links out.', '---', '',
  'The cache is [[Wombat cache]]; its [[wombat-cache#Eviction|eviction policy]] matters.',
  'See [the event loop](../notes/redis-single-threaded-event-loop.md) and [the runs](./quokka-runs.csv).', '',
  '## Write path', '', 'Back to [[#Write path]].', '',
].join('\n');
const WOMBAT = [
  '---', 'title: Wombat cache', 'date: 2026-03-01', '---', '',
  'Written by the [ledger\'s write path](./quokka-ledger.md#write-path).', '',
  '## Eviction', '', 'Least recently used first.', '',
].join('\n');

describe('site: links, wikilinks and backlinks (VitePress build in Chromium)', function () {
  this.timeout(240_000);
  const site = useBuiltSite({ prefix: 'links', prepare: (dir) => {
    writeFileSync(path.join(dir, 'notes/quokka-ledger.md'), LEDGER);
    writeFileSync(path.join(dir, 'notes/wombat-cache.md'), WOMBAT);
    writeFileSync(path.join(dir, 'notes/quokka-runs.csv'), 'run,ms\n1,42\n');
  }, page: {} });
  let content: string;
  let outDir: string;
  let browser: Browser;
  let page: Page;
  before(() => {
    content = site.content();
    outDir = site.outDir();
    browser = site.browser();
  });
  beforeEach(async () => {
    page = site.page();
  });

  it('a wikilink by title leads to the entry, and one by file name with a heading to that heading', async () => {
    await page.goto(`${site.url()}/notes/quokka-ledger`);
    // (The list at the end names Wombat cache too: it links here.)
    await page.locator('.entry__body p a', { hasText: 'Wombat cache' }).click();
    await page.waitForURL(`${site.url()}/notes/wombat-cache`);
    // The router changes the address first, then the page.
    await page.locator('h1', { hasText: 'Wombat cache' }).waitFor();
    await page.goBack();
    await page.locator('h1', { hasText: 'Quokka ledger' }).waitFor();
    await page.locator('.entry__body a', { hasText: 'eviction policy' }).click();
    await page.waitForURL(`${site.url()}/notes/wombat-cache#eviction`);
    await page.locator('h2#eviction').waitFor();
    // The same-note heading wikilink is a fragment link to the heading's anchor.
    await page.goBack();
    await page.locator('h1', { hasText: 'Quokka ledger' }).waitFor();
    assert.equal(await page.locator('.entry__body a', { hasText: '#Write path' }).getAttribute('href'), '#write-path');
  });

  it('a link to a heading of another note, written as a path, leads to that heading', async () => {
    await page.goto(`${site.url()}/notes/wombat-cache`);
    await page.locator('.entry__body a', { hasText: 'ledger\'s write path' }).click();
    await page.waitForURL(`${site.url()}/notes/quokka-ledger#write-path`);
    await page.locator('h2#write-path').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Quokka ledger');
  });

  it('each entry lists what links to it, in the page\'s HTML, shown with JavaScript off, in none of the JavaScript the page loads', async () => {
    const scripts: string[] = [];
    page.on('response', async (r) => { if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => '')); });
    await page.goto(`${site.url()}/notes/redis-single-threaded-event-loop`, { waitUntil: 'networkidle' });
    const list = page.locator('nav.np-backlinks');
    assert.equal(await list.getByRole('heading').innerText(), 'Linked from');
    assert.deepEqual(await list.locator('li a').evaluateAll((as) => as.map((a) => `${a.textContent} ${a.getAttribute('href')}`)), ['Quokka ledger /notes/quokka-ledger']);
    assert.ok(scripts.length > 0);
    assert.deepEqual(scripts.filter((s) => s.includes('np-backlinks') || s.includes('Linked from')), []);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.url()}/notes/wombat-cache`);
    assert.deepEqual(await plain.locator('nav.np-backlinks li a').allInnerTexts(), ['Quokka ledger']);
    await noJs.close();
    // An entry nothing links to has no list.
    const html = readFileSync(path.join(outDir, 'notes/concurrent-servers-from-sockets-to-async-await.html'), 'utf8');
    assert.ok(!html.includes('np-backlinks'));
  });

  it('axe-core finds no accessibility violations on a page with wikilinks and its Linked from list, light and dark', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const p = await browser.newPage({ colorScheme: scheme, bypassCSP: true }); // axe is injected; the site's CSP would refuse it
      await p.goto(`${site.url()}/notes/quokka-ledger`);
      await p.locator('nav.np-backlinks').waitFor();
      await p.addScriptTag({ content: axe });
      const violations = await p.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, [], scheme);
      await p.close();
    }
  });

  it('a file beside the note that a link names is published at that place', async () => {
    await page.goto(`${site.url()}/notes/quokka-ledger`);
    const href = await page.locator('.entry__body a', { hasText: 'the runs' }).getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal(await res.text(), 'run,ms\n1,42\n');
  });

  it('the preview renders the note, its wikilinks and its backlinks to the HTML the site built', async () => {
    const nb = await loadNotebook(content);
    const renderer = new NoteRenderer(content, path.join(REPO, 'node_modules/vitepress/dist/node/index.js'));
    for (const [file, text] of [['notes/quokka-ledger.md', LEDGER], ['notes/wombat-cache.md', WOMBAT]]) {
      const preview = await renderer.render(text, { absPath: path.join(content, file), relPath: file }, { notebook: nb });
      assert.equal(preview.exact, true);
      assert.match(preview.html, /np-backlinks/);
      await page.goto(`${site.url()}/${file.replace(/\.md$/, '')}`);
      const [built, mine] = await normalisedBodies(page, preview.html);
      assertSameHtml(file, mine, built);
    }
  });

  const DEAD_ENDS = [
    '---', 'title: Dead ends', 'date: 2026-03-03', '---', '',
    'See [gone](./gone.md) and [[Nowhere]].', '',
    'Also [a heading](./redis-single-threaded-event-loop.md#no-such-heading).', '',
  ].join('\n');

  it('dead links stop the build at path:line:column, before VitePress and with no stack trace', async () => {
    const broken = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-links-broken-'));
    try {
      writeFileSync(path.join(broken, 'notes/dead-ends.md'), DEAD_ENDS);
      const { code, output } = await buildSite(broken, out);
      assert.notEqual(code, 0);
      const rel = path.relative(REPO, broken);
      assert.equal(output, [
        `${rel}/notes/dead-ends.md:6:12: error: link "./gone.md" leads to no page (looked for notes/gone.md)`,
        `${rel}/notes/dead-ends.md:6:29: error: [[Nowhere]] names no note or page (by title, file name or path)`,
        `${rel}/notes/dead-ends.md:8:18: error: link "./redis-single-threaded-event-loop.md#no-such-heading" leads to no heading "#no-such-heading" in notes/redis-single-threaded-event-loop.md`,
        'notepress: 3 problems in the content folder; the site was not built.',
        '',
      ].join('\n'));
    } finally {
      rmSync(broken, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a site that sets VitePress\'s ignoreDeadLinks builds, and prints its dead links as warnings', async () => {
    const broken = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-links-ignored-'));
    const siteDir = siteWithOverrides({ ignoreDeadLinks: true });
    try {
      writeFileSync(path.join(broken, 'notes/dead-ends.md'), DEAD_ENDS);
      const { code, output } = await buildSite(broken, out, { siteDir });
      assert.equal(code, 0, output);
      assert.ok(output.includes(`${path.relative(siteDir, broken)}/notes/dead-ends.md:6:12: warning: link "./gone.md" leads to no page (looked for notes/gone.md)`), output);
      assert.ok(readFileSync(path.join(out, 'notes/dead-ends.html'), 'utf8').includes('<span class="np-wikilink-unresolved">Nowhere</span>'));
    } finally {
      for (const d of [broken, out, siteDir]) rmSync(d, { recursive: true, force: true });
    }
  });
});
