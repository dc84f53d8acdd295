import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildSite, copyContent } from '../helpers/site';
import { useBuiltSite } from '../helpers/builtSite';
import { LAB_SETTINGS } from '../fixtures/kinds';

const LAB = (title: string, status: string, date: string, extra = '') => `---\ntitle: ${title}\nstatus: ${status}\narea: storage\ndate: ${date}\ntags: [storage]\n${extra}---\n\nWe measured ${title.toLowerCase()} on two cores.\n`;

/** A kind declared in the settings, with no code changed: on every page the site makes of it. */
describe('a kind of the notebook\'s own, declared in .notepress/notebook.yaml (site in Chromium)', function () {
  this.timeout(180_000);
  const site = useBuiltSite({ prefix: 'kinds', prepare: (dir) => {
    mkdirSync(path.join(dir, '.notepress'), { recursive: true });
    writeFileSync(path.join(dir, '.notepress/notebook.yaml'), LAB_SETTINGS);
    mkdirSync(path.join(dir, 'lab'));
    writeFileSync(path.join(dir, 'lab/wal-sizing.md'), LAB('WAL sizing', 'measured', '2026-06-10'));
    writeFileSync(path.join(dir, 'lab/cache-warmup.md'), LAB('Cache warmup', 'running', '2026-06-12'));
    writeFileSync(path.join(dir, 'about.md'), '---\ntitle: About me\n---\n\nI write about storage.\n');
  }, page: {} });
  let outDir: string;
  let page: Page;
  before(() => {
    outDir = site.outDir();
  });
  beforeEach(async () => {
    page = site.page();
  });

  const texts = (selector: string) => page.locator(selector).allInnerTexts().then((t) => t.map((s) => s.trim()));

  it('the navigation and the home page follow the settings', async () => {
    await page.goto(site.url() + '/');
    assert.deepEqual(await texts('.site-header__nav a'), ['Lab', 'Notes', 'Case studies', 'About me']);
    assert.deepEqual(await texts('main h2'), ['Profile', 'Lab', 'Notes', 'Elsewhere'], 'the profile\'s links get a section of their own when no home section holds them');
    assert.deepEqual(await texts('section[aria-labelledby="home-lab"] .entry-list__title'), ['Cache warmup', 'WAL sizing']);
    assert.deepEqual(await texts('section[aria-labelledby="home-lab"] .entry-list__label'), ['running', 'measured']);
    assert.equal((await texts('section[aria-labelledby="home-note"] .entry-list__title')).length, 2, 'the limit of 2');
    assert.equal(await page.locator('section[aria-labelledby="home-note"] .home__more a').innerText(), 'All 3 →');
  });

  it('the kind has a list page grouped by its status, and each entry a page with its label', async () => {
    await page.goto(site.url() + '/lab/');
    assert.equal(await page.locator('main h1').innerText(), 'Lab');
    assert.deepEqual(await texts('.section-page__group h2'), ['running', 'measured']);
    await page.getByRole('link', { name: 'WAL sizing' }).click();
    await page.waitForURL('**/lab/wal-sizing');
    assert.equal(await page.locator('.entry-header__kind').innerText(), 'Lab / measured');
    assert.equal(await page.locator('.entry-header__label').innerText(), 'measured');
    await page.goto(site.url() + '/about');
    assert.equal(await page.locator('main h1').innerText(), 'About me');
  });

  it('the kind is in the feeds (feed: true), its tags\' pages and the sitemap', async () => {
    const rss = readFileSync(path.join(outDir, 'feed.xml'), 'utf8');
    assert.match(rss, /<title><!\[CDATA\[WAL sizing\]\]><\/title>/);
    assert.match(rss, /<title><!\[CDATA\[Concurrent servers/);
    await page.goto(site.url() + '/tags/storage');
    assert.ok((await texts('.entry-list__title')).includes('Cache warmup'));
    assert.match(readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8'), /\/lab\/cache-warmup<\/loc>/);
  });

  it('a bad status stops the build at its line, named against the kind\'s values', async () => {
    const broken = copyContent();
    try {
      mkdirSync(path.join(broken, '.notepress'), { recursive: true });
      writeFileSync(path.join(broken, '.notepress/notebook.yaml'), LAB_SETTINGS);
      mkdirSync(path.join(broken, 'lab'));
      writeFileSync(path.join(broken, 'lab/x.md'), LAB('X', 'paused', '2026-06-01'));
      const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-kinds-bad-'));
      const r = await buildSite(broken, out);
      rmSync(out, { recursive: true, force: true });
      assert.notEqual(r.code, 0);
      assert.match(r.output, /lab\/x\.md:3:9: error: `status` must be one of `planned`, `running`, `measured`, `written up`, not the text "paused"/);
      assert.ok(!/\n\s+at /.test(r.output), 'no stack trace');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
