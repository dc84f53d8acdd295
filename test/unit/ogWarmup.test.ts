import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OgCard } from '../../docs/site/ogImage';
import { ogImage } from '../../docs/site/ogCache';
import { startWarmup } from '../../docs/site/ogWarmup';

const card = (title: string): OgCard => ({ title, kind: 'Note', date: '2026-06-01', readingTime: '3 min read', siteName: 'Warmup', url: `https://example.org/notes/${encodeURIComponent(title)}` });

describe('ogWarmup: cards drawn early on a worker thread', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'notepress-og-warm-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every card into the cache, where the build then finds it; a card predicted wrongly is drawn at the end', async () => {
    const cards = [card('First early card'), card('Second early card'), card('Third early card')];
    const drawn = await startWarmup(cards, dir).done;
    assert.equal(drawn.size, 3);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.png')).length, 3);
    for (const c of cards) {
      const r = await ogImage(c, dir);
      assert.equal(r.drawn, false, c.title);
      assert.ok(drawn.has(r.hash), c.title);
    }
    // The page's card turned out to differ (a title changed between load and render): not in the cache.
    const late = await ogImage({ ...cards[0], readingTime: '4 min read' }, dir);
    assert.equal(late.drawn, true);
    assert.ok(!drawn.has(late.hash));
  });

  it('a card already in the cache is not drawn again, and no cards start no thread', async () => {
    const c = card('Cached before');
    await ogImage(c, dir);
    assert.equal((await startWarmup([c], dir).done).size, 0);
    assert.equal((await startWarmup([], dir).done).size, 0);
  });

  it('a cache folder that cannot be written costs the early cards, not the build', async () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    assert.equal((await startWarmup([card('Nowhere to go')], path.join(file, 'og')).done).size, 0);
  });
});
