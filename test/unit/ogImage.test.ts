import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRenderer, drawable, FONT_FILE, HEIGHT, titleText, WIDTH, type OgCard, type OgRenderer } from '../../docs/site/ogImage';
import { cardHash, ogImage, pruneCache } from '../../docs/site/ogCache';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const CARD: OgCard = {
  title: 'Concurrent servers: from sequential sockets to async/await', kind: 'Note', date: '2026-06-01',
  readingTime: '8 min read', siteName: 'SK1PPR', url: 'https://sk1ppr.github.io/notes/concurrent-servers',
};

/** A renderer that counts its drawings. */
function counted(r: OgRenderer): OgRenderer & { draws: number } {
  const c = { key: r.key, has: r.has, draws: 0, draw: (card: OgCard) => { c.draws++; return r.draw(card); } };
  return c;
}

describe('ogImage', function () {
  this.timeout(60_000);
  const renderer = createRenderer();
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-og-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws a 1200×630 PNG', async () => {
    const png = await renderer.draw(CARD);
    assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
    assert.deepEqual([WIDTH, HEIGHT], [1200, 630]);
    assert.ok(png.length > 5000, `${png.length} bytes: a card, not a blank`);
  });

  it('draws a different picture for a different title', async () => {
    const a = await renderer.draw(CARD);
    const b = await renderer.draw({ ...CARD, title: 'How Redis stays predictable' });
    assert.notDeepEqual(a, b);
  });

  const hostile: [string, string][] = [
    ['markup', '</script><img src=x onerror=alert(1)>'],
    ['300 characters', 'word '.repeat(60).slice(0, 299) + '!'],
    ['one 300-character word', 'x'.repeat(300)],
    ['CJK only', '並行サーバー：逐次ソケットから非同期へ'],
    ['Devanagari and emoji', 'नमस्ते दुनिया 🚀👩‍💻'],
    ['nothing', ''],
    ['control characters and a lone surrogate', 'a\u0000b\u0007c\ud800d\u202e'],
  ];
  for (const [name, title] of hostile) {
    it(`draws, without throwing, a card titled with ${name}`, async () => {
      const png = await renderer.draw({ ...CARD, title, siteName: title, kind: title });
      assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
    });
  }

  it('draws 40 seeded random titles from many scripts, marks, controls and surrogates without throwing', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ranges = [[0x20, 0x7e], [0x80, 0x2ff], [0x300, 0x36f], [0x590, 0x6ff], [0x900, 0x97f], [0x2000, 0x206f], [0x3000, 0x9fff], [0xd800, 0xdfff], [0xfe00, 0xffff], [0x1f300, 0x1faff], [0xe0000, 0xe007f], [0, 0x1f]];
    for (let i = 0; i < 40; i++) {
      let title = '';
      for (let n = Math.floor(rnd() * 300); n > 0; n--) {
        const [a, b] = ranges[Math.floor(rnd() * ranges.length)];
        title += String.fromCodePoint(a + Math.floor(rnd() * (b - a)));
      }
      const png = await renderer.draw({ ...CARD, title, kind: title.slice(0, 12), siteName: title.slice(3, 30) });
      assert.deepEqual(pngSize(png), { width: 1200, height: 630 }, JSON.stringify(title));
    }
  });

  it('leaves out what the font cannot draw, and falls back to the page path when no word is left', () => {
    const has = (ch: string) => /[\x20-\x7e]/.test(ch);
    assert.equal(drawable('Rust の async 🚀', has), 'Rust async');
    assert.equal(drawable('a\u0000b\nc', has), 'a b c');
    assert.equal(titleText({ ...CARD, title: '並行サーバー', url: 'https://x.dev/notes/concurrency-jp' }, has), 'concurrency-jp');
    assert.equal(titleText({ ...CARD, title: '並行サーバー', url: 'https://x.dev/notes/%E4%B8%A6' }, has), '');
    assert.equal(titleText({ ...CARD, title: 'Rust の async' }, has), 'Rust async');
  });

  it('the theme font draws Latin, Cyrillic, Greek and Vietnamese, and not CJK, Devanagari or emoji', () => {
    const titles = ['Łódź façade', 'Привет', 'Ελληνικά', 'Tiếng Việt'];
    assert.deepEqual(titles.map((t) => drawable(t, renderer.has)), titles);
    assert.equal(drawable('並行 servers नमस्ते 🚀', renderer.has), 'servers');
  });

  it('caches by content: draws once, then again when the title, kind, date, font or renderer version changes', async () => {
    const r = counted(renderer);
    const first = await ogImage(CARD, dir, r);
    assert.equal(first.drawn, true);
    assert.deepEqual(pngSize(readFileSync(first.file)), { width: 1200, height: 630 });
    const again = await ogImage({ ...CARD }, dir, r);
    assert.deepEqual([again.drawn, again.hash, again.file, r.draws], [false, first.hash, first.file, 1]);

    for (const changed of [{ ...CARD, title: 'Another title' }, { ...CARD, kind: 'Case study' }, { ...CARD, date: '2026-06-02' }]) {
      const before = r.draws;
      const x = await ogImage(changed, dir, r);
      assert.equal(x.drawn, true, JSON.stringify(changed));
      assert.notEqual(x.hash, first.hash);
      assert.equal(r.draws, before + 1);
    }

    const font = path.join(dir, 'font.ttf');
    copyFileSync(FONT_FILE, font);
    writeFileSync(font, Buffer.concat([readFileSync(font), Buffer.from('changed')]));
    const otherFont = counted(createRenderer({ fontFile: font }));
    assert.notEqual(otherFont.key.font, renderer.key.font);
    assert.equal((await ogImage(CARD, dir, otherFont)).drawn, true);
    assert.equal(otherFont.draws, 1);

    const otherVersion = counted(createRenderer({ version: 'test-2' }));
    assert.equal((await ogImage(CARD, dir, otherVersion)).drawn, true);
    assert.equal(otherVersion.draws, 1);
    assert.equal((await ogImage(CARD, dir, otherVersion)).drawn, false);
  });

  it('keys on satori and resvg versions too', () => {
    const moved = { ...renderer, key: { ...renderer.key, satori: '0.0.1' } };
    const resvg = { ...renderer, key: { ...renderer.key, resvg: '0.0.1' } };
    assert.notEqual(cardHash(CARD, moved), cardHash(CARD, renderer));
    assert.notEqual(cardHash(CARD, resvg), cardHash(CARD, renderer));
    assert.match(renderer.key.satori, /^\d+\.\d+\.\d+/);
    assert.match(renderer.key.resvg, /^\d+\.\d+\.\d+/);
  });

  it('prunes cards unused for a month and keeps the rest', async () => {
    const used = await ogImage(CARD, dir, renderer);
    const old = path.join(dir, 'old.png');
    writeFileSync(old, 'x');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(used.file, longAgo, longAgo);
    // Using a card again marks it as used.
    assert.equal((await ogImage(CARD, dir, renderer)).drawn, false);
    assert.equal(await pruneCache(dir), 1);
    assert.deepEqual(readdirSync(dir), [path.basename(used.file)]);
  });
});
