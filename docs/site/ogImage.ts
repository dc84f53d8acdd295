/**
 * Draws a page's Open Graph card: a 1200×630 PNG in the site's light theme, laid out
 * by satori (text to paths with the theme's own font) and rasterised by resvg.
 * Knows nothing of VitePress or caching; `ogCache.ts` decides when to draw.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import opentype from 'opentype.js';
import { formatDate } from '../../extension/core/index';

/** What a card shows. Every field changes the picture, so every field is part of the cache key. */
export interface OgCard {
  readonly title: string;
  /** "Note", "Case study", "Notes", "Tag"… */
  readonly kind: string;
  /** YYYY-MM-DD, shown as the site shows dates. */
  readonly date?: string;
  /** As the site shows it: "8 min read". */
  readonly readingTime?: string;
  readonly siteName: string;
  /** The page's absolute URL: its host is printed, and its path stands in for a title the font cannot draw. */
  readonly url?: string;
}

/** A font and the drawing code that uses it; `key` names everything besides the card that changes the picture. */
export interface OgRenderer {
  readonly key: { readonly renderer: string; readonly font: string; readonly satori: string; readonly resvg: string };
  /** Whether the font has a glyph for a character (white space always counts as drawable). */
  has(ch: string): boolean;
  draw(card: OgCard): Promise<Buffer>;
}

export const WIDTH = 1200;
export const HEIGHT = 630;
/** Bump when the layout or colours below change: cached cards are drawn again. */
export const RENDERER_VERSION = '1';
/** The theme's font: Inter Bold (SIL Open Font License, `OFL.txt` beside it). */
// Two folders up is the package's root both from the source (docs/site/) and from its build (dist/site/).
export const FONT_FILE = fileURLToPath(new URL('../../docs/theme/fonts/Inter-Bold.ttf', import.meta.url));

// The light theme's colours, from theme/styles/vars.css.
const C = { bg: '#ffffff', soft: '#f6f8fa', text: '#1f2328', muted: '#57606a', border: '#d0d7de', accent: '#0969da', termBg: '#0f172a', termAccent: '#7dd3fc' };

const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

/**
 * A renderer over one font file, read and parsed once: satori keeps its parsed font
 * for as long as it is handed the same font data, so a build parses it once, not per card.
 */
export function createRenderer(o: { fontFile?: string; version?: string } = {}): OgRenderer {
  const data = readFileSync(o.fontFile ?? FONT_FILE);
  const fonts = [{ name: 'Inter', data, weight: 700 as const, style: 'normal' as const }];
  const cmap = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), { lowMemory: true });
  const has = (ch: string) => /\s/u.test(ch) || cmap.hasChar(ch);
  return {
    key: {
      renderer: o.version ?? RENDERER_VERSION,
      font: createHash('sha256').update(data).digest('hex'),
      satori: versionOf('satori'),
      resvg: versionOf('@resvg/resvg-js'),
    },
    has,
    async draw(card) {
      const svg = await satori(cardTree(card, has) as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts });
      // satori drew the text as paths, so resvg needs no fonts (scanning the system's costs more the more it has).
      // Rasterised on libuv's threads while the next card is laid out; the PNG encoding that follows, over
      // half of a card's time, runs on this thread (resvg-js has no asynchronous encoder).
      const png = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, logLevel: 'off' });
      return png.asPng();
    },
  };
}

/**
 * The text the font can draw. Characters it lacks (CJK, Devanagari, emoji…) are left
 * out rather than drawn as "no glyph" boxes, and any control characters with them.
 */
export function drawable(text: string, has: (ch: string) => boolean): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (/\p{Cc}|\p{Cs}/u.test(ch)) out += ' ';
    else if (has(ch)) out += ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** The title to draw: what the font can draw of it, or the page's path when that leaves no word at all. */
export function titleText(card: OgCard, has: (ch: string) => boolean): string {
  const title = drawable(card.title, has);
  if (/[\p{L}\p{N}]/u.test(title)) return title;
  const pathname = card.url ? safeUrl(card.url)?.pathname ?? '' : '';
  const slug = drawable(decodeURIComponentSafe(pathname).split('/').filter(Boolean).pop() ?? '', has);
  return /[\p{L}\p{N}]/u.test(slug) ? slug : title;
}

const safeUrl = (u: string) => { try { return new URL(u); } catch { return undefined; } };
const decodeURIComponentSafe = (s: string) => { try { return decodeURIComponent(s); } catch { return s; } };

/** The element tree satori lays out (React's shape, without React). */
export type CardNode = { type: string; props: { style?: Record<string, unknown>; children?: CardNode | string | (CardNode | string)[] } };
const el = (type: string, style: Record<string, unknown>, children?: CardNode['props']['children']): CardNode => ({ type, props: { style, children } });

/** The card: brand and kind on top, the title in the middle, date, reading time and host below. */
export function cardTree(card: OgCard, has: (ch: string) => boolean): CardNode {
  const title = titleText(card, has);
  // Shorter titles are drawn larger; every size fits three lines of the longest words.
  const size = title.length <= 40 ? 72 : title.length <= 90 ? 60 : 52;
  const meta = [card.date ? formatDate(card.date) : '', card.readingTime ?? ''].map((t) => drawable(t, has)).filter(Boolean).join('  ·  ');
  const kind = drawable(card.kind, has);
  const host = card.url ? safeUrl(card.url)?.host ?? '' : '';
  return el('div', { width: WIDTH, height: HEIGHT, display: 'flex', flexDirection: 'column', background: C.bg, color: C.text, fontFamily: 'Inter' }, [
    el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '64px 80px 48px 80px' }, [
      el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30 }, [
        el('div', { display: 'flex', alignItems: 'center' }, [
          el('div', { display: 'flex', alignItems: 'center', justifyContent: 'center', width: 64, height: 64, borderRadius: 12, background: C.termBg, color: C.termAccent, fontSize: 30, marginRight: 20 }, '$_'),
          el('div', { display: 'block', maxWidth: 640, lineClamp: 1 }, drawable(card.siteName, has)),
        ]),
        kind ? el('div', { display: 'flex', padding: '8px 20px', borderRadius: 999, border: `2px solid ${C.border}`, background: C.soft, color: C.accent, fontSize: 26 }, kind) : el('div', {}),
      ]),
      el('div', { display: 'flex', flexGrow: 1, alignItems: 'center' }, [
        el('div', { display: 'block', width: WIDTH - 160, fontSize: size, lineHeight: 1.18, letterSpacing: -1, wordBreak: 'break-word', lineClamp: 3 }, title),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 28, color: C.muted }, [
        el('div', { display: 'flex' }, meta),
        el('div', { display: 'flex' }, drawable(host, has)),
      ]),
    ]),
    el('div', { display: 'flex', height: 12, background: C.accent }),
  ]);
}
