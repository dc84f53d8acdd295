/** What a cell holds: a decimal number, an ISO date, or neither. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A cell as a number: null when empty (a gap), undefined when it is not a decimal number. */
export function toNumber(s: string): number | null | undefined {
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  // Number() also takes surrounding whitespace and 0x, 0b and 0o prefixes: data is decimal.
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) return undefined;
  if (s.length > 2 && s.charCodeAt(0) === 48) {
    const c = s.charCodeAt(1) | 32;
    if (c === 120 || c === 98 || c === 111) return undefined;
  }
  return n;
}

/** Exact powers of ten: a double holds each of these without rounding. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `s.slice(a, b)` as `Number()` reads it, without making the slice, when it is a plain
 * decimal (`-12.5`, `+.5`, `7.`, `1e-3`) of at most 15 significant digits and an
 * exponent within 22: the digits then make an exact integer, and one multiplication or
 * division by an exact power of ten rounds once, as `Number()` does. Anything else is
 * undefined: the caller reads the slice with `toNumber`.
 */
export function decimalIn(s: string, a: number, b: number): number | undefined {
  let i = a;
  let c = s.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) c = s.charCodeAt(++i);
  let m = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  let fraction = false;
  for (; i < b; c = s.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      digits++;
      if (fraction) scale++;
      if (m === 0 && c === 48) continue;
      if (++significant > 15) return undefined;
      m = m * 10 + (c - 48);
    } else if (c === 46 && !fraction) fraction = true;
    else break;
  }
  if (digits === 0) return undefined;
  let exp = 0;
  if (i < b && (c | 32) === 101) {
    c = s.charCodeAt(++i);
    const expNegative = c === 45;
    if (expNegative || c === 43) c = s.charCodeAt(++i);
    const from = i;
    for (; i < b && c >= 48 && c <= 57; c = s.charCodeAt(++i)) {
      exp = exp * 10 + (c - 48);
      if (exp > 400) return undefined;
    }
    if (i === from) return undefined;
    if (expNegative) exp = -exp;
  }
  if (i !== b) return undefined;
  const e = exp - scale;
  if (e > 22 || e < -22) return undefined;
  const v = e >= 0 ? m * POW10[e] : m / POW10[-e];
  return negative ? -v : v;
}

/** An ISO 8601 date or date-time cell as milliseconds since 1970 (UTC unless it names an offset), else undefined. */
export function toDate(s: string): number | undefined {
  if (!ISO_DATE.test(s)) return undefined;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
  return Number.isFinite(t) ? t : undefined;
}
