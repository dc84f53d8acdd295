/**
 * SVG path data, and a chart's data table, written straight into bytes: a d3-path
 * context for d3-shape's generators. A 10,000-point line written through strings made
 * tens of thousands of short-lived strings; here there is one per 16 KB of text
 * (measured on 10,000 points, the string flattened: 1.3 ms, against 1.6 ms through
 * strings and 6.6 ms through d3-path with its rounding off).
 *
 * Why chunks of 16 KB joined as they are, not one string made at the end: a string over
 * 128 KB is placed by V8 in fresh pages of its own, and faulting those in cost 3 to 6 ms a
 * megabyte on the machine measured, more than the rest of the table; strings of 16 KB are
 * made where small ones are, and joining them (a rope, flattened when read) copies nothing.
 */
import { Buffer } from 'node:buffer';
import { r2 } from './format';

const CHUNK = 1 << 14;

/**
 * ASCII text as bytes, taken as a string of 16 KB chunks. Text that is not ASCII (a
 * label in any script) is kept as a string of its own between them, so what is taken is
 * always exactly the text appended.
 */
export class TextWriter {
  protected buf = new Uint8Array(CHUNK);
  protected n = 0;
  private out = '';

  /** Appends bytes as they are (ASCII only: a symbol's path, a fixed piece of markup). */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }

  /** Appends `s` from `a` to `b`: as bytes while it is ASCII, the rest as a string of its own. */
  text(s: string, a = 0, b = s.length): void {
    this.room(b - a);
    const buf = this.buf;
    let n = this.n;
    for (let k = a; k < b; k++) {
      const c = s.charCodeAt(k);
      if (c >= 128) {
        this.n = n;
        this.flush();
        this.out += s.slice(k, b);
        return;
      }
      buf[n++] = c;
    }
    this.n = n;
  }

  /** What was written, as one string; the writer starts again empty. */
  take(): string {
    this.flush();
    const s = this.out;
    this.out = '';
    return s;
  }

  /** Makes room for `k` more bytes: the bytes so far become a chunk once the buffer is full. */
  protected room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    this.flush();
    if (k > this.buf.length) this.buf = new Uint8Array(k);
  }

  private flush(): void {
    if (!this.n) return;
    // Only ASCII is in the bytes, so Latin-1 is exact, and Node's decoder for it the fastest.
    this.out += Buffer.from(this.buf.buffer, this.buf.byteOffset, this.n).toString('latin1');
    this.n = 0;
  }
}

/**
 * Path data: numbers written as `String(r2(n))` would write them, from their integer
 * hundredths, and symbols appended as bytes made once.
 */
export class PathWriter extends TextWriter {
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
