import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/builtSite';
import { waitFor } from '../helpers/wait';

// Added to a copy of the seed: a draft (never found), a note named after a word that the
// seed has only in code (a title outranks code), and a title that is markup.
const DRAFT = '---\ntitle: Secret draft about zanzibarquux\ndate: 2026-07-01\nsummary: Not ready.\ndraft: true\n---\n\nThe zanzibarquux protocol.\n';
const TITLED = '---\ntitle: Inside TcpStream\ndate: 2026-04-01\nsummary: What a socket type holds.\n---\n\nA short note.\n';
const HOSTILE = '---\ntitle: "<img src=x onerror=window.__pwned=1> xylophonic"\ndate: 2026-04-02\nsummary: A title that is markup.\n---\n\nBody.\n';

const CONCURRENT = '/notes/concurrent-servers-from-sockets-to-async-await';

describe('site search (built seed in Chromium)', function () {
  this.timeout(180_000);
  // The axe test injects its script (so no CSP here); the site's CSP is tested in site.test.ts.
  const site = useBuiltSite({ prefix: 'search', prepare: (dir) => {
    writeFileSync(path.join(dir, 'notes/secret-draft.md'), DRAFT);
    writeFileSync(path.join(dir, 'notes/inside-tcpstream.md'), TITLED);
    writeFileSync(path.join(dir, 'notes/hostile-title.md'), HOSTILE);
  }, page: { bypassCSP: true } });
  let outDir: string;
  let page: Page;
  before(() => {
    outDir = site.outDir();
  });
  beforeEach(async () => {
    page = site.page();
    await page.goto(site.url() + '/');
    await ready();
  });

  const input = () => page.getByRole('combobox', { name: 'Search' });
  /** The page's script has run: the search button announces its shortcuts. */
  const ready = () => page.locator('.search-box__button[aria-keyshortcuts]').waitFor();
  const options = () => page.locator('#np-search-results [role=option]');

  /** Opens search with the button, types `query`, and waits until the status reports the results. */
  async function searchFor(query: string): Promise<void> {
    if (!(await input().isVisible())) await page.getByRole('button', { name: /Search/ }).click();
    await input().fill(query);
    await page.locator('.search-box__status', { hasText: /pages? found|No results/ }).waitFor();
  }

  /** The titles of the page rows, best first (section rows left out). */
  const pageTitles = () => page.locator('.search-results__option--page .search-results__title').allInnerTexts();
  const firstTitle = async () => (await pageTitles())[0];

  it('puts the expected page first: an entry of each kind by its title, the Redis note for "event loop"', async () => {
    for (const [query, title] of [
      ['kafka', "Kafka's log: segments, replication, and consumer lag"],
      ['inkscape', 'Inkscape'],
      ['emulator', 'Game Boy emulator'],
      ['event loop', 'How Redis stays predictable on a single-threaded event loop'],
    ]) {
      await searchFor(query);
      assert.equal(await firstTitle(), title, query);
    }
  });

  it('finds a word that is only in code, below a page whose title holds it', async () => {
    await searchFor('tcpstream');
    assert.deepEqual((await pageTitles()).slice(0, 2), ['Inside TcpStream', 'Concurrent servers: from sequential sockets to async/await']);
    // The section holding the code is under its page, with the code as its excerpt.
    const section = page.locator('.search-results__option--section', { hasText: 'async/await: the state machine' });
    await section.locator('.search-results__excerpt--code mark', { hasText: 'TcpStream' }).waitFor();
  });

  it('finds an entry by a tag, the home page by its text, and never a draft', async () => {
    await searchFor('observability');
    assert.equal(await firstTitle(), "Kafka's log: segments, replication, and consumer lag");
    await searchFor('roorkee undergraduate');
    assert.equal(await firstTitle(), 'SK1PPR');
    await searchFor('zanzibarquux');
    assert.equal(await page.locator('.search-box__status').innerText(), 'No results');
    assert.equal(await options().count(), 0);
    const index = readFileSync(path.join(outDir, 'search-index.json'), 'utf8');
    assert.ok(index.includes('kafka') && !index.includes('zanzibarquux'));
  });

  it('marks the query\'s words in titles, headings and excerpts', async () => {
    await searchFor('watermark');
    const marks = page.locator('#np-search-results mark');
    await marks.first().waitFor();
    const words = (await marks.allInnerTexts()).map((w) => w.toLowerCase());
    assert.ok(words.length > 0 && words.every((w) => w === 'watermark'), words.join());
    await searchFor('event loop');
    await page.locator('.search-results__option--page mark').first().waitFor();
    const marked = new Set((await page.locator('#np-search-results mark').allInnerTexts()).map((w) => w.toLowerCase()));
    assert.deepEqual([...marked].sort(), ['event', 'loop']);
  });

  it('works from the keyboard: / opens, arrows move, Enter opens the active result, Escape closes and focus returns', async () => {
    await page.keyboard.press('/');
    await input().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'np-search-input');
    await page.keyboard.type('redis');
    await page.locator('.search-box__status', { hasText: /pages? found/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options().nth(1);
    assert.equal(await second.getAttribute('aria-selected'), 'true');
    assert.equal(await input().getAttribute('aria-activedescendant'), await second.getAttribute('id'));
    const target = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('#np-search-results [role=option]')];
      return rows[1].classList.contains('search-results__option--section') ? 'section' : 'page';
    });
    const title = await second.locator('.search-results__title').innerText();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname !== '/');
    if (target === 'section') {
      // A section opens its page at its heading.
      assert.match(page.url(), /#[\w-]+$/);
      await page.locator(`main h2, main h3`, { hasText: title }).first().waitFor();
    } else {
      await page.locator('main h1', { hasText: title }).waitFor();
    }
    assert.equal(await page.locator('dialog[open]').count(), 0);

    await page.keyboard.press('Control+k');
    await input().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('dialog[open]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-box__button')), true);
  });

  it('shows a hostile title as text and runs nothing', async () => {
    await searchFor('xylophonic');
    const title = page.locator('.search-results__option--page .search-results__title').first();
    assert.equal(await title.innerText(), '<img src=x onerror=window.__pwned=1> xylophonic');
    assert.equal(await page.locator('#np-search-results img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it('fetches the dialog\'s code and the index only when search first opens; a note page\'s HTML preloads no other view', async () => {
    const fetched: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(site.url() + CONCURRENT, { waitUntil: 'networkidle' });
    await ready();
    const chunk = (name: string) => fetched.some((p) => p.startsWith(`/assets/chunks/${name}.`));
    assert.ok(!fetched.includes('/search-index.json'));
    assert.ok(!chunk('SearchDialog'), fetched.join());
    // What a first visit waits for: the other views come later, when the browser is idle.
    const html = readFileSync(path.join(outDir, `${CONCURRENT}.html`), 'utf8');
    for (const view of ['HomePage', 'SectionPage', 'TagPage', 'TagsPage', 'SeriesPage', 'NotFound', 'SearchDialog']) assert.ok(!html.includes(`/${view}.`), view);
    await searchFor('kafka');
    assert.ok(fetched.includes('/search-index.json'));
    assert.ok(chunk('SearchDialog'), fetched.join());
    assert.ok(fetched.every((p) => !p.includes('localSearchIndex')));
    await page.goto(site.url() + '/', { waitUntil: 'networkidle' });
    assert.ok(chunk('HomePage'));
    await page.getByRole('link', { name: /Concurrent servers/ }).first().click();
    await page.locator('main h1', { hasText: 'Concurrent servers' }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('a page fetches the other views once idle, so moving to one has its code at hand', async () => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(site.url() + CONCURRENT);
    await ready();
    const views = ['HomePage', 'SectionPage', 'TagPage', 'TagsPage', 'SeriesPage', 'NotFound'];
    const missing = () => views.filter((v) => !fetched.some((p) => p.startsWith(`/assets/chunks/${v}.`)));
    await waitFor(() => missing().length === 0, 10_000, () => `not fetched: ${missing().join(', ')}`);
    const before = fetched.length;
    await page.locator('.site-header__title').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('.home').waitFor();
    assert.ok(!fetched.slice(before).some((p) => p.includes('/HomePage.')), 'the home view was fetched again');
    assert.ok(!fetched.includes('/search-index.json'), 'search is not fetched on idle');
  });

  it('keeps what is typed while the dialog\'s code arrives, and says it is busy', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/assets/chunks/SearchDialog.*.js', async (route) => { await held; await route.continue(); });
    await page.goto(site.url() + CONCURRENT);
    await ready();
    await page.keyboard.press('/');
    await page.locator('.search-box__button[aria-busy="true"]').waitFor();
    await page.keyboard.type('kafka');
    assert.equal(await input().count(), 0, 'the dialog is not there yet');
    release();
    await input().waitFor();
    assert.equal(await input().inputValue(), 'kafka');
    await page.locator('.search-box__status', { hasText: /pages? found/ }).waitFor();
    assert.equal(await page.locator('.search-box__button[aria-busy]').count(), 0);
  });

  it('a view whose code cannot be fetched says so instead of showing an empty page', async () => {
    await page.route('**/assets/chunks/HomePage.*.js', (route) => route.abort());
    await page.goto(site.url() + CONCURRENT, { waitUntil: 'networkidle' });
    await ready();
    await page.locator('.site-header__title').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('alert').filter({ hasText: 'This page could not be shown' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'reload the page' }).isVisible());
  });

  it('links each section to its heading\'s id on the built page', () => {
    const words = readdirSync(path.join(outDir, 'search'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    assert.ok(words.length >= 14, `${words.length}`);
    let anchors = 0;
    for (const file of words) {
      // The inverse of the core's searchTextUrl: search/notes/a.json is the page notes/a.html.
      const html = readFileSync(path.join(outDir, file.replace(/\.json$/, '.html')), 'utf8');
      const { sections } = JSON.parse(readFileSync(path.join(outDir, 'search', file), 'utf8')) as { sections: Record<string, unknown> };
      for (const anchor of Object.keys(sections).filter(Boolean)) {
        anchors++;
        assert.ok(html.includes(` id="${anchor}"`), `${file}#${anchor}`);
      }
    }
    assert.ok(anchors >= 20, `${anchors}`);
  });

  it('axe-core finds no violations with results open, light and dark', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site.url() + '/');
      await ready();
      await searchFor('event loop');
      await page.locator('.search-results__excerpt mark').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ include: ['dialog'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, [], scheme);
    }
  });
});
