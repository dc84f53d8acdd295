import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { benchSite, buildOnce } from '../../bench/site';
import { lighthouseRuns } from '../../bench/lighthouse';
import { siteRows } from '../../bench/run';
import { REPO } from '../helpers/site';

// A smoke of the site and Lighthouse benchmarks at tiny sizes, so they cannot rot. Nothing here is timed.
describe('benchmark harness: site build and Lighthouse (smoke)', function () {
  this.timeout(240_000);

  it('builds a tiny notebook with both themes and reports time, memory, size and page weight for each', () => {
    const results = benchSite([3], 1);
    assert.deepEqual(results.map((r) => r.theme), ['default', 'notepress']);
    for (const r of results) {
      assert.ok(r.time.median > 0 && r.peak.median > 50 && r.outMB > 0, r.theme);
      assert.ok(r.note.gzip > 1000 && r.note.gzip < r.note.raw && r.note.files > 1, r.theme);
    }
    const rows = siteRows(results);
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.baseline.includes('default theme')));
  });

  it('runs Lighthouse on a built page and reads its four scores, bytes, LCP and TBT', async () => {
    const base = mkdtempSync(path.join(REPO, '.cache', 'lh-smoke-'));
    try {
      cpSync(path.join(REPO, 'content'), path.join(base, 'content'), { recursive: true });
      buildOnce('notepress', path.join(base, 'content'), path.join(base, 'out'));
      const figures = (await lighthouseRuns(path.join(base, 'out'), ['/'], 1)).get('/')!;
      for (const k of ['performance', 'accessibility', 'bestPractices', 'seo'] as const) assert.ok(figures[k].median >= 0 && figures[k].median <= 100, k);
      assert.ok(figures.bytes.median > 10_000 && figures.lcp.median > 0 && figures.tbt.median >= 0);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
