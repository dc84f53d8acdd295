/**
 * Open Graph cards cached by content: a card is drawn only when something that
 * changes its picture changed (its fields, the font, the layout, satori or resvg).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { replaceFile, sha256 } from '../../extension/core/node/cacheFile';
import { createRenderer, type OgCard, type OgRenderer } from './ogImage';

let shared: OgRenderer | undefined;
/** The renderer over the theme's font, created on first use and kept for the process. */
export const defaultRenderer = (): OgRenderer => (shared ??= createRenderer());

/** The cache key of a card: every field in a fixed order, and everything else that changes the picture. */
export function cardHash(card: OgCard, renderer: OgRenderer): string {
  const k = renderer.key;
  const parts = [card.title, card.kind, card.date ?? null, card.readingTime ?? null, card.siteName, card.url ?? null, k.renderer, k.font, k.satori, k.resvg];
  return sha256(JSON.stringify(parts));
}

/**
 * The PNG of a card, from `cacheDir` when it was drawn before; otherwise drawn and
 * stored there. `drawn` says which. Written under a temporary name and renamed, so
 * builds sharing the cache never see half a file.
 */
export async function ogImage(card: OgCard, cacheDir: string, renderer: OgRenderer = defaultRenderer()): Promise<{ file: string; hash: string; drawn: boolean }> {
  const hash = cardHash(card, renderer);
  const file = path.join(cacheDir, `${hash}.png`);
  // A hit marks the file as used now, which is what `pruneCache` goes by.
  const now = new Date();
  if (await fs.utimes(file, now, now).then(() => true, () => false)) return { file, hash, drawn: false };
  const png = await renderer.draw(card);
  await fs.mkdir(cacheDir, { recursive: true });
  await replaceFile(file, (tmp) => fs.writeFile(tmp, png));
  return { file, hash, drawn: true };
}

/**
 * Removes cards not used for `days` days, so that old titles do not pile up. Age, not
 * this build's list, decides: other builds (other content folders) share the cache.
 */
export async function pruneCache(cacheDir: string, days = 30): Promise<number> {
  const names = await fs.readdir(cacheDir).catch(() => [] as string[]);
  const before = Date.now() - days * 86_400_000;
  let removed = 0;
  for (const name of names) {
    if (!/\.(png|tmp)$/.test(name)) continue;
    const file = path.join(cacheDir, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < before) removed += await fs.rm(file, { force: true }).then(() => 1, () => 0);
  }
  return removed;
}
