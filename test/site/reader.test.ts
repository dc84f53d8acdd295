import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Resvg } from '@resvg/resvg-js';
import type { Browser, Page } from 'playwright-core';
import { buildSite, copyContent } from '../helpers/site';
import { useBuiltSite } from '../helpers/builtSite';
import { atomProblems, NS, rssProblems } from '../helpers/feedRules';

const SITE = 'https://sk1ppr.github.io';
const MOVED = '/notes/moved-note';
const LONG = '/notes/concurrent-servers-from-sockets-to-async-await';
// Fixtures, not seed notes: old addresses, a wide image, a wide diagram, and text that
// must survive a feed's CDATA.
const MOVED_NOTE = [
  '---', 'title: A note that moved', 'date: 2026-06-10', 'summary: It used to live elsewhere.', 'tags: [rust]',
  'aliases: [/posts/old-name, /2019/01/moved.html, /old/dir/]', '---', '',
  'See [the Redis note](./redis-single-threaded-event-loop.md) and [a section](#a-section) below.', '',
  '![A wide plot of throughput](./wide.png)', '',
  '## A section', '', '```rust', 'let s = "]]>"; // <item> & </item>', '```', '',
  '```mermaid', 'flowchart LR', '  A[Client one] --> B[Load balancer] --> C[Server alpha] --> D[Database primary] --> E[Replica one] --> F[Replica two] --> G[Backup store] --> H[Archive]', '```', '',
].join('\n');
const ABOUT = '---\ntitle: About "me" & <you>\naliases: [/about-me/]\n---\n\nWho writes here.\n';
const WIDE_PNG = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="600"><rect width="2400" height="600" fill="#0969da"/></svg>').render().asPng();

