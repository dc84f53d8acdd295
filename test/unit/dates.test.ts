import { strict as assert } from 'node:assert';
import { formatDate, isIsoDate, repairDate, today } from '../../extension/core/dates';

describe('dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    assert.equal(isIsoDate('2026-06-01'), true);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-13-45'), false);
    assert.equal(isIsoDate('2026-6-1'), false);
    assert.equal(isIsoDate('2026-00-10'), false);
    assert.equal(isIsoDate('June 1, 2026'), false);
  });
  it('repairs common near-misses and refuses impossible dates', () => {
    assert.equal(repairDate('2026/6/1'), '2026-06-01');
    assert.equal(repairDate('2026.05.20'), '2026-05-20');
    assert.equal(repairDate('2026-13-45'), undefined);
    assert.equal(repairDate('yesterday'), undefined);
  });
  it('formats as the seed shows dates, whatever the zone', () => {
    assert.equal(formatDate('2026-06-01'), 'Jun 1, 2026');
    assert.equal(formatDate('2026-05-13'), 'May 13, 2026');
    assert.equal(formatDate('2026-05-13', { year: false }), 'May 13');
    assert.equal(formatDate('not a date'), 'not a date');
  });
  it('gives today in local time', () => {
    assert.equal(today(new Date(2026, 10, 5, 23, 59)), '2026-11-05');
  });
});
