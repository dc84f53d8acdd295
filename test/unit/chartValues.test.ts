import { strict as assert } from 'node:assert';
import { decimalIn, toDate, toNumber } from '../../extension/core/chart/values';

/** A cell read in place (the fast path, or the slice when it declines), as the chart reads it. */
const read = (s: string, pad = '') => {
  const t = `${pad}${s}${pad}`;
  return decimalIn(t, pad.length, pad.length + s.length) ?? toNumber(s);
};

describe('chart values', () => {
  it('reads decimals in place exactly as Number() does, and declines what it cannot read exactly', () => {
    assert.equal(decimalIn('x,101.23,y', 2, 8), 101.23);
    assert.ok(Object.is(decimalIn('-0', 0, 2), -0));
    assert.deepEqual(['+.5', '7.', '5.e3', '-1.5e3', '0.05', '00012', '1E+05'].map((s) => decimalIn(s, 0, s.length)), [0.5, 7, 5000, -1500, 0.05, 12, 100000]);
    // Too many digits or too large an exponent for one exact rounding: left to Number().
    for (const s of ['1234567890123456', '1e23', '1e-23', '0x10', 'Infinity', '1_000', '.', '-', '1e', '']) assert.equal(decimalIn(s, 0, s.length), undefined, s);
  });

  it('agrees with toNumber on edge cases and on 200,000 generated cells', () => {
    const cells = ['0', '-0', '.e3', '1e+', '1..2', '1.2.3', '1e5e5', '--1', '+-1', 'NaN', '-Infinity', '0b1', '0o7', '1 000', '9007199254740993',
      '0.1234567890123456789', '1.7976931348623157e308', '5e-324', '1e400', '100e-2', '-.0', '٣'];
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = '0123456789.-+eE';
    for (let k = 0; k < 100_000; k++) {
      let s = '';
      const len = 1 + Math.floor(next() * 10);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(next() * (j < 3 ? alphabet.length : 11))];
      cells.push(s);
      const v = (next() - 0.5) * 10 ** Math.floor(next() * 30 - 12);
      cells.push(k % 2 ? v.toFixed(k % 7) : String(v));
    }
    for (const s of cells) assert.ok(Object.is(read(s, 'a,'), toNumber(s)), s);
  });

  it('reads dates as ISO 8601, UTC unless an offset is named', () => {
    assert.equal(toDate('2026-05-01'), Date.UTC(2026, 4, 1));
    assert.equal(toDate('2026-05-01 12:30'), Date.UTC(2026, 4, 1, 12, 30));
    assert.equal(toDate('2026-05-01T12:30+02:00'), Date.UTC(2026, 4, 1, 10, 30));
    assert.equal(toDate('May 1'), undefined);
  });
});
