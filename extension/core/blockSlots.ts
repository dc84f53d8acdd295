/**
 * Large drawn blocks (charts, diagrams, display math) through the one sanitizer without
 * sanitizing them again on every keystroke: the preview renders the whole note per
 * keystroke, and a 10,000-point chart is about 1 MB of SVG and table, kept by its renderer
 * while its block is unchanged. Sanitizing it each time cost hundreds of milliseconds.
 *
 * A render puts each block in a slot: the note's HTML holds a token in its place, made of
 * 128 random bits drawn per render (note text, escaped and written before the draw, cannot
 * hold it). The note's HTML is sanitized with the tokens in it; each token must then have
 * been seen exactly once, as text written where an HTML element may start (no `<svg>` or
 * `<math>` around it, which changes how the block is read, and no open `<p>`, which the
 * block's `<figure>` or `<div>` would close), and be in the output exactly once. Then
 * each token becomes its block sanitized on its own (by sanitize.ts, kept by its exact
 * HTML in SanitizedBlocks). A block is one balanced element, and sanitize-html's treatment
 * of an element depends only on the elements open around it, so this is byte for byte
 * what sanitizing the whole note gives (the tests compare both). Anything else (a token
 * swallowed into an attribute, a comment or a dropped element, duplicated, missing)
 * sanitizes the whole HTML with the blocks in place, as before slots.
 */
import { sanitizeHtml, sanitizeHtmlSeeingText } from './sanitize';

type Options = { sourceLines?: boolean };

/** The elements a block may be, as its renderer writes them. */
const ROOT = /^<(figure|div)[\s>]/;

/**
 * Sanitized blocks by their exact HTML, one memo per sanitizer option: the sanitizer's
 * output depends on nothing else, so an entry is never wrong. Keyed by the HTML itself,
 * not a string built from it: a chart kept by its renderer is the same string object on
 * each render, which the map finds without reading its megabyte. Least recently used
 * first out, within a budget of characters each (a 10,000-point chart is about a million).
 *
 * `finish` is applied to every piece of sanitized HTML (the note's `{{` escape): it must
 * only rewrite text within a piece, as each piece starts with `<` and ends with `>`.
 */
export class SanitizedBlocks {
  private readonly memos = [new Map<string, string>(), new Map<string, string>()];
  private readonly chars = [0, 0];

  constructor(readonly finish: (html: string) => string = (html) => html, private readonly maxChars = 16_000_000) {}

  /** `html` sanitized on its own, then finished. */
  get(html: string, o: Options): string {
    const which = o.sourceLines === true ? 1 : 0;
    const memo = this.memos[which];
    const hit = memo.get(html);
    if (hit !== undefined) {
      memo.delete(html);
      memo.set(html, hit);
      return hit;
    }
    const clean = this.finish(sanitizeHtml(html, o));
    const size = html.length + clean.length;
    if (size <= this.maxChars / 2) {
      memo.set(html, clean);
      this.chars[which] += size;
      for (const [k, v] of memo) {
        if (this.chars[which] <= this.maxChars) break;
        memo.delete(k);
        this.chars[which] -= k.length + v.length;
      }
    }
    return clean;
  }

  get size(): number {
    return this.memos[0].size + this.memos[1].size;
  }
}

/** One render's slots. */
export class BlockSlots {
  private readonly prefix = `npblock${randomHex(16)}n`;
  private readonly blocks: string[] = [];

  constructor(private readonly memo: SanitizedBlocks) {}

  /** The token to write in place of `html` (one balanced `<figure>` or `<div>`); any other HTML is returned as it is. */
  slot(html: string): string {
    if (!ROOT.test(html)) return html;
    this.blocks.push(html);
    return `${this.prefix}${this.blocks.length - 1}e`;
  }

  /** The note's HTML, sanitized and finished, with each block sanitized in its slot. */
  sanitize(html: string, o: Options = {}): string {
    const { finish } = this.memo;
    const n = this.blocks.length;
    if (!n) return finish(sanitizeHtml(html, o));
    const token = new RegExp(`${this.prefix}(\\d+)e`, 'g');
    const inline = () => finish(sanitizeHtml(html.replace(token, (m, i: string) => this.blocks[Number(i)] ?? m), o));
    if (!eachOnce(html, this.prefix, token, n)) return inline();
    const seen = new Array<number>(n).fill(0);
    let misplaced = false;
    const out = sanitizeHtmlSeeingText(html, o, (text, open) => {
      if (!text.includes(this.prefix)) return;
      for (const m of text.matchAll(token)) {
        seen[Number(m[1])]++;
        if (open.includes('svg') || open.includes('math') || open[open.length - 1] === 'p') misplaced = true;
      }
    });
    if (misplaced || !seen.every((c) => c === 1) || !eachOnce(out, this.prefix, token, n)) return inline();
    const clean = this.blocks.map((b) => this.memo.get(b, o));
    // A piece that is not one element could make `finish`'s pattern across its edge (`{` + `{`).
    if (!clean.every((c) => c.startsWith('<') && c.endsWith('>'))) return inline();
    // Pieces joined, not `replace`d: a chart is a megabyte, and each pass over it costs milliseconds.
    const text = finish(out);
    let joined = '';
    let at = 0;
    for (const m of text.matchAll(token)) {
      joined += text.slice(at, m.index) + clean[Number(m[1])];
      at = m.index + m[0].length;
    }
    return joined + text.slice(at);
  }
}

/** True when `html` holds the prefix exactly `n` times, each time as a different token 0..n-1. */
function eachOnce(html: string, prefix: string, token: RegExp, n: number): boolean {
  if (html.split(prefix).length - 1 !== n) return false;
  const found = new Set([...html.matchAll(token)].map((m) => Number(m[1])));
  return found.size === n && [...found].every((i) => i < n);
}

function randomHex(bytes: number): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
