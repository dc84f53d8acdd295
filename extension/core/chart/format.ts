/** Small text helpers shared by the chart's SVG, table and description. */
import { format as d3format } from 'd3-format';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '{': '&#123;' };

/** Text for HTML content and attributes; `{` too, so `{{` never reaches Vue's compiler as an expression. */
export const esc = (s: string): string => s.replace(/[&<>"{]/g, (c) => ESCAPES[c]);

/** A coordinate rounded to 2 places, the precision the SVG is written in. */
export const r2 = (n: number): number => Math.round(n * 100) / 100;

/** An axis or column label with its unit: `lag (records)`. */
export const label = (name: string, unit?: string): string => (unit ? `${name} (${unit})` : name);

/** Numbers in prose: grouped thousands, no trailing zeros. */
export const fmt = d3format(',~r');

/**
 * `String(r2(n))`, written from the integer hundredths: drawing 10,000 points writes
 * 20,000 numbers, and converting fractional doubles to text is the slow part of that.
 */
export function coord(n: number): string {
  let i = Math.round(n * 100);
  // Outside this range String() may use an exponent; leave those to it.
  if (!(i > -1e15 && i < 1e15)) return String(r2(n));
  let sign = '';
  if (i < 0) {
    sign = '-';
    i = -i;
  }
  const whole = Math.floor(i / 100);
  const frac = i - whole * 100;
  if (frac === 0) return sign + whole;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/**
 * Path data for SVG, written straight into bytes: a d3-path context for d3-shape's
 * generators, numbers as `coord` writes them. Drawing 10,000 points through strings made
 * a few hundred bytes of short-lived strings per point, and collecting them cost more
 * than drawing; this makes one string at the end.
 */
export class PathWriter {
  private buf = new Uint8Array(1 << 14);
  private n = 0;

  moveTo(x: number, y: number): void {
    this.command(77 /* M */, x, y);
  }
  lineTo(x: number, y: number): void {
    this.command(76 /* L */, x, y);
  }
  closePath(): void {
    this.room(1);
    this.buf[this.n++] = 90; /* Z */
  }
  /** Appends ASCII bytes as they are (a symbol's path, made once). */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }
  /** The path data written so far. */
  get d(): string {
    return ASCII.decode(this.buf.subarray(0, this.n));
  }

  private command(c: number, x: number, y: number): void {
    this.room(48);
    this.buf[this.n++] = c;
    this.number(x);
    this.buf[this.n++] = 44; /* , */
    this.number(y);
  }
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }
  private number(v: number): void {
    let i = Math.round(v * 100);
    if (!(i > -1e15 && i < 1e15)) {
      const s = String(r2(v));
      this.room(s.length);
      for (let k = 0; k < s.length; k++) this.buf[this.n++] = s.charCodeAt(k);
      return;
    }
    const buf = this.buf;
    if (i < 0) {
      buf[this.n++] = 45; /* - */
      i = -i;
    }
    let whole = Math.floor(i / 100);
    const frac = i - whole * 100;
    // Digits of the whole part, written backwards then reversed in place.
    const from = this.n;
    do {
      const q = Math.floor(whole / 10);
      buf[this.n++] = 48 + whole - q * 10;
      whole = q;
    } while (whole > 0);
    for (let a = from, b = this.n - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
    if (frac === 0) return;
    const tens = Math.floor(frac / 10);
    buf[this.n++] = 46; /* . */
    buf[this.n++] = 48 + tens;
    if (frac - tens * 10) buf[this.n++] = 48 + frac - tens * 10;
  }
}

const ASCII = new TextDecoder('latin1');

/** A string's bytes, for `PathWriter.raw` (ASCII only). */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}