describe('site: a site readers come back to (VitePress build in Chromium)', function () {
  this.timeout(240_000);
  // The tests inject styles and axe (so no CSP here); the site's CSP is tested in site.test.ts.
  const site = useBuiltSite({ prefix: 'reader', prepare: (dir) => {
    writeFileSync(path.join(dir, 'notes/moved-note.md'), MOVED_NOTE);
    writeFileSync(path.join(dir, 'notes/wide.png'), WIDE_PNG);
    writeFileSync(path.join(dir, 'about.md'), ABOUT);
  }, page: { colorScheme: 'light', bypassCSP: true } });
  let outDir: string;
  let browser: Browser;
  let page: Page;
  before(() => {
    outDir = site.outDir();
    browser = site.browser();
  });
  beforeEach(async () => {
    page = site.page();
  });

  describe('old addresses', () => {
    it('each alias is a static page that redirects, with a canonical link, and every value escaped', async () => {
      for (const [alias, file] of [['/posts/old-name', 'posts/old-name.html'], ['/2019/01/moved.html', '2019/01/moved.html'], ['/old/dir/', 'old/dir/index.html']]) {
        const html = readFileSync(path.join(outDir, file), 'utf8');
        assert.ok(html.includes(`<link rel="canonical" href="${SITE}${MOVED}">`), file);
        assert.ok(html.includes(`<meta http-equiv="refresh" content="0; url=${MOVED}">`), file);
        assert.ok(html.includes('<meta name="robots" content="noindex">'), file);
        assert.doesNotMatch(html, /<script/, file);
        await page.goto(site.url() + alias);
        await page.waitForURL(site.url() + MOVED);
        assert.equal(await page.locator('main h1').innerText(), 'A note that moved', alias);
      }
      const about = readFileSync(path.join(outDir, 'about-me/index.html'), 'utf8');
      assert.ok(about.includes('<title>About &quot;me&quot; &amp; &lt;you&gt;</title>'), about);
      assert.ok(!about.includes('<you>'));
      await page.goto(`${site.url()}/about-me/`);
      await page.waitForURL(`${site.url()}/about`);
    });

    it('an alias that takes a page\'s address stops the build at its line', async () => {
      const broken = copyContent();
      const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-alias-'));
      try {
        writeFileSync(path.join(broken, 'notes/taker.md'), '---\ntitle: Taker\ndate: 2026-01-05\naliases:\n  - /notes/redis-single-threaded-event-loop\n  - old\n---\n');
        const { code, output } = await buildSite(broken, out);
        assert.notEqual(code, 0);
        const rel = path.relative(path.resolve(__dirname, '../..'), broken);
        assert.ok(output.includes(`${rel}/notes/taker.md:5:5: error: alias "/notes/redis-single-threaded-event-loop" is the address of notes/redis-single-threaded-event-loop.md: a redirect there would replace that page`), output);
        assert.ok(output.includes(`${rel}/notes/taker.md:6:5: error: alias "old" must be a path on this site starting with \`/\`, e.g. \`/old\``), output);
        assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
      } finally {
        rmSync(broken, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    });

    it('robots.txt names the sitemap by its absolute address', async () => {
      const res = await page.goto(`${site.url()}/robots.txt`);
      assert.equal(res?.status(), 200);
      assert.match(await res!.text(), new RegExp(`^Sitemap: ${SITE}/sitemap\\.xml$`, 'm'));
      assert.ok(existsSync(path.join(outDir, 'sitemap.xml')));
    });
  });

  describe('feeds with the text', () => {
    const feedText = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

    it('RSS 2.0 and Atom are strict XML and follow their specifications', async () => {
      await page.goto(site.url() + '/');
      for (const file of ['feed.xml', 'atom.xml']) {
        // Chromium's XML parser is strict: an undefined entity or an unbound prefix is an error.
        const error = await page.evaluate((xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? '', feedText(file));
        assert.equal(error, '', file);
      }
      assert.deepEqual(rssProblems(feedText('feed.xml')), []);
      assert.deepEqual(atomProblems(feedText('atom.xml')), []);
    });

    it('JSON Feed is valid against the JSON Feed 1.1 schema', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the schema is a JSON file the package ships
      const validate = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
      assert.ok(validate(JSON.parse(feedText('feed.json'))), ajv.errorsText(validate.errors));
      const json = JSON.parse(feedText('feed.json'));
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.deepEqual(json.authors, [{ name: 'SK1PPR', url: 'https://github.com/SK1PPR' }]);
      assert.ok(!('author' in json) && json.items.every((i: object) => !('author' in i)), 'no field JSON Feed 1.1 deprecates');
    });

    it('each entry carries its summary and its full HTML, with absolute addresses and no site controls', async () => {
      const json = JSON.parse(feedText('feed.json'));
      const moved = json.items.find((i: { url: string }) => i.url === SITE + MOVED);
      assert.equal(moved.summary, 'It used to live elsewhere.');
      const html: string = moved.content_html;
      assert.ok(html.includes(`<a href="${SITE}/notes/redis-single-threaded-event-loop">the Redis note</a>`), html);
      assert.ok(html.includes(`<a href="${SITE}${MOVED}#a-section">a section</a>`), html);
      assert.match(html, new RegExp(`<a class="np-full-size" href="${SITE}/notes/wide\\.png"><img src="${SITE}/assets/wide\\.[\\w-]+\\.png" alt="A wide plot of throughput"`));
      assert.ok(html.includes('&quot;]]&gt;&quot;') || html.includes('"]]&gt;"'), 'the code survives');
      assert.ok(html.includes(`<a href="${SITE}${MOVED}">Flowchart: see it drawn on the site</a>`), 'a drawing becomes a link');
      assert.doesNotMatch(html, /header-anchor|<button|data-v-|<svg|<script/);
      for (const [, attr, url] of html.matchAll(/\s(href|src)="([^"]*)"/g)) assert.match(url, /^https:\/\//, `${attr}="${url}"`);
      const long = json.items.find((i: { url: string }) => i.url === SITE + LONG);
      assert.ok(long.content_html.length > 10_000 && long.content_html.includes('who waits for whom?'), 'the whole text, not an excerpt');

      // The same HTML in RSS (content:encoded) and Atom (content), and the summary beside it.
      await page.goto(site.url() + '/');
      const parsed = await page.evaluate(([rss, atom, ns]) => {
        const r = new DOMParser().parseFromString(rss, 'application/xml').querySelector('item')!;
        const a = new DOMParser().parseFromString(atom, 'application/xml').querySelector('entry')!;
        return {
          rss: [r.querySelector('description')?.textContent, r.getElementsByTagNameNS(ns.content, 'encoded')[0]?.textContent, r.getElementsByTagNameNS(ns.dc, 'creator')[0]?.textContent, r.querySelector('author')],
          atom: [a.querySelector('summary')?.textContent, a.querySelector('content')?.getAttribute('type'), a.querySelector('content')?.textContent, a.querySelector('author > name')?.textContent],
        };
      }, [feedText('feed.xml'), feedText('atom.xml'), NS] as const);
      assert.deepEqual(parsed.rss, ['It used to live elsewhere.', html, 'SK1PPR', null]);
      assert.deepEqual(parsed.atom, ['It used to live elsewhere.', 'html', html, 'SK1PPR']);
    });
  });

  describe('reading comfort', () => {
    /** Characters on each full line of the note's longest paragraph, as Chromium lays it out. */
    const lineLengths = () => page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.entry__body p')].sort((a, b) => b.textContent!.length - a.textContent!.length);
      const walker = document.createTreeWalker(paragraphs[0], NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const lines = new Map<number, number>();
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        for (let i = 0; i < t.length; i++) {
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const rect = range.getClientRects()[0];
          if (rect) lines.set(Math.round(rect.top), (lines.get(Math.round(rect.top)) ?? 0) + 1);
        }
      }
      return [...lines.values()].slice(0, -1);
    });

    it('the text column holds 65–75 characters a line at the body size, in the theme\'s font and in another', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(site.url() + LONG);
      for (const font of ['', '"Liberation Sans", Arial']) {
        if (font) await page.addStyleTag({ content: `:root { --np-font: ${font}; }` });
        const lengths = await lineLengths();
        assert.ok(lengths.length >= 5, String(lengths));
        const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
        assert.ok(mean >= 65 && mean <= 75, `${font || 'theme font'}: mean ${mean.toFixed(1)} of ${lengths}`);
        assert.ok(lengths.every((n) => n <= 80), `${font || 'theme font'}: ${lengths}`);
      }
      // Code may use the page's width: wider than the column of prose.
      const [code, prose] = await Promise.all(['.entry__body div[class*="language-"]', '.entry__body p'].map((s) => page.locator(s).first().evaluate((e) => e.getBoundingClientRect().width)));
      assert.ok(code > prose + 100, `code ${code}, prose ${prose}`);
    });

    for (const width of [375, 360, 320]) {
      it(`the header is one row at ${width} px: the links scroll, search is an icon`, async () => {
        await page.setViewportSize({ width, height: 740 });
        await page.goto(site.url() + '/open-source/');
        const box = await page.locator('.site-header').boundingBox();
        assert.ok(box!.height <= 56, `header ${box!.height} px`);
        const rows = await page.locator('.site-header__inner > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
        for (const [top, bottom] of rows) assert.ok(top >= rows[0][0] - 16 && bottom <= rows[0][1] + 16, `one row: ${JSON.stringify(rows)}`);
        assert.ok(await page.evaluate((w) => document.documentElement.scrollWidth <= w, width), 'no sideways scrolling of the page');
        const search = page.getByRole('button', { name: /Search/ });
        assert.ok((await search.boundingBox())!.width <= 48, 'search is its icon');
        assert.ok(await search.isVisible());
        // The links that do not fit are a scroll away, and the current one is in view.
        const nav = page.locator('.site-header__nav');
        assert.ok(await nav.evaluate((n) => n.scrollWidth > n.clientWidth));
        const current = await page.locator('.site-header__nav [aria-current="page"]').boundingBox();
        const view = await nav.boundingBox();
        assert.ok(current!.x >= view!.x - 1 && current!.x + current!.width <= view!.x + view!.width + 1, 'the current section is visible');
        await search.click();
        await page.getByRole('combobox', { name: 'Search' }).waitFor();
      });
    }

    it('a wide image opens at full size through a link, without JavaScript', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const p = await noJs.newPage();
      try {
        await p.goto(site.url() + MOVED);
        const link = p.getByRole('link', { name: 'A wide plot of throughput' });
        const shown = await link.locator('img').evaluate((img: HTMLImageElement) => [img.getBoundingClientRect().width, img.naturalWidth]);
        assert.ok(shown[0] < shown[1], `shown ${shown[0]} of ${shown[1]}`);
        await link.click();
        await p.waitForURL(`${site.url()}/notes/wide.png`);
        assert.equal(await p.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth), 2400);
      } finally {
        await noJs.close();
      }
    });

    it('a wide diagram opens at its own size in a dialog, and closes back into the page', async () => {
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(site.url() + MOVED);
      const open = page.getByRole('button', { name: 'Open full size' });
      await open.click();
      const dialog = page.getByRole('dialog', { name: 'Diagram at full size' });
      await dialog.waitFor();
      const [shown, natural] = await dialog.locator('svg').evaluate((svg: SVGSVGElement) => [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width]);
      assert.ok(Math.abs(shown - natural) < 1 && natural > 390, `${shown} vs ${natural}`);
      assert.ok(await dialog.evaluate((d) => d.scrollWidth > d.clientWidth), 'the dialog scrolls sideways');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.locator('.entry__body .np-diagram > svg').count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Open full size');
    });

    it('theme-color is the page\'s background in light and dark, and follows the toggle', async () => {
      const metas = (p: Page) => p.locator('meta[name="theme-color"]').evaluateAll((ms) => ms.map((m) => [m.getAttribute('media'), (m as HTMLMetaElement).content]));
      const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const staticMetas = [...html.matchAll(/<meta name="theme-color" media="\(prefers-color-scheme: (light|dark)\)" content="(#[0-9a-f]{6})">/g)].map((m) => [m[1], m[2]]);
      assert.equal(staticMetas.length, 2);
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      for (const [scheme, color] of staticMetas) {
        const p = await browser.newPage({ colorScheme: scheme as 'light' | 'dark' });
        await p.goto(site.url() + '/');
        assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), rgb(color), scheme);
        await p.close();
      }
      await page.goto(site.url() + '/');
      await page.getByRole('button', { name: 'Dark theme' }).click();
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(dark, 'rgb(255, 255, 255)');
      for (const [, content] of await metas(page)) assert.equal(rgb(content!), dark);
    });

    it('every stylesheet a page loads has rules in it', async () => {
      const sheets: string[] = [];
      page.on('response', async (r) => { if (r.request().resourceType() === 'stylesheet') sheets.push(`${r.url()} ${(await r.text()).trim().length}`); });
      for (const url of ['/', LONG, '/nowhere']) await page.goto(site.url() + url, { waitUntil: 'networkidle' });
      assert.ok(sheets.length >= 3, sheets.join());
      assert.deepEqual(sheets.filter((s) => s.endsWith(' 0')), []);
      assert.ok(!existsSync(path.join(outDir, 'vp-icons.css')));
      for (const file of ['index.html', '404.html']) assert.doesNotMatch(readFileSync(path.join(outDir, file), 'utf8'), /vp-icons/);
      assert.ok(statSync(path.join(outDir, 'index.html')).size > 0);
    });

    it('the 404 page has its text without JavaScript, and hydrates without a mismatch', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const p = await noJs.newPage();
      try {
        const res = await p.goto(`${site.url()}/notes/no-such-note`);
        assert.equal(res?.status(), 404);
        assert.equal(await p.locator('main h1').innerText(), 'Page not found');
        assert.ok(await p.getByRole('link', { name: 'Back to the notebook' }).isVisible());
      } finally {
        await noJs.close();
      }
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
      await page.goto(`${site.url()}/notes/no-such-note`, { waitUntil: 'networkidle' });
      assert.equal(await page.locator('main h1').innerText(), 'Page not found');
      // The document itself is a 404 response: that one error is expected, no other.
      assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
      await page.getByRole('link', { name: 'Back to the notebook' }).click();
      await page.locator('main h1', { hasText: 'Distributed Systems' }).waitFor();
    });

    it('axe-core finds no violations in the new parts, on a phone and a desktop, light and dark', async () => {
      const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      for (const [scheme, width] of [['light', 360], ['dark', 1280]] as const) {
        const p = await browser.newPage({ colorScheme: scheme, viewport: { width, height: 800 }, bypassCSP: true });
        for (const url of [MOVED, '/nowhere']) {
          await p.goto(site.url() + url);
          await p.addScriptTag({ content: axe });
          const violations = await p.evaluate(async () => {
            const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
            return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          });
          assert.deepEqual(violations, [], `${scheme} ${width} ${url}`);
        }
        await p.close();
      }
    });
  });
});
