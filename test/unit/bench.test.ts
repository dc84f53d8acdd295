import { strict as assert } from 'node:assert';
import { benchChart, benchIndex, benchPreview, ogRows } from '../../bench/run';
import { benchOg } from '../../bench/og';
import { noteText, rng } from '../../bench/generate';
import { summarize } from '../../bench/stats';

// A smoke of the benchmark harness at tiny sizes, so it cannot rot. Nothing here is timed.
describe('benchmark harness (smoke)', function () {
  this.timeout(60_000);
  it('generates the same notebook for the same seed', () => {
    assert.equal(noteText(7, { proseWords: 100, codeBlocks: 2, codeLines: 3 }), noteText(7, { proseWords: 100, codeBlocks: 2, codeLines: 3 }));
    assert.notEqual(noteText(7, { proseWords: 100, codeBlocks: 2, codeLines: 3 }), noteText(8, { proseWords: 100, codeBlocks: 2, codeLines: 3 }));
    assert.equal(rng(1)(), rng(1)());
  });
  it('summarizes samples', () => {
    assert.deepEqual(summarize([5, 1, 3, 2, 4]), { median: 3, p95: 5, min: 1, max: 5, runs: 5 });
  });
  it('measures the index and the preview, with baselines, at tiny sizes', async () => {
    const rows = [...(await benchIndex([20], 1)), ...(await benchPreview(2, 1))];
    assert.equal(rows.length, 6);
    for (const r of rows) assert.match(r.value, /^\d+(\.\d+)? (ms|MB)$/, r.what);
    assert.ok(rows.filter((r) => r.baseline).length >= 3);
  });
  it('measures charts against d3\'s line alone, at a tiny size', async () => {
    const rows = await benchChart(50, 2);
    assert.equal(rows.length, 5);
    assert.ok(rows.filter((r) => r.baseline).length === 3);
    for (const r of rows) assert.match(r.value, /^\d+(\.\d+)? (ms|KB)$/, r.what);
  });
  it('measures Open Graph cards against the default satori + resvg set-up, at a tiny size', async () => {
    const rows = ogRows(await benchOg(3, 1));
    assert.equal(rows.length, 5);
    for (const r of rows) assert.match(r.value, /^\d+(\.\d+)? ms$/, r.what);
    assert.ok(rows[0].baseline.includes('AstroPaper') && rows[1].baseline.includes('#428'));
  });
});
