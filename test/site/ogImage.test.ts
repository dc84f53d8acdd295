import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serveStatic } from '../helpers/staticServer';
import { buildSite, copyContent } from '../helpers/site';

const SITE = 'https://sk1ppr.github.io';

/** Every built page's HTML file, relative to the output folder. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/')).sort();

function meta(html: string): Map<string, string> {
  const doc = parseDocument(html);
  const tags = DomUtils.getElementsByTagName('meta', doc);
  return new Map(tags.map((t) => [t.attribs.property ?? t.attribs.name ?? '', t.attribs.content ?? '']));
}

function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Open Graph images (VitePress build)', function () {
  this.timeout(180_000);
  let content: string;
  let outDir: string;
  let first: { code: number | null; output: string };
  let browser: Browser;
  // A title no earlier build has drawn, so the first build must draw at least one card.
  const token = `${process.pid}-${Date.now()}`;

  before(async () => {
    content = copyContent();
    writeFileSync(path.join(content, 'notes/fresh.md'), `---\ntitle: "A card never drawn before ${token}"\ndate: 2026-02-01\n---\n\nBody.\n`);
    writeFileSync(path.join(content, 'notes/heiko.md'), '---\ntitle: "並行サーバー 🚀"\ndate: 2026-02-02\n---\n\nBody.\n');
    writeFileSync(path.join(content, 'notes/hostile.md'), '---\ntitle: "</script><img src=x onerror=alert(1)>"\ndate: 2026-02-03\n---\n\nBody.\n');
    outDir = mkdtempSync(path.join(os.tmpdir(), 'notepress-og-'));
    first = await buildSite(content, outDir);
    assert.equal(first.code, 0, first.output);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    rmSync(content, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('gives every page an og:image that is a 1200×630 PNG in the output, with a large Twitter card', () => {
    const pages = htmlFiles(outDir).filter((f) => f !== '404.html');
    assert.ok(pages.length >= 25, pages.join());
    for (const f of ['index.html', 'notes/index.html', 'tags/event-loop.html', 'notes/heiko.html', 'notes/hostile.html']) assert.ok(pages.includes(f), f);
    for (const page of pages) {
      const m = meta(readFileSync(path.join(outDir, page), 'utf8'));
      const image = m.get('og:image') ?? '';
      assert.ok(image.startsWith(`${SITE}/og/`) && image.endsWith('.png'), `${page}: og:image ${image}`);
      const file = path.join(outDir, decodeURIComponent(image.slice(SITE.length)));
      assert.deepEqual(pngSize(readFileSync(file)), { width: 1200, height: 630 }, page);
      assert.equal(m.get('og:image:width'), '1200', page);
      assert.equal(m.get('og:image:height'), '630', page);
      assert.ok(m.get('og:image:alt'), page);
      assert.equal(m.get('twitter:image'), image, page);
      assert.equal(m.get('twitter:card'), 'summary_large_image', page);
    }
    const images = new Set(pages.map((p) => meta(readFileSync(path.join(outDir, p), 'utf8')).get('og:image')));
    assert.equal(images.size, pages.length, 'one image per page');
    assert.equal(meta(readFileSync(path.join(outDir, '404.html'), 'utf8')).get('og:image'), undefined);
  });

  it('the images load in Chromium at 1200×630', async () => {
    const server = await serveStatic(outDir);
    const page = await browser.newPage();
    try {
      for (const p of ['/', '/notes/concurrent-servers-from-sockets-to-async-await', '/notes/heiko', '/tags/event-loop']) {
        await page.goto(server.url + p);
        const image = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
        const size = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, server.url + image.slice(SITE.length));
        assert.deepEqual(size, [1200, 630], p);
      }
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('draws a card once: an unchanged site is built again from the cache', async () => {
    const drawn = (output: string) => Number(/Open Graph images \((\d+) drawn, (\d+) from the cache\)/.exec(output)?.[1]);
    assert.ok(drawn(first.output) >= 1, first.output);
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-og-again-'));
    try {
      const again = await buildSite(content, out);
      assert.equal(again.code, 0, again.output);
      assert.equal(drawn(again.output), 0, again.output);
      const fresh = 'og/notes/fresh.png';
      assert.deepEqual(readFileSync(path.join(out, fresh)), readFileSync(path.join(outDir, fresh)));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('NOTEPRESS_OG_IMAGES=off builds no images and keeps the small Twitter card', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-og-off-'));
    process.env.NOTEPRESS_OG_IMAGES = 'off';
    try {
      const off = await buildSite(content, out);
      assert.equal(off.code, 0, off.output);
      assert.ok(!readdirSync(out).includes('og'));
      const m = meta(readFileSync(path.join(out, 'index.html'), 'utf8'));
      assert.equal(m.get('og:image'), undefined);
      assert.equal(m.get('twitter:card'), 'summary');
    } finally {
      delete process.env.NOTEPRESS_OG_IMAGES;
      rmSync(out, { recursive: true, force: true });
    }
  });
});
