import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, copyContent, REPO } from '../helpers/site';
import { useBuiltSite } from '../helpers/builtSite';
import { NoteRenderer } from '../../extension/preview/noteRenderer';
import { loadNotebook } from '../../extension/core/node/load';
import { assertSameHtml, normalisedBodies } from '../helpers/fidelity';

const DRAFT = '---\ntitle: Secret draft about zanzibarquux\ndate: 2026-07-01\nsummary: Not ready.\ndraft: true\n---\n\nThe zanzibarquux protocol.\n';
const NOTE = '/notes/concurrent-servers-from-sockets-to-async-await';
const CHART_NOTE = '/notes/kafka-log-segments-and-consumer-lag';

describe('site (VitePress build in Chromium)', function () {
  this.timeout(180_000);
  const site = useBuiltSite({ prefix: 'site', prepare: (dir) => {
    writeFileSync(path.join(dir, 'notes/secret-draft.md'), DRAFT);
  }, page: { colorScheme: 'light' } });
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

  const texts = (selector: string) => page.locator(selector).allInnerTexts().then((t) => t.map((s) => s.trim()));

  it('home page shows every seed section, with its entries in order', async () => {
    await page.goto(site.url() + '/');
    assert.equal(await page.locator('main h1').innerText(), 'Distributed Systems & Infrastructure Engineer');
    assert.equal((await texts('.home__tagline'))[0], 'Building distributed systems, observability platforms, AI runtime infrastructure, and open-source software.');
    assert.deepEqual(await texts('.focus-card__line dt'), ['location:', 'stack:', 'systems:', 'mode:']);
    assert.deepEqual(await texts('.focus-card__line dd'), ['Roorkee, India', 'rust, c++, python, linux, docker', 'redis, rocksdb, emulators, p2p networking', 'build the primitive, measure the edge cases']);
    assert.equal((await texts('.focus-card__prompt'))[0], '$ focus --now');
    assert.deepEqual(await texts('main h2'), ['Profile', 'Research', 'Case studies', 'Notes', 'Open source']);
    assert.match(await page.locator('#profile + .prose').innerText(), /^I am a Computer Science undergraduate at IIT Roorkee/);
    assert.deepEqual(await texts('section[aria-labelledby="home-research"] .entry-list__title'), ['Rust systems programming', 'Storage engines', 'Networking and protocols', 'Emulation']);
    assert.deepEqual(await texts('section[aria-labelledby="home-case-study"] .entry-list__meta'), ['Databases', 'Databases', 'Systems programming']);
    assert.deepEqual(await texts('section[aria-labelledby="home-note"] .entry-list__meta'), ['Jun 1, 2026 / 8 min read', 'May 20, 2026 / 1 min read', 'May 13, 2026 / 1 min read']);
    assert.deepEqual(await texts('section[aria-labelledby="home-open-source"] .entry-list__title'), ['Inkscape', 'IIT Roorkee student developer group']);
    assert.ok((await texts('footer a')).includes('github.com/SK1PPR'));
    assert.ok(!(await page.content()).includes('zanzibarquux'), 'the draft is not on the home page');
  });

  it('a note page shows its date, reading time, tags, contents and highlighted code with a copy button', async () => {
    await page.goto(site.url() + NOTE);
    assert.equal(await page.locator('main h1').innerText(), 'Concurrent servers: from sequential sockets to async/await');
    assert.equal(await page.locator('.entry-header__meta').innerText(), 'Jun 1, 2026 / 8 min read');
    assert.equal(await page.locator('.entry-header__meta time').getAttribute('datetime'), '2026-06-01');
    assert.deepEqual(await texts('.entry-header__tags a'), ['#concurrency', '#networking', '#event-loop', '#rust']);
    assert.ok((await texts('.entry__toc a')).includes('Event-driven: one thread, many connections'));
    const tokens = page.locator('.language-rust pre.shiki .line > span[class]');
    assert.ok(await tokens.count() > 10);
    // Colours come from classes (code.css): the first token is the keyword `async`.
    const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    assert.equal(await tokens.first().evaluate((t) => getComputedStyle(t).color), dark ? 'rgb(255, 123, 114)' : 'rgb(207, 34, 46)');
    assert.equal(await page.locator('.language-rust > button.copy').getAttribute('title'), 'Copy Code');
    assert.deepEqual(await texts('.entry__pager a'), ['Older\nHow Redis stays predictable on a single-threaded event loop']);
  });

  it('navigates from home to a case study and back', async () => {
    await page.goto(site.url() + '/');
    await page.getByRole('link', { name: 'Redis clone' }).click();
    await page.waitForURL('**/case-studies/redis-clone');
    await page.locator('main h1', { hasText: 'Redis clone' }).waitFor();
    assert.equal(await page.locator('main h1').innerText(), 'Redis clone');
    assert.equal(await page.locator('.entry-header__kind').innerText(), 'Case studies / Databases');
    await page.goBack();
    await page.waitForURL(site.url() + '/');
    await page.locator('main h1', { hasText: 'Distributed Systems' }).waitFor();
    assert.equal(await page.locator('main h1').innerText(), 'Distributed Systems & Infrastructure Engineer');
  });

  it('search finds a note by a word of its body, and never a draft', async () => {
    await page.goto(site.url() + '/');
    // The button works once the page's script has run; it then announces its shortcuts.
    await page.locator('.search-box__button[aria-keyshortcuts]').waitFor();
    await page.getByRole('button', { name: /Search/ }).click();
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.fill('watermark');
    const hit = page.locator('#np-search-results .search-results__option--page .search-results__title').first();
    await hit.waitFor();
    assert.equal(await hit.innerText(), "Kafka's log: segments, replication, and consumer lag");
    await input.fill('zanzibarquux');
    await page.locator('.search-box__status', { hasText: 'No results' }).waitFor();
  });

  it('the dark-mode toggle works and persists across a reload', async () => {
    await page.goto(site.url() + '/');
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    assert.equal(await isDark(), false);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await isDark(), true);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.reload();
    assert.equal(await isDark(), true);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  });

  it('every page carries its Content-Security-Policy first in <head>, and works under it: no violation while browsing, searching and switching theme', async () => {
    const violations: string[] = [];
    await page.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => window.__csp = [...(window.__csp || []), e.violatedDirective + ' ' + e.blockedURI]);" });
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
    for (const url of ['/', NOTE, CHART_NOTE, '/no-such-page']) {
      await page.goto(site.url() + url, { waitUntil: 'networkidle' });
      const first = await page.evaluate(() => document.head.firstElementChild?.outerHTML ?? '');
      assert.match(first, /^<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; /, url);
      assert.ok((await page.evaluate(() => document.querySelectorAll('#app > *').length)) > 0, `${url} was rendered`);
    }
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
    await page.locator('.search-box__button[aria-keyshortcuts]').waitFor();
    await page.getByRole('button', { name: /Search/ }).click();
    await page.getByRole('combobox', { name: 'Search' }).fill('watermark');
    await page.locator('#np-search-results .search-results__option--page').first().click();
    await page.waitForFunction(() => location.pathname === '/notes/kafka-log-segments-and-consumer-lag' && !!document.querySelector('.entry__body figure'));
    violations.push(...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp)) ?? []));
    assert.deepEqual(violations, []);
    assert.match(readFileSync(path.join(outDir, '_headers'), 'utf8'), /^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-/);
  });

  it('follows the system theme when the reader has not chosen', async () => {
    const dark = await browser.newPage({ colorScheme: 'dark' });
    await dark.goto(site.url() + NOTE);
    assert.equal(await dark.evaluate(() => document.documentElement.classList.contains('dark')), true);
    await dark.close();
  });

  it('each feed parses and lists the published notes and no draft', async () => {
    const titles = ['Concurrent servers: from sequential sockets to async/await', 'How Redis stays predictable on a single-threaded event loop', "Kafka's log: segments, replication, and consumer lag"];
    await page.goto(site.url() + '/');
    for (const [file, selector] of [['feed.xml', 'item > title'], ['atom.xml', 'entry > title']] as const) {
      const got = await page.evaluate(async ([f, s]) => {
        const xml = new DOMParser().parseFromString(await (await fetch('/' + f)).text(), 'application/xml');
        if (xml.querySelector('parsererror')) return ['parse error'];
        return [...xml.querySelectorAll(s)].map((n) => n.textContent);
      }, [file, selector]);
      assert.deepEqual(got, titles, file);
    }
    const json = await page.evaluate(async () => (await fetch('/feed.json')).json());
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
    assert.deepEqual(json.items.map((i: { title: string }) => i.title), titles);
    for (const f of ['feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml']) assert.ok(!readFileSync(path.join(outDir, f), 'utf8').includes('zanzibarquux'), f);
  });

  it('publishes a sitemap, canonical URLs, social meta and JSON-LD', async () => {
    const sitemap = readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8');
    assert.ok(sitemap.includes(`<loc>https://sk1ppr.github.io${NOTE}</loc>`));
    assert.ok(sitemap.includes('<lastmod>2026-06-01'));
    await page.goto(site.url() + NOTE);
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `https://sk1ppr.github.io${NOTE}`);
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), 'Concurrent servers: from sequential sockets to async/await');
    assert.equal(await page.locator('meta[name="twitter:card"]').getAttribute('content'), 'summary_large_image');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    assert.equal(ld['@type'], 'BlogPosting');
    assert.equal(ld.datePublished, '2026-06-01');
  });

  it('keeps drafts out and serves a 404 page', async () => {
    const res = await page.goto(site.url() + '/notes/secret-draft');
    assert.equal(res?.status(), 404);
    assert.equal(await page.locator('main h1').innerText(), 'Page not found');
  });

  it('lists notes by year, case studies by category, and entries by tag', async () => {
    await page.goto(site.url() + '/notes/');
    assert.deepEqual(await texts('.section-page__group h2'), ['2026']);
    await page.goto(site.url() + '/case-studies/');
    assert.deepEqual(await texts('.section-page__group h2'), ['Databases', 'Systems programming']);
    await page.goto(site.url() + '/tags/event-loop');
    assert.deepEqual(await texts('.entry-list__title'), ['Concurrent servers: from sequential sockets to async/await', 'How Redis stays predictable on a single-threaded event loop']);
  });

  it('loads no list data on a note page', async () => {
    const bodies: string[] = [];
    page.on('response', async (r) => { if (r.url().endsWith('.js')) bodies.push(await r.text().catch(() => '')); });
    await page.goto(site.url() + NOTE, { waitUntil: 'networkidle' });
    assert.ok(bodies.length > 0);
    // The summary of a case study is list data: it belongs to the home and list pages only.
    assert.deepEqual(bodies.filter((b) => b.includes('KD-Tree indexing')), []);
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const url of ['/', NOTE]) {
      await page.goto(site.url() + url);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), url);
    }
  });

  it('draws a note\'s chart as inline SVG at build time, with its data as a table and no JavaScript of its own', async () => {
    const bodies: string[] = [];
    page.on('response', async (r) => { if (r.url().endsWith('.js')) bodies.push(await r.text().catch(() => '')); });
    await page.goto(site.url() + CHART_NOTE, { waitUntil: 'networkidle' });
    const figure = page.locator('.entry__body figure.np-chart');
    assert.equal(await figure.count(), 1);
    const svg = figure.locator('svg.np-chart-svg');
    assert.equal(await svg.getAttribute('aria-labelledby'), 'np-chart-1-title np-chart-1-desc');
    assert.equal(await svg.locator('title').textContent(), 'Consumer lag, modelled, after a rebalance and with slower consumers');
    assert.match((await svg.locator('desc').textContent()) ?? '', /^Line chart of after a rebalance, slower consumers \(records\) against seconds \(s\), 21 rows\. 2 series/);
    const paths = svg.locator('path.np-chart-line');
    assert.equal(await paths.count(), 2);
    // The data file beside the note, drawn: 21 rows, the table holds them all.
    assert.equal(await figure.locator('details tbody tr').count(), 21);
    assert.equal(await figure.locator('details').getAttribute('open'), null);
    // Drawn in the page's HTML, not by script: no loaded JavaScript carries the path.
    const d = (await paths.first().getAttribute('d'))!;
    assert.ok(d.length > 40);
    assert.ok(bodies.length > 0);
    assert.deepEqual(bodies.filter((b) => b.includes(d.slice(0, 30))), []);
    // Series colours come from the theme, and differ.
    const strokes = await paths.evaluateAll((els) => els.map((e) => getComputedStyle(e).stroke));
    assert.notEqual(strokes[0], strokes[1]);
    assert.ok(strokes.every((c) => c.startsWith('rgb(')), strokes.join());
  });

  it('axe-core finds no accessibility violations on the home page and a note page, light and dark', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      // axe is injected as an inline script, which the site's own policy rightly blocks.
      const p = await browser.newPage({ colorScheme: scheme, bypassCSP: true });
      for (const url of ['/', NOTE, CHART_NOTE]) {
        await p.goto(site.url() + url);
        await p.addScriptTag({ content: axe });
        const violations = await p.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${scheme} ${url}`);
      }
      await p.close();
    }
  });

  it('broken notes and bad chart data fail the build with every path:line:column and no stack trace', async () => {
    const broken = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-broken-'));
    try {
      writeFileSync(path.join(broken, 'notes/bad-date.md'), '---\ntitle: Bad date\ndate: 2026-13-45\n---\nbody\n');
      writeFileSync(path.join(broken, 'notes/bad-yaml.md'), '---\ntitle: "unclosed\ndate: 2026-01-01\n---\nbody\n');
      writeFileSync(path.join(broken, 'case-studies/no-category.md'), '---\ntitle: No category\n---\n');
      writeFileSync(path.join(broken, 'notes/missing-image.md'), '---\ntitle: Missing image\ndate: 2026-01-02\n---\n\nSee ![the plot](./plot.png).\n');
      writeFileSync(path.join(broken, 'notes/bad-chart.md'), '---\ntitle: Bad chart\ndate: 2026-01-03\n---\n\n```chart\n---\nt,v\n0,fast\n```\n\n```chart\ndata: ./gone.csv\n```\n');
      const { code, output } = await buildSite(broken, out);
      assert.notEqual(code, 0);
      const rel = path.relative(path.resolve(__dirname, '../..'), broken);
      assert.ok(output.includes(`${rel}/notes/bad-date.md:3:7: error: \`date\` "2026-13-45" is not a real date written YYYY-MM-DD`), output);
      assert.ok(output.includes(`${rel}/notes/bad-yaml.md:2:8: error: invalid YAML: Missing closing "quote`), output);
      assert.ok(output.includes(`${rel}/case-studies/no-category.md:3:1: error: missing \`category\``), output);
      assert.ok(output.includes(`${rel}/notes/missing-image.md:6:17: error: image "./plot.png" does not exist (looked for notes/plot.png)`), output);
      assert.ok(output.includes(`${rel}/notes/bad-chart.md:9:3: error: "fast" in column "v" is not a number`), output);
      assert.ok(output.includes(`${rel}/notes/bad-chart.md:13:7: error: data file "./gone.csv" does not exist (looked for notes/gone.csv)`), output);
      assert.ok(output.includes('6 problems in the content folder; the site was not built.'), output);
      assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
    } finally {
      rmSync(broken, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the preview renders every published entry to the same HTML the site built (fidelity over all of content/)', async () => {
    const nb = await loadNotebook(content);
    const renderer = new NoteRenderer(content, path.join(REPO, 'node_modules/vitepress/dist/node/index.js'));
    const entries = nb.published();
    assert.ok(entries.length >= 12);
    for (const e of entries) {
      const text = readFileSync(path.join(content, e.path), 'utf8');
      const preview = await renderer.render(text, { absPath: path.join(content, e.path), relPath: e.path });
      assert.equal(preview.exact, true);
      await page.goto(site.url() + e.url);
      const [built, mine] = await normalisedBodies(page, preview.html);
      assertSameHtml(e.path, mine, built);
    }
  });
});
