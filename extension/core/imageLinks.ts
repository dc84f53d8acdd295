/**
 * A note's images open at full size: each markdown image is wrapped in a link to its own
 * file, as GitHub shows the images of a README, so a wide screenshot or plot scaled down
 * to the text column opens whole with a click or a tap, and zooms, without script. The
 * site copies the linked files beside the page (docs/site/images.ts), so the link works
 * from the page's address as written.
 *
 * Left alone: images already inside a link, images without alt text (decorative, and a
 * link needs a name), raw `<img>` tags, and SVG files (an SVG opened as a page of the
 * site could run script; as an `<img>` it cannot).
 */
import type { MarkdownItLike } from './markdown';
import { isSafeUrl } from './sanitize';
import { escapeHtml } from './header';

/** File types opened at full size: raster images, which a browser shows and never runs. */
const RASTER = /\.(png|jpe?g|gif|webp|avif)$/i;

/** Whether an image's `src` is one the site links to at full size. */
export function linksToFullSize(src: string): boolean {
  const clean = src.replace(/[?#].*$/, '');
  return RASTER.test(clean) && !/^data:/i.test(src) && isSafeUrl(src, 'link');
}

type Token = { type: string; content: string; children: Token[] | null; attrGet(name: string): string | null };

/** Wraps the renderer's image rule (VitePress's, on the site and in the preview). */
export function linkImages(md: MarkdownItLike): void {
  const image = md.renderer.rules.image as (tokens: Token[], idx: number, options: unknown, env: unknown, self: unknown) => string;
  md.renderer.rules.image = (tokens: Token[], idx: number, options: unknown, env: unknown, self: unknown) => {
    const html = image(tokens, idx, options, env, self);
    // Read after the inner rule, which normalises `src` (VitePress writes `a.png` as `./a.png`).
    const src = tokens[idx].attrGet('src') ?? '';
    const alt = (tokens[idx].children ?? []).map((t) => t.content).join('').trim();
    if (!alt || !linksToFullSize(src) || insideLink(tokens, idx)) return html;
    return `<a class="np-full-size" href="${escapeHtml(src)}">${html}</a>`;
  };
}

/** Inside a markdown link or a raw `<a>`: a link in a link is not HTML. */
function insideLink(tokens: Token[], idx: number): boolean {
  let depth = 0;
  for (let i = 0; i < idx; i++) {
    const t = tokens[i];
    if (t.type === 'link_open' || (t.type === 'html_inline' && /^<a[\s>]/i.test(t.content))) depth++;
    else if (t.type === 'link_close' || (t.type === 'html_inline' && /^<\/a\s*>/i.test(t.content))) depth--;
  }
  return depth > 0;
}
