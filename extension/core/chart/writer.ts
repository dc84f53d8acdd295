/**
 * SVG path data written straight into bytes: a d3-path context for d3-shape's
 * generators. A 10,000-point line written through strings made tens of thousands of
 * short-lived strings; here there is one, made at the end (measured on 10,000 points,
 * the string flattened: 1.3 ms, against 1.6 ms through strings and 6.6 ms through
 * d3-path with its rounding off).
 */
import { Buffer } from 'node:buffer';
import { r2 } from './format';

/**
 * Path data: numbers written as `String(r2(n))` would write them, from their integer
 * hundredths, and symbols appended as bytes made once.
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

  /** Appends bytes as they are (a symbol's path). */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }

  /** What was written, as one string; the writer starts again empty. */
  take(): string {
    // Only ASCII is written, so Latin-1 is exact, and Node's decoder for it the fastest.
    const s = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.n).toString('latin1');
    this.n = 0;
    return s;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  private command(c: number, x: number, y: number): void {
    this.room(48);
    this.buf[this.n++] = c;
    this.number(x);
    this.buf[this.n++] = 44; /* , */
    this.number(y);
  }

  private number(v: number): void {
    let i = Math.round(v * 100);
    if (!(i > -1e15 && i < 1e15)) {
      // Outside this range String() may use an exponent: leave those to it.
      this.raw(asciiBytes(String(r2(v))));
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

/** A string's bytes, for `PathWriter.raw` (ASCII only). */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}
