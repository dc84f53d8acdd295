/**
 * Two changes to the HTML VitePress writes for each page (its `transformHtml` hook):
 * - no empty stylesheet: VitePress links `vp-icons.css` from every page, the social
 *   icons of its default theme; this theme has none, so the file is empty and the link
 *   is one render-blocking request for nothing;
 * - the 404 page has its text without JavaScript: VitePress renders it and then writes
 *   `404.html` with an empty `#app`. The rendered markup is put back; it is what the
 *   client renders at any unknown address, so hydration matches.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The icons stylesheet, as VitePress links it. */
const ICONS_FILE = 'vp-icons.css';
const ICONS_LINK = new RegExp(`[ \\t]*<link rel="preload stylesheet" href="[^"]*${ICONS_FILE.replace('.', '\\.')}" as="style">\\n?`);
const EMPTY_APP = '<div id="app"></div>';

export function transformPageHtml(html: string, ctx: { page: string; content: string }): string {
  let out = html.replace(ICONS_LINK, '');
  if (ctx.page === '404.md' && ctx.content && out.includes(EMPTY_APP)) out = out.replace(EMPTY_APP, () => `<div id="app">${ctx.content}</div>`);
  return out;
}

/** Removes the icons stylesheet, no page's link to it, once the build is done; it is empty, as this theme shows no VitePress icon. */
export async function removeEmptyIcons(outDir: string): Promise<void> {
  const file = path.join(outDir, ICONS_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined && !text.trim()) await fs.rm(file);
}
